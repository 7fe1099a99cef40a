/// A file that cannot be used, with the place when there is one: one line, `file:line:column: what`.
/// The config and prompt files both report their mistakes this way.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `config.toml:12:3: providers.x.protocol: expected one of …` (a column only with its line).
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}
