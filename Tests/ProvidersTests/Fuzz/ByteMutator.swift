import Foundation
import Platform

/// Mutates valid bodies the way broken servers and networks do: flipped and dropped bytes, repeated
/// pieces, stray framing tokens, invalid UTF-8, cut-offs.
enum ByteMutator {
    static let tokens: [[UInt8]] = [
        "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "data: ", "data:", "event: error\n", "data: [DONE]\n\n", ":", "{", "}", "[", "]", ",",
        "\"", "\\", "\\u", "\\ud800", "null", "{\"error\":{\"message\":\"x\"}}\n", "\"done\":true", "\u{2028}",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xF0, 0x9F, 0x98]]

    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 2 where !bytes.isEmpty:
                let piece = bytes[at..<min(bytes.count, at + Int.random(in: 1...256, using: &random))]
                bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &random))
            case 3: bytes.insert(contentsOf: tokens.randomElement(using: &random)!, at: at)
            case 4: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
            }
        }
        return bytes
    }

    /// The fuzzing seeds (`Tests/Fuzz/seeds`): byte 0 is the protocol's index, byte 1 unused, the rest a body.
    static func seeds() -> [(name: String, protocolIndex: Int, body: [UInt8])] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz/seeds").standardized
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path), data.count > 2 else { return nil }
            let bytes = Array(data)
            return (name, Int(bytes[0]), Array(bytes[2...]))
        }
    }
}
