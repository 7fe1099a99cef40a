import Platform
import Foundation
import Testing
@testable import Providers

/// Property tests over mutated bodies of every protocol (a fixed seed and count, so every run checks
/// the same 11,000 inputs): decoding never crashes, each body decodes in bounded time to bounded output,
/// and where the reads split a body never changes what it means. `scripts/fuzz` explores further.
@Suite struct StreamDecoderPropertyTests {
    static let protocols: [ProtocolName] = [.anthropic, .openAIChat, .openAIResponses, .gemini, .ollama]
    static let mutationsPerSeed = 500

    @Test func seedsArePresent() {
        #expect(ByteMutator.seeds().count >= 20, "Tests/Fuzz/seeds holds one body per protocol and mode")
    }

    @Test(arguments: ByteMutator.seeds().map(\.name))
    func mutatedBodiesDecodeTheSameWholeAndSplit(_ seedName: String) throws {
        let seed = try #require(ByteMutator.seeds().first { $0.name == seedName })
        let name = Self.protocols[seed.protocolIndex % Self.protocols.count]
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: seedName.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
        for i in 0..<Self.mutationsPerSeed {
            let body = i == 0 ? seed.body : ByteMutator.mutate(seed.body, using: &random)
            let started = Date()
            let whole = StreamDecoder.decode(protocol: name, bytes: body)
            let sizes = (0..<4).map { _ in Int.random(in: 1...97, using: &random) }
            let split = StreamDecoder.decode(protocol: name, bytes: body, chunkSizes: sizes)
            let took = Date().timeIntervalSince(started)
            #expect(split == whole, "\(seedName) #\(i): reads of \(sizes) decode differently")
            #expect(took < 2, "\(seedName) #\(i): took \(took) s")
            // Output is bounded by input: text never grows beyond the bytes it came from (plus short messages).
            let produced = whole.reduce(0) { $0 + Self.size(of: $1) }
            #expect(produced <= body.count * 3 + 400 * max(1, whole.count), "\(seedName) #\(i): \(produced) bytes from \(body.count)")
            if split != whole || took >= 2 { break }
        }
    }

    static func size(of part: StreamPart) -> Int {
        switch part {
        case .textDelta(let s), .reasoningDelta(let s), .warning(let s): s.utf8.count
        case .error(let e): e.message.utf8.count
        default: 16
        }
    }
}
