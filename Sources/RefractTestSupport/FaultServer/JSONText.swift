/// Builds JSON string literals from raw bytes, so invalid UTF-8 can be sent on purpose.
///
/// Escapes `"`, `\` and C0 controls (as real APIs do: the client's JSON decoder turns them back into
/// raw control characters); every other byte passes through untouched.
enum JSONText {
    static func quoted(_ bytes: [UInt8]) -> [UInt8] {
        // Most tokens need no escaping; checking first keeps large answers cheap even in debug builds.
        let plain = bytes.withUnsafeBufferPointer { buffer in
            !buffer.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        }
        if plain {
            var out = [UInt8](repeating: 0x22, count: bytes.count + 2)
            out.withUnsafeMutableBufferPointer { target in
                bytes.withUnsafeBufferPointer { source in
                    _ = UnsafeMutableBufferPointer(rebasing: target[1..<(bytes.count + 1)]).initialize(from: source)
                }
            }
            return out
        }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(bytes.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for byte in bytes {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return out
    }

    static func quoted(_ text: String) -> [UInt8] { quoted(Array(text.utf8)) }
}

/// Concatenates text and JSON literals into one event's bytes.
struct FaultBytes {
    private(set) var bytes: [UInt8] = []

    init(_ text: String = "") { bytes = Array(text.utf8) }

    mutating func add(_ text: String) { bytes += text.utf8 }
    mutating func add(json raw: [UInt8]) { bytes += JSONText.quoted(raw) }
    mutating func add(json text: String) { bytes += JSONText.quoted(text) }
    mutating func add(raw: [UInt8]) { bytes += raw }
}
