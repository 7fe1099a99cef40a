/// One few-shot pair: an input and the answer the model should have given, shown before the real input.
public struct FewShotExample: Sendable, Equatable, Codable {
    public var input: String
    public var output: String

    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }
}
