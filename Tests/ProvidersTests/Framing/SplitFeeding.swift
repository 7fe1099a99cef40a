import Testing
@testable import Providers

/// Feeds bytes to framers and decoders in many different reads, to prove the split does not matter.
enum SplitFeeding {
    /// Messages from feeding `bytes` in reads that start at `offsets` (0 implied), then `finish()`.
    static func frames(_ framer: some StreamFramer, _ bytes: [UInt8], splitAt offsets: [Int] = []) -> [FramedMessage] {
        var framer = framer
        var messages: [FramedMessage] = []
        var start = 0
        for offset in offsets.sorted() + [bytes.count] where offset > start && offset <= bytes.count {
            messages += framer.feed(Array(bytes[start..<offset]))
            start = offset
        }
        messages += framer.finish()
        return messages
    }

    /// Read boundaries to try: whole, every byte, every 2-way split (for short input) and fixed sizes.
    static func splitPlans(for count: Int) -> [[Int]] {
        var plans: [[Int]] = [[], Array(0..<count)]
        if count <= 600 {
            plans += (1..<max(1, count)).map { [$0] }
        }
        for size in [2, 3, 5, 7, 16, 64] {
            plans.append(Array(stride(from: size, to: count, by: size)))
        }
        return plans
    }

    /// The messages of `bytes`, after checking that every split plan yields the same ones.
    static func framesAllWays<F: StreamFramer>(_ make: () -> F, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FramedMessage] {
        framesAllWays(make, Array(text.utf8), sourceLocation: sourceLocation)
    }

    static func framesAllWays<F: StreamFramer>(_ make: () -> F, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [FramedMessage] {
        let whole = frames(make(), bytes)
        for plan in splitPlans(for: bytes.count) {
            let split = frames(make(), bytes, splitAt: plan)
            if split != whole {
                Issue.record("reads split at \(plan.prefix(20))… gave \(split), whole gave \(whole)", sourceLocation: sourceLocation)
                break
            }
        }
        return whole
    }

    /// The parts `protocol` decodes `text` to, after checking that every read size yields the same parts.
    static func partsAllWays(_ name: ProtocolName, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [StreamPart] {
        partsAllWays(name, Array(text.utf8), sourceLocation: sourceLocation)
    }

    static func partsAllWays(_ name: ProtocolName, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [StreamPart] {
        let whole = StreamDecoder.decode(protocol: name, bytes: bytes)
        for sizes in [[1], [2], [3], [5], [7], [13], [64], [1, 4, 9, 2]] {
            let split = StreamDecoder.decode(protocol: name, bytes: bytes, chunkSizes: sizes)
            if split != whole {
                Issue.record("reads of \(sizes) bytes gave \(split), whole gave \(whole)", sourceLocation: sourceLocation)
                break
            }
        }
        return whole
    }

    /// Folds parts into a run, for assertions on the result.
    static func run(_ parts: [StreamPart]) -> RunAccumulator {
        var run = RunAccumulator()
        for part in parts { run.add(part) }
        return run
    }
}
