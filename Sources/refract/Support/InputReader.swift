import Foundation

/// Reads prompt text and captured bodies from `@file`, `-` (stdin) or literal text, refusing non-UTF-8.
enum InputReader {
    /// Raw bytes of a file, or of stdin for `-`.
    static func bytes(_ path: String, option: String? = nil) throws -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        guard exists, !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            let why = !exists ? "does not exist" : isFolder.boolValue ? "is a folder, not a file" : "cannot be read (check its permissions)"
            throw CLIError(message: (option.map { "\($0): " } ?? "") + "\(path) \(why)", exitCode: 2)
        }
        return Array(data)
    }

    /// A prompt value: `@path` reads a file, `-` reads stdin, anything else is the text itself.
    static func text(_ value: String, option: String) throws -> String {
        let (bytes, source): ([UInt8], String)
        if value == "-" {
            (bytes, source) = (try self.bytes("-"), "standard input")
        } else if value.hasPrefix("@") {
            let path = String(value.dropFirst())
            (bytes, source) = (try self.bytes(path, option: option), path)
        } else {
            return value
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            throw CLIError(message: "\(option): \(source) is not UTF-8 text (invalid byte at offset \(offset)); convert it first, e.g. iconv -f latin1 -t utf-8", exitCode: 2)
        }
        return text
    }

    /// The byte offset of the first invalid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }
}
