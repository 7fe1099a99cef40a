import Evaluation
import Foundation
import Providers
import Sessions
import TerminalUI
import Workbench

/// `refract-bench eval-matrix`: the evaluation matrix with many cells (cases × variants × models), driven
/// through the reducer and drawn as the loop draws: the frame time while cells stream in and are graded,
/// and key → screen (move, filter, sort, open a cell) once they are all in.
enum EvaluationBench {
    static func run(_ options: Options) throws {
        let cases = options.int("cases", 1000)
        let variants = options.int("variants", 5)
        let models = options.int("models", 2)
        let width = options.int("width", 160)
        let height = options.int("height", 48)
        let perFrame = max(1, options.int("per-frame", 100))
        var driver = WorkbenchDriver(width: width, height: height)
        driver.state.document.url = URL(fileURLWithPath: "/tmp/bench.refract.toml")
        let spec = try EvaluationSpecReader(file: "bench.refract.toml", folder: URL(fileURLWithPath: "/tmp")).read("""
            [[checks]]
            type = "contains"
            value = "{{expect.word}}"
            """)
        var evalSpec = spec
        evalSpec.cases = (0..<cases).map { EvalCase(name: "case \($0 + 1)", variables: ["text": "input number \($0)"], expect: ["word": $0 % 3 == 0 ? "zebra" : "answer"]) }
        let prompts = (0..<variants).map { ("variant \($0 + 1)", Prompt(instruction: "Instruction \($0 + 1): answer briefly.", input: "{{text}}")) }
        let refs = (0..<models).map { ModelRef(provider: "local", model: "model-\($0 + 1)") }
        let plan = try EvalPlan.make(prompts: prompts, models: refs, parameters: GenerationParameters(maxTokens: 32), mode: { _ in .chat }, spec: evalSpec)
        let c0 = Measure.cpu()
        let t0 = Measure.now()
        let effects = driver.send(.evaluationPrepared(PreparedEvaluation(plan: plan)))
        let runs = effects.flatMap { effect -> [String] in
            if case .startGroup(let group) = effect { return group.runs.map(\.runID) }
            return []
        }
        let launch = Measure.now() - t0
        guard runs.count == plan.cells.count else {
            FileHandle.standardError.write(Data("expected \(plan.cells.count) runs, started \(runs.count)\n".utf8))
            exit(1)
        }
        driver.draw()
        // Cells stream and are graded `perFrame` at a time, a frame after each batch.
        var frameTimes: [Double] = []
        var reduceTime = 0.0
        var i = 0
        while i < runs.count {
            let r0 = Measure.now()
            for (offset, id) in runs[i..<min(runs.count, i + perFrame)].enumerated() {
                let passed = (i + offset) % 3 != 0
                driver.send(.part(runID: id, .textDelta("the answer for this case, with a few words more")))
                driver.send(.part(runID: id, .finish(FinishReason(.stop))))
                driver.send(.runEnded(runID: id))
                driver.send(.cellGraded(runID: id, [CheckResult(name: "contains", type: "contains", status: passed ? .pass : .fail, reason: passed ? "found" : "not found")]))
            }
            let f0 = Measure.now()
            reduceTime += f0 - r0
            driver.draw()
            frameTimes.append(Measure.now() - f0)
            i += perFrame
        }
        let cpu = Measure.cpu() - c0
        // Keys once every cell is in: each key reduced and a frame drawn.
        var keyTimes: [Double] = []
        let keys: [(Key, Modifiers)] = Array(repeating: (.down, []), count: 40) + Array(repeating: (.right, []), count: 8) + [(.char("f"), []), (.char("f"), []), (.char("f"), []), (.char("s"), []), (.char("s"), [])]
            + [(.enter, []), (.escape, [])] + Array(repeating: (.pageDown, []), count: 10)
        for (key, modifiers) in keys + keys {
            let k0 = Measure.now()
            _ = driver.key(key, modifiers)
            driver.draw()
            keyTimes.append(Measure.now() - k0)
        }
        var report = Report("eval-matrix")
        report.add("size", "\(width)x\(height)")
        report.add("cells", plan.cells.count)
        report.add("launch_ms", launch * 1000, digits: 1)
        report.add("cells_per_frame", perFrame)
        report.add("reduce_us_per_cell", reduceTime * 1e6 / Double(runs.count), digits: 1)
        report.add("frame_ms_median", Measure.median(frameTimes) * 1000, digits: 2)
        report.add("frame_ms_p99", Measure.percentile(frameTimes, 99) * 1000, digits: 2)
        report.add("frame_ms_last", (frameTimes.last ?? 0) * 1000, digits: 2)
        report.add("key_ms_median", Measure.median(keyTimes) * 1000, digits: 2)
        report.add("key_ms_p99", Measure.percentile(keyTimes, 99) * 1000, digits: 2)
        report.add("cpu_s", cpu, digits: 3)
        report.add("peak_rss_mb", Measure.peakRSSMB(), digits: 1)
        report.emit()
    }
}

/// `refract-bench eval-open`: a recorded evaluation of many cells opened as the sessions browser opens it
/// (`g` on one of its runs): scan the file, load the group's runs, replay them as the matrix, draw.
enum EvaluationOpenBench {
    static func run(_ options: Options) throws {
        let cells = options.int("cells", 10_000)
        let folder = URL(fileURLWithPath: options.string("dir", "bench-out/eval-open-\(cells)"))
        try? FileManager.default.removeItem(at: folder)
        let writer = try SessionWriter.create(in: folder, title: "bench: evaluation of \(cells) cells", refractVersion: "bench", scrubber: .off)
        let group = writer.allocateGroup()
        let variants = ["short", "long", "formal", "casual", "json"]
        let models = [ModelRef(provider: "local", model: "model-1"), ModelRef(provider: "local", model: "model-2")]
        let cases = max(1, cells / (variants.count * models.count))
        try writer.append(.groupStarted(GroupStarted(group: group, at: Date(), kind: .evaluation, instructions: variants, models: models,
                                                     cases: (0..<cases).map { "case \($0 + 1)" })))
        // A row's cells stream at once, their lines interleaved in the file, as a concurrent evaluation writes them.
        for c in 0..<cases {
            let columns = variants.flatMap { variant in models.map { (variant, $0) } }
            let cellsOfRow = columns.map { variant, model in
                let clock = FakeClock()
                let recorder = writer.beginRun(
                    prompt: PromptSnapshot(instruction: "Answer in the \(variant) style.", input: "{{text}}", variables: ["text": "question number \(c)"]),
                    model: model, protocolName: "openai-chat", params: GenerationParameters(temperature: 0, maxTokens: 32), group: group,
                    label: "case \(c + 1)", variant: variant, elapsedMs: { clock.now }
                )
                clock.advance(40)
                return (recorder, clock, variant)
            }
            for word in ["The", " answer", " to", " question", " \(c)", " is", " short."] {
                for (recorder, clock, _) in cellsOfRow {
                    recorder.record(.textDelta(word))
                    clock.advance(15)
                }
            }
            for (recorder, _, variant) in cellsOfRow {
                recorder.record(.usage(Usage(input: 20, output: 7)))
                recorder.record(.finish(FinishReason(.stop)))
                recorder.finish(cost: nil)
                let passed = (c + variant.count) % 3 != 0
                try writer.append(.checkResult(CheckResultEvent(
                    run: recorder.run, index: 0, name: "contains", check: "contains", result: passed ? "pass" : "fail",
                    reason: passed ? "found" : "expected to contain 'answer': not found"
                )))
            }
        }
        writer.close()
        let store = SessionStore(folder: folder, scrubber: .off)
        let c0 = Measure.cpu()
        let t0 = Measure.now()
        let scan = try store.open(writer.file)
        let summaries = scan.runs.filter { $0.group == group }
        let scanned = Measure.now()
        let runs = try store.loadRuns(summaries, from: writer.file)
        let t1 = Measure.now()
        // Before: the group's runs loaded one at a time, as the effect runner did (dropped at once, so peak RSS stays the real path's).
        let p0 = Measure.now()
        let oneByOneCount = try summaries.reduce(0) { n, summary in try store.loadRun(summary, from: writer.file).text.isEmpty ? n : n + 1 }
        let perRunMs = (Measure.now() - p0) * 1000
        guard oneByOneCount == runs.count else { exit(1) }
        // The alternative: one pass over the whole file.
        let w0 = Measure.now()
        let whole = try SessionReader.read(writer.file).runs.filter { $0.started.group == group }
        let wholeMs = (Measure.now() - w0) * 1000
        guard whole.count == runs.count else { exit(1) }
        var driver = WorkbenchDriver(width: 160, height: 48)
        let t2 = Measure.now()
        driver.send(.savedGroupLoaded(runs, group: group))
        _ = driver.key(.char("i"))
        driver.send(.tick)
        driver.draw()
        let t3 = Measure.now()
        guard driver.state.evaluation?.progress.done == summaries.count else {
            FileHandle.standardError.write(Data("expected \(summaries.count) graded cells, got \(driver.state.evaluation?.progress.done ?? -1)\n".utf8))
            exit(1)
        }
        var report = Report("eval-open")
        report.add("cells", summaries.count)
        report.add("file_mb", Double(SessionGenerator.fileSize(writer.file)) / 1_048_576, digits: 2)
        report.add("scan_and_load_ms", (t1 - t0) * 1000, digits: 1)
        report.add("scan_ms", (scanned - t0) * 1000, digits: 1)
        report.add("load_group_one_pass_ms", (t1 - scanned) * 1000, digits: 1)
        report.add("load_group_one_by_one_ms", perRunMs, digits: 1)
        report.add("read_whole_file_ms", wholeMs, digits: 1)
        report.add("matrix_and_draw_ms", (t3 - t2) * 1000, digits: 1)
        report.add("total_ms", ((t1 - t0) + (t3 - t2)) * 1000, digits: 1)
        report.add("cpu_ms_with_extra_loads", (Measure.cpu() - c0) * 1000, digits: 1)
        report.add("peak_rss_mb", Measure.peakRSSMB(), digits: 1)
        report.emit()
    }
}
