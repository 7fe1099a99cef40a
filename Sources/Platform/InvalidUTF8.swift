/// Where text that should be UTF-8 stops being so, for "file:line:column: not UTF-8" messages.
public enum InvalidUTF8 {
    /// 1-based line and column (in bytes) of the first byte that is not valid UTF-8.
    public static func position(in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0, offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
            if scalar == "\n" { line += 1; lineStart = offset }
        }
        return (line, offset - lineStart + 1)
    }
}
