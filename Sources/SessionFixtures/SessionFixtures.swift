import Foundation
import Platform
import Providers
import Sessions

/// Generated sessions for tests and benchmarks: realistic lines (the real coalescer and encoder),
/// deterministic content, and the figures a reader should find in them.
public enum SessionFixtures {
    /// What a generated session holds, to check a reader or index against.
    public struct Expected: Sendable, Equatable {
        public var runs: Int
        public var failedRuns: Int
        public var pricedRuns: Int
        public var totalCostUSD: Double
        /// In order of first use.
        public var models: [ModelRef]
        /// Streamed answer tokens across all runs.
        public var tokens: Int
        public var bytes: Int
        public var lines: Int
        public var title: String
    }

    /// A generated session in memory.
    public struct LargeSession: Sendable {
        public var bytes: [UInt8]
        public var expected: Expected
    }

    /// The models the generator rotates through.
    public static let models: [ModelRef] = [
        ModelRef(provider: "anthropic", model: "claude-sonnet-4-5"),
        ModelRef(provider: "openai", model: "gpt-4.1-mini"),
        ModelRef(provider: "gemini", model: "gemini-2.5-flash"),
        ModelRef(provider: "local", model: "qwen2.5-0.5b-instruct"),
    ]

    /// A session of `runs` runs of `tokensPerRun` streamed tokens each (10,000 × 350 ≈ 100 MB).
    /// Every 25th run fails mid-stream; runs on the local model are unpriced; every 100 runs open with a
    /// 2 × 2 comparison group. Tokens arrive every 10–40 ms, coalesced per 50 ms as in a live run.
    public static func makeLargeSession(runs: Int, tokensPerRun: Int, seed: UInt64 = 1) -> LargeSession {
        var bytes: [UInt8] = []
        let expected = generate(runs: runs, tokensPerRun: tokensPerRun, seed: seed) { bytes.append(contentsOf: $0) }
        return LargeSession(bytes: bytes, expected: expected)
    }

    /// Writes the same session to `url` (mode 0600) without holding it in memory.
    public static func writeLargeSession(to url: URL, runs: Int, tokensPerRun: Int, seed: UInt64 = 1) throws -> Expected {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw SessionError(kind: .io(errno: EIO), path: url.path, message: "cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 20)
        var failure: (any Error)?
        let expected = generate(runs: runs, tokensPerRun: tokensPerRun, seed: seed) { line in
            pending.append(contentsOf: line)
            if pending.count >= 1 << 20, failure == nil {
                do { try handle.write(contentsOf: pending) } catch { failure = error }
                pending.removeAll(keepingCapacity: true)
            }
        }
        if let failure { throw failure }
        try handle.write(contentsOf: pending)
        return expected
    }

    private static let words = """
        the model answers each instruction with a short paragraph about light refraction lenses prisms \
        angles index glass water air colour spectrum wavelength speed boundary normal incident ray bends \
        toward away from slower faster medium dense thin beam focus image real virtual mirror total internal
        """.split(separator: " ").map(String.init)

    private static func generate(runs: Int, tokensPerRun: Int, seed: UInt64, emit: (inout [UInt8]) -> Void) -> Expected {
        var random = SplitMix64(seed: seed)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        let title = "Generated session (\(runs) runs × \(tokensPerRun) tokens)"
        var expected = Expected(runs: runs, failedRuns: 0, pricedRuns: 0, totalCostUSD: 0, models: [], tokens: 0, bytes: 0, lines: 0, title: title)
        func write(_ event: SessionEvent) {
            guard var line = try? SessionLineCodec.encodeLine(event) else { return }
            expected.bytes += line.count
            expected.lines += 1
            emit(&line)
        }
        write(.session(SessionHeader(id: "0123456789abcdef", title: title, created: start, refractVersion: "fixture")))
        let system = "You are a careful physics tutor. Answer in plain words, in at most three paragraphs, and say when you are unsure."
        let input = (0..<120).map { words[$0 % words.count] }.joined(separator: " ")
        var group = 0
        var groupRunsLeft = 0
        for run in stride(from: 1, through: runs, by: 1) {
            if run % 100 == 1, run + 3 <= runs {
                group += 1
                groupRunsLeft = 4
                write(.groupStarted(GroupStarted(
                    group: group, at: start.addingTimeInterval(Double(run)), kind: .grid,
                    instructions: ["concise", "detailed"], models: Array(models.prefix(2))
                )))
            }
            let groupID: Int? = groupRunsLeft > 0 ? group : nil
            groupRunsLeft = max(0, groupRunsLeft - 1)
            let model = models[(run - 1) % models.count]
            if !expected.models.contains(model) { expected.models.append(model) }
            let started = RunStarted(
                run: run, group: groupID, at: start.addingTimeInterval(Double(run) * 7),
                prompt: PromptSnapshot(
                    system: system, instruction: "Explain \(words[run % words.count]) in the context of refraction (variant \(run % 7)).",
                    input: input, variables: ["topic": words[(run * 3) % words.count], "level": "beginner"]
                ),
                model: model, protocolName: model.provider == "local" ? "openai-chat" : model.provider,
                params: GenerationParameters(temperature: 0.7, maxTokens: 1024), label: groupID == nil ? nil : "cell \(run % 100)"
            )
            write(.runStarted(started))
            var builder = RunEventBuilder(run: run)
            var ms = 300 + Int(random.next() % 600)
            let fails = run % 25 == 0
            let tokens = fails ? tokensPerRun / 2 : tokensPerRun
            builder.add(.usage(Usage(input: 180)), atMs: ms).forEach(write)
            for t in 0..<tokens {
                let word = words[Int(random.next() % UInt64(words.count))]
                builder.add(.textDelta(t == 0 ? word : " " + word), atMs: ms).forEach(write)
                ms += 10 + Int(random.next() % 31)
            }
            expected.tokens += tokens
            if fails {
                builder.add(.error(ProviderError(kind: .overloaded, message: "the provider is overloaded (529); try again later")), atMs: ms).forEach(write)
                expected.failedRuns += 1
            } else {
                builder.add(.usage(Usage(output: tokens)), atMs: ms).forEach(write)
                builder.add(.finish(FinishReason(.stop, raw: "end_turn")), atMs: ms).forEach(write)
            }
            var cost: RunCost?
            if model.provider != "local" {
                let usd = (180 * 3.0 + Double(tokens) * 15.0) / 1_000_000
                cost = RunCost(usd: usd, price: PriceRecord(input: 3, output: 15, source: "fixture", checked: "2025-06-01"))
                expected.totalCostUSD += usd
                expected.pricedRuns += 1
            }
            builder.end(atMs: ms + 5, cost: cost).forEach(write)
        }
        return expected
    }
}

