import Foundation

/// How few-shot examples are written for a base model in raw completion mode:
/// `Input: …⏎Output: …`, pairs separated by a blank line, the real input last with its output left open.
public struct RawExampleFormat: Sendable, Equatable, Codable {
    /// Written before each input.
    public var inputPrefix: String
    /// Written on the line after each input, before the answer.
    public var outputPrefix: String
    /// Between one pair and the next.
    public var separator: String

    public static let standard = RawExampleFormat(inputPrefix: "Input: ", outputPrefix: "Output: ", separator: "\n\n")

    public init(inputPrefix: String, outputPrefix: String, separator: String) {
        self.inputPrefix = inputPrefix
        self.outputPrefix = outputPrefix
        self.separator = separator
    }

    enum CodingKeys: String, CodingKey { case inputPrefix = "input_prefix", outputPrefix = "output_prefix", separator }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.standard
        inputPrefix = try c.decodeIfPresent(String.self, forKey: .inputPrefix) ?? d.inputPrefix
        outputPrefix = try c.decodeIfPresent(String.self, forKey: .outputPrefix) ?? d.outputPrefix
        separator = try c.decodeIfPresent(String.self, forKey: .separator) ?? d.separator
    }

    /// One pair as the base model sees it.
    public func pair(input: String, output: String) -> String {
        inputPrefix + input + "\n" + outputPrefix + output
    }

    /// The open end the model continues: the real input and the output prefix, without trailing
    /// spaces (a trailing space makes most tokenizers start the answer with an unusual token).
    public func openEnd(input: String) -> String {
        var prefix = outputPrefix
        while prefix.last == " " || prefix.last == "\t" { prefix.removeLast() }
        return inputPrefix + input + "\n" + prefix
    }

    /// A stop sequence that ends the answer where the model would start inventing the next pair.
    public var nextPairStop: String? {
        let head = inputPrefix.trimmingCharacters(in: .whitespaces)
        return head.isEmpty ? nil : "\n" + head
    }
}
