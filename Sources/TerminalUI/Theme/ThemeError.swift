/// Why a theme could not be loaded; the description names the file, line and key:
/// `themes/x.toml:12: roles.error.fg: expected 0–255, got 300`.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Sendable, Hashable {
        /// The file is not valid TOML.
        case syntax
        /// A value has the wrong type or range.
        case invalidValue
        /// No theme file of that name in any search path.
        case notFound
        /// The file exists but could not be read.
        case unreadable
        /// `inherits` goes round in a circle.
        case inheritanceCycle
    }

    public var kind: Kind
    /// The file as the caller named it.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known (syntax errors).
    public var column: Int?
    /// The dotted key path (`roles.error.fg`), when the problem is one key.
    public var key: String?
    public var message: String

    public init(kind: Kind, file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var s = file
        if let line {
            s += ":\(line)"
            if let column { s += ":\(column)" }
        }
        s += ": "
        if let key { s += "\(key): " }
        return s + message
    }
}
