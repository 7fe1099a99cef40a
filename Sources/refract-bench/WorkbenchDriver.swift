import Foundation
import Providers
import Sessions
import TerminalUI
import Workbench

/// The workbench's reducer and view driven directly, as `WorkbenchLoop.draw` does (render the state,
/// diff against the last frame, present the changes), with an in-memory terminal and no network.
struct WorkbenchDriver {
    let reducer: WorkbenchReducer
    let theme: ResolvedTheme
    let terminal: MemoryTerminal
    var state: WorkbenchState
    var lastFrame: CellBuffer?
    /// As the loop keeps one.
    let columnCache = ColumnTextCache()
    let paneCache = PaneCellCache()
    var frames = 0
    /// The runs started by the last `startRun`.
    var runIDs: [String] = []

    init(width: Int, height: Int) {
        let providers = BuiltinProviders.all(environment: [:])
        reducer = WorkbenchReducer(keymap: try! Keymap(), prices: PriceTable(), providers: providers)
        terminal = MemoryTerminal(width: width, height: height)
        theme = Theme.default.resolved(depth: .palette256)
        state = WorkbenchState(width: width, height: height, model: ModelRef(provider: "local", model: "smollm2-135m-instruct"))
        send(.input(.resize(width: width, height: height)))
    }

    @discardableResult
    mutating func send(_ action: Action) -> [Effect] {
        reducer.reduce(&state, action, now: Measure.now())
    }

    mutating func key(_ key: Key, _ modifiers: Modifiers = []) -> [Effect] {
        send(.input(.key(KeyPress(key, modifiers))))
    }

    mutating func type(_ text: String) {
        for character in text { _ = key(.char(character)) }
    }

    /// Types a prompt and starts one run, or a comparison of `columns` instruction variants on one model.
    mutating func startRun(columns: Int) {
        _ = key(.char("2"), .alt)
        type("Write a long story about a terminal.")
        for _ in 1..<max(1, columns) { _ = key(.char("d"), .alt) }
        var effects: [Effect]
        if columns > 1 {
            _ = key(.char("g"), .ctrl)
            effects = key(.char("r"), .ctrl)
        } else {
            effects = key(.char("r"), .ctrl)
        }
        runIDs = effects.flatMap { effect -> [String] in
            switch effect {
            case .startRun(let request): [request.runID]
            case .startGroup(let group): group.runs.map(\.runID)
            default: []
            }
        }
    }

    /// Types into the focused editor after the comparison is put away (keystroke cost while streaming).
    mutating func replayInstant(_ run: RecordedRun) {
        send(.savedRunLoaded(run, file: URL(fileURLWithPath: "/dev/null"), purpose: .replay))
        _ = key(.char("i"))
        send(.tick)
    }

    mutating func draw() {
        let frame = WorkbenchView(state: state, theme: theme, keymap: reducer.keymap, columnCache: columnCache, paneCache: paneCache).render()
        terminal.present(frame, changes: frame.changes(since: lastFrame))
        lastFrame = frame
        frames += 1
    }
}

/// `refract-bench render`: CPU per streamed token in the workbench (single pane or N columns).
enum RenderBench {
    static func run(_ options: Options) {
        let tokens = options.int("tokens", 256)
        let columns = options.int("columns", 1)
        let perFrame = max(1, options.int("per-frame", 1))
        let width = options.int("width", columns > 1 ? 200 : 120)
        let height = options.int("height", 40)
        let probabilities = options.int("probabilities", 0)
        var driver = WorkbenchDriver(width: width, height: height)
        if probabilities > 0 {
            // The probability view on (Alt-5, p) before the run, as a user would turn it on.
            _ = driver.key(.char("5"), .alt)
            _ = driver.key(.char("p"))
        }
        driver.startRun(columns: columns)
        guard driver.runIDs.count == columns else {
            FileHandle.standardError.write(Data("expected \(columns) runs, started \(driver.runIDs.count)\n".utf8))
            exit(1)
        }
        driver.draw()
        let words = Tokens.make(tokens, seed: 9)
        var random = BenchRandom(seed: 23)
        let scored = probabilities > 0 ? words.indices.map { Tokens.logprob(words[$0], alternatives: probabilities, vocabulary: words, at: $0, random: &random) } : []
        var frameTimes: [Double] = []
        let c0 = Measure.cpu()
        let t0 = Measure.now()
        var i = 0
        while i < tokens {
            let f0 = Measure.now()
            for n in i..<min(tokens, i + perFrame) {
                for id in driver.runIDs {
                    driver.send(.part(runID: id, .textDelta(words[n])))
                    if probabilities > 0 { driver.send(.part(runID: id, .logprobs([scored[n]]))) }
                }
            }
            driver.draw()
            frameTimes.append(Measure.now() - f0)
            i += perFrame
        }
        for id in driver.runIDs {
            driver.send(.part(runID: id, .usage(Usage(input: 20, output: tokens))))
            driver.send(.part(runID: id, .finish(FinishReason(.length))))
            driver.send(.runEnded(runID: id))
        }
        driver.draw()
        let cpu = Measure.cpu() - c0
        let wall = Measure.now() - t0
        // Keystrokes while the answer is on screen: one edit + one frame each; in the probability view, a
        // move of the token cursor (→) in the response pane instead.
        _ = driver.key(.escape)
        _ = driver.key(.char(probabilities > 0 ? "5" : "2"), .alt)
        var keyTimes: [Double] = []
        for _ in 0..<50 {
            let k0 = Measure.now()
            _ = probabilities > 0 ? driver.key(.right) : driver.key(.char("x"))
            driver.draw()
            keyTimes.append(Measure.now() - k0)
        }
        var report = Report("render.\(columns == 1 ? "single" : "\(columns)-columns")\(probabilities > 0 ? ".probabilities" : "")")
        report.add("probabilities", probabilities)
        report.add("size", "\(width)x\(height)")
        report.add("columns", columns)
        report.add("tokens_per_column", tokens)
        report.add("tokens_per_frame", perFrame)
        report.add("frames", frameTimes.count)
        report.add("cpu_s", cpu, digits: 4)
        report.add("wall_s", wall, digits: 4)
        report.add("cpu_us_per_token", cpu * 1e6 / Double(tokens * columns), digits: 1)
        report.add("frame_ms_median", Measure.median(frameTimes) * 1000, digits: 3)
        report.add("frame_ms_p99", Measure.percentile(frameTimes, 99) * 1000, digits: 3)
        report.add("frame_ms_last", (frameTimes.last ?? 0) * 1000, digits: 3)
        report.add("key_ms_median", Measure.median(keyTimes) * 1000, digits: 3)
        report.add("peak_rss_mb", Measure.peakRSSMB(), digits: 1)
        report.emit()
    }
}
