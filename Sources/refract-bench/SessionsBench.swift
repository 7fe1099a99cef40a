import Foundation
import Providers
import Sessions
import Synchronization
import Workbench
import TerminalUI

/// A clock the recorder reads: advanced by the generator, not by the wall.
final class FakeClock: Sendable {
    private let ms = Mutex(0)
    func advance(_ by: Int) { ms.withLock { $0 += by } }
    func reset() { ms.withLock { $0 = 0 } }
    var now: Int { ms.withLock { $0 } }
}

/// Writes sessions through the real `SessionWriter` / `RunRecorder` path.
enum SessionGenerator {
    /// One run of `tokens` tokens arriving every `msPerToken` (deltas coalesce in 50 ms windows).
    static func record(
        _ writer: SessionWriter, tokens: [String], msPerToken: Int, clock: FakeClock, instruction: String,
        label: String? = nil, group: Int? = nil, probabilities: Int = 0
    ) {
        clock.reset()
        let recorder = writer.beginRun(
            prompt: PromptSnapshot(system: "You are terse.", instruction: instruction, input: "Refract is a terminal workbench for foundation models."),
            model: ModelRef(provider: "local", model: "smollm2-135m-instruct"), protocolName: "openai-chat",
            params: GenerationParameters(temperature: 0, maxTokens: tokens.count, seed: 1), group: group, label: label,
            elapsedMs: { clock.now }
        )
        clock.advance(40)
        var random = BenchRandom(seed: 17)
        for (i, token) in tokens.enumerated() {
            recorder.record(.textDelta(token))
            if probabilities > 0 { recorder.record(.logprobs([Tokens.logprob(token, alternatives: probabilities, vocabulary: tokens, at: i, random: &random)])) }
            clock.advance(msPerToken)
        }
        recorder.record(.usage(Usage(input: 37, output: tokens.count, cacheRead: 0)))
        recorder.record(.finish(FinishReason(.length, raw: "length")))
        recorder.finish(cost: nil)
    }

    /// A session of `runs` runs totalling about `megabytes` MB; returns its file.
    static func make(in folder: URL, runs: Int, megabytes: Double, msPerToken: Int = 12) throws -> URL {
        let writer = try SessionWriter.create(in: folder, title: "bench: \(runs) runs", refractVersion: "bench", scrubber: .off)
        defer { writer.close() }
        let clock = FakeClock()
        let vocabulary = Tokens.make(100_000, seed: 11)
        // A probe run to learn bytes per token, then enough tokens per run to reach the size.
        let probe = 400
        let before = fileSize(writer.file)
        record(writer, tokens: Array(vocabulary[0..<probe]), msPerToken: msPerToken, clock: clock, instruction: "Describe it. (run 1)")
        let perRun = max(1, fileSize(writer.file) - before)
        let target = megabytes * 1_048_576 / Double(runs)
        let perToken = Double(perRun - 450) / Double(probe)
        let tokensPerRun = max(1, Int((target - 450) / perToken))
        var offset = 0
        for run in 2...max(2, runs) {
            if offset + tokensPerRun > vocabulary.count { offset = 0 }
            record(writer, tokens: Array(vocabulary[offset..<(offset + tokensPerRun)]), msPerToken: msPerToken, clock: clock, instruction: "Describe it. (run \(run))")
            offset += 97
        }
        return writer.file
    }

    static func fileSize(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// `refract-bench sessions-gen` and `sessions-open`: a 100 MB session of 10,000 runs, and opening it
/// the way the browser does (list the folder, then open the session) in a fresh process.
enum SessionsBench {
    static func generate(_ options: Options) throws {
        let folder = URL(fileURLWithPath: options.string("dir", "bench-out/sessions-100mb"))
        try? FileManager.default.removeItem(at: folder)
        let t0 = Measure.now()
        let file = try SessionGenerator.make(in: folder, runs: options.int("runs", 10_000), megabytes: options.double("mb", 100))
        var report = Report("sessions.generate")
        report.add("file", file.path)
        report.add("mb", Double(SessionGenerator.fileSize(file)) / 1_048_576, digits: 1)
        report.add("runs", options.int("runs", 10_000))
        report.add("seconds", Measure.now() - t0, digits: 2)
        report.emit()
    }

    static func open(_ options: Options) throws {
        let folder = URL(fileURLWithPath: options.string("dir", "bench-out/sessions-100mb"))
        let store = SessionStore(folder: folder, scrubber: .off)
        let c0 = Measure.cpu()
        let t0 = Measure.now()
        let (sessions, problems) = store.list()
        let t1 = Measure.now()
        guard let first = sessions.first else {
            FileHandle.standardError.write(Data("no session in \(folder.path) (\(problems.map(\.message)))\n".utf8))
            exit(1)
        }
        let scan = try store.open(first.file)
        let t2 = Measure.now()
        let cpu = Measure.cpu() - c0
        // What the browser's first screen shows: the run list of the session (render it once).
        let run = try store.loadRun(scan.runs[scan.runs.count / 2], from: first.file)
        let t3 = Measure.now()
        var report = Report("sessions.open")
        report.add("file_mb", Double(first.byteCount) / 1_048_576, digits: 1)
        report.add("runs", scan.runs.count)
        report.add("list_ms", (t1 - t0) * 1000, digits: 1)
        report.add("open_ms", (t2 - t1) * 1000, digits: 1)
        report.add("list_plus_open_ms", (t2 - t0) * 1000, digits: 1)
        report.add("list_plus_open_cpu_ms", cpu * 1000, digits: 1)
        report.add("load_one_run_ms", (t3 - t2) * 1000, digits: 2)
        report.add("loaded_run_chars", run.text.count)
        report.add("rss_mb", Measure.rssMB(), digits: 1)
        report.add("peak_rss_mb", Measure.peakRSSMB(), digits: 1)
        report.emit()
    }

    /// `replay`: one run of 100,000 tokens, loaded from its file and played instantly into the
    /// workbench state (what the browser's `p` then `i` do), plus one frame drawn.
    static func replay(_ options: Options) throws {
        let tokens = options.int("tokens", 100_000)
        let folder = URL(fileURLWithPath: options.string("dir", "bench-out/replay-\(tokens)"))
        try? FileManager.default.removeItem(at: folder)
        let writer = try SessionWriter.create(in: folder, title: "bench: \(tokens) tokens", refractVersion: "bench", scrubber: .off)
        SessionGenerator.record(writer, tokens: Tokens.make(tokens, seed: 5), msPerToken: 12, clock: FakeClock(), instruction: "Tell a long story.")
        writer.close()
        let store = SessionStore(folder: folder, scrubber: .off)
        let c0 = Measure.cpu()
        let t0 = Measure.now()
        let scan = try store.open(writer.file)
        let run = try store.loadRun(scan.runs[0], from: writer.file)
        let t1 = Measure.now()
        var bench = WorkbenchDriver(width: 160, height: 48)
        let t2 = Measure.now()
        bench.replayInstant(run)
        bench.draw()
        let t3 = Measure.now()
        var report = Report("replay.instant")
        report.add("tokens", tokens)
        report.add("file_mb", Double(SessionGenerator.fileSize(writer.file)) / 1_048_576, digits: 2)
        report.add("timeline_parts", run.timeline.count)
        report.add("load_ms", (t1 - t0) * 1000, digits: 1)
        report.add("apply_and_draw_ms", (t3 - t2) * 1000, digits: 1)
        report.add("total_ms", (t3 - t0) * 1000 - (t2 - t1) * 1000, digits: 1)
        report.add("cpu_ms", (Measure.cpu() - c0) * 1000, digits: 1)
        report.add("peak_rss_mb", Measure.peakRSSMB(), digits: 1)
        report.emit()
        print(folder.path, to: &standardError)
    }

    /// `record`: bytes the session file grows by per streamed token, at the local model's pace.
    static func record(_ options: Options) throws {
        let tokens = options.int("tokens", 20_000)
        let msPerToken = options.int("ms-per-token", 12)
        let folder = URL(fileURLWithPath: options.string("dir", "bench-out/record"))
        try? FileManager.default.removeItem(at: folder)
        let writer = try SessionWriter.create(in: folder, title: "bench: record", refractVersion: "bench", scrubber: .off)
        let before = SessionGenerator.fileSize(writer.file)
        let words = Tokens.make(tokens, seed: 3)
        let textBytes = words.reduce(0) { $0 + $1.utf8.count }
        let c0 = Measure.cpu()
        let probabilities = options.int("probabilities", 0)
        SessionGenerator.record(writer, tokens: words, msPerToken: msPerToken, clock: FakeClock(), instruction: "Tell a long story.", probabilities: probabilities)
        let cpu = Measure.cpu() - c0
        writer.close()
        let bytes = SessionGenerator.fileSize(writer.file) - before
        var report = Report("record.bytes_per_token")
        report.add("tokens", tokens)
        report.add("probabilities", probabilities)
        report.add("ms_per_token", msPerToken)
        report.add("answer_bytes_per_token", Double(textBytes) / Double(tokens), digits: 2)
        report.add("file_bytes_per_token", Double(bytes) / Double(tokens), digits: 2)
        report.add("cpu_us_per_token", cpu * 1e6 / Double(tokens), digits: 2)
        report.emit()
    }
}

nonisolated(unsafe) var standardError = StandardError()
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

extension SessionsBench {
    /// One run of `tokens` tokens at 12 ms each, in a fresh folder (the end-to-end replay reads it).
    static func generateRun(_ options: Options) throws {
        let tokens = options.int("tokens", 20_000)
        let folder = URL(fileURLWithPath: options.string("dir", "bench-out/replay-e2e"))
        try? FileManager.default.removeItem(at: folder)
        let writer = try SessionWriter.create(in: folder, title: "bench: \(tokens) tokens", refractVersion: "bench", scrubber: .off)
        SessionGenerator.record(writer, tokens: Tokens.make(tokens, seed: 5), msPerToken: options.int("ms-per-token", 12), clock: FakeClock(), instruction: "Tell a long story.")
        writer.close()
        var report = Report("session.generate-run")
        report.add("file", writer.file.path)
        report.add("tokens", tokens)
        report.emit()
    }
}
