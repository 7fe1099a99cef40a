import Foundation
import Platform
import Testing
@testable import Sessions

/// Property tests over mutated session files (fixed seed and count): reading never crashes, takes
/// bounded time, and the file reader and the in-memory reader agree on every input.
@Suite struct SessionReaderPropertyTests {
    static let examples: [URL] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sessions").standardized
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasPrefix("example-") && $0.pathExtension == "jsonl" }
            .sorted { $0.path < $1.path }
    }()

    @Test func mutatedSessionsReadTheSameFromFileAndMemory() throws {
        try #require(Self.examples.count >= 3, "the example sessions are the seeds")
        let folder = TestFolder()
        let file = folder.file("mutated.jsonl")
        var random = SplitMix64(seed: 20261124)
        var read = 0, refused = 0
        for example in Self.examples {
            let original = bytes(of: example)
            for i in 0..<300 {
                let mutated = i == 0 ? original : SessionMutator.mutate(original, using: &random)
                try Data(mutated).write(to: file)
                let started = Date()
                let fromFile = Result { () throws(SessionError) in try SessionReader.read(file) }
                let fromMemory = Result { () throws(SessionError) in try SessionReader.read(bytes: mutated, name: file.path) }
                #expect(Date().timeIntervalSince(started) < 2, "\(example.lastPathComponent) #\(i) was slow")
                switch (fromFile, fromMemory) {
                case (.success(var a), .success(let b)):
                    a.file = nil
                    #expect(a == b, "\(example.lastPathComponent) #\(i): the two readers disagree")
                    read += 1
                case (.failure(let a), .failure(let b)):
                    #expect(a.message == b.message, "\(example.lastPathComponent) #\(i)")
                    #expect(a.message.contains("mutated.jsonl"), "an error names the file: \(a.message)")
                    refused += 1
                default:
                    Issue.record("\(example.lastPathComponent) #\(i): one reader failed, the other did not")
                }
            }
        }
        // Both outcomes were exercised.
        #expect(read > 100 && refused > 10, "read \(read), refused \(refused)")
    }
}

/// Line-aware damage: torn lines, dropped and repeated lines, flipped bytes, stray JSON.
enum SessionMutator {
    static let stray: [[UInt8]] = ["{", "}", "\"", "\n", "{\"type\":\"text\",\"run\":99,\"ms\":1,\"text\":\"orphan\"}\n",
                                   "{\"type\":\"finished\",\"run\":1}\n", "{\"type\":\"session\",\"version\":1}\n", "null\n", "[]\n"].map { Array($0.utf8) }
        + [[0xFF, 0xFE], [0x00]]

    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...200, using: &random)))
            case 2 where !bytes.isEmpty:
                let piece = bytes[at..<min(bytes.count, at + Int.random(in: 1...300, using: &random))]
                bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &random))
            case 3: bytes.insert(contentsOf: stray.randomElement(using: &random)!, at: at)
            default: bytes = Array(bytes.prefix(at))
            }
        }
        return bytes
    }
}
