import Foundation
import Providers
import Sessions
import TerminalUI
import Testing
@testable import Workbench

/// The session browser, fork, replay and re-run, driven through the reducer with a real session file's runs.
@Suite struct SessionFlowTests {
    static let file = URL(fileURLWithPath: "/tmp/example.jsonl")

    /// One saved run: "Red, green, blue." in three parts at 200, 300 and 500 ms, 6 output tokens.
    static func savedRun() throws -> RecordedRun {
        let jsonl = """
            {"type":"session","version":1,"id":"abc","title":"colors","created":"2026-11-23T10:00:00.000Z","refract_version":"0.1.0"}
            {"type":"run_started","run":1,"at":"2026-11-23T10:00:01.000Z","model":"local:smollm2-135m-instruct","protocol":"openai-chat","mode":"chat","params":{"temperature":0},"prompt":{"system":"Be brief.","instruction":"List {{n}} colors.","input":"rainbow","variables":{"n":"3"}}}
            {"type":"text","run":1,"ms":200,"text":"Red, "}
            {"type":"text","run":1,"ms":300,"text":"green, "}
            {"type":"text","run":1,"ms":500,"text":"blue."}
            {"type":"usage","run":1,"usage":{"input":20,"output":6,"cache_read":null,"cache_write":null,"reasoning":null}}
            {"type":"finished","run":1,"finish":"stop","raw_finish":"stop","ttft_ms":200,"total_ms":600}

            """
        let log = try SessionReader.read(bytes: Array(jsonl.utf8), name: "example.jsonl")
        return try #require(log.runs.first)
    }

    @Test func browserOpensListsAndOpensASession() throws {
        var h = WorkbenchHarness()
        #expect(h.key("C-o") == [.listSessions])
        guard case .sessions = h.state.overlay else { Issue.record("the browser should open"); return }
        let summary = SessionSummary(file: Self.file, id: "abc", title: "colors", created: Date(timeIntervalSince1970: 0), runCount: 1, failedRuns: 0,
                                     models: [ModelRef("local:smollm2-135m-instruct")!], totalCostUSD: 0, unpricedRuns: 0, byteCount: 100)
        h.send(.sessionsListed([summary], problems: [], current: nil))
        let text = h.render().lines.joined(separator: "\n")
        #expect(text.contains("colors"))
        #expect(text.contains("1 of 1 sessions"))
        #expect(h.key("Enter") == [.openSession(Self.file)])
        // Search: "/" then text then Enter asks for a full-text search.
        h.key("/")
        h.type("blue")
        #expect(h.key("Enter") == [.searchSessions("blue")])
    }

    @Test func forkLoadsThePromptAndShowsTheSavedAnswer() throws {
        var h = WorkbenchHarness()
        h.key("C-o")
        h.send(.savedRunLoaded(try Self.savedRun(), file: Self.file, purpose: .fork))
        #expect(h.state.overlay == nil)
        #expect(h.state.system.text == "Be brief.")
        #expect(h.state.instruction.text == "List {{n}} colors.")
        #expect(h.state.input.text == "rainbow")
        #expect(h.state.variables.values["n"] == "3")
        #expect(h.state.parameters.temperature == 0)
        let run = try #require(h.state.shownRun)
        #expect(run.result.text == "Red, green, blue.")
        #expect(run.phase == .finished)
        #expect(abs((run.timeToFirstToken ?? 0) - 0.2) < 1e-6)
        // The loaded prompt runs again as is.
        let request = try #require(h.key("C-r").compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first)
        #expect(request.request.messages.last?.content == "List 3 colors.\n\nrainbow")
    }

    @Test func replayPlaysWithTimingPausesStepsAndSpeedsUp() throws {
        var h = WorkbenchHarness()
        h.send(.savedRunLoaded(try Self.savedRun(), file: Self.file, purpose: .replay))
        let id = try #require(h.state.replays.first?.runID)
        func text() -> String { h.state.runs.last { $0.id == id }?.result.text ?? "" }
        h.advance(0.25)
        h.send(.tick)
        #expect(text() == "Red, ")
        h.key("Space")  // pause
        h.advance(5)
        h.send(.tick)
        #expect(text() == "Red, ", "paused: nothing more plays")
        h.key(".")  // step one part
        #expect(text() == "Red, green, ")
        h.key("Space")  // resume
        h.key("i")  // the rest at once
        #expect(text() == "Red, green, blue.")
        #expect(h.state.replays.isEmpty)
        #expect(h.state.runs.last?.phase == .finished)
        #expect(!h.effects.contains { if case .startRun = $0 { true } else { false } }, "a replay is not a new run")
    }

    @Test func replayAtTenTimesSpeed() throws {
        var h = WorkbenchHarness()
        h.send(.savedRunLoaded(try Self.savedRun(), file: Self.file, purpose: .replay))
        h.key("0")
        h.advance(0.031)  // 31 ms × 10 = 310 ms of recorded time
        h.send(.tick)
        #expect(h.state.runs.last?.result.text == "Red, green, ")
        h.key("Esc")
        #expect(h.state.replays.isEmpty || h.state.runs.last?.phase == .cancelled)
    }

    @Test func rerunRunsThePromptOnTheCurrentModelAndCompares() throws {
        var h = WorkbenchHarness(model: "anthropic:claude-haiku-4-5")
        let effects = h.send(.savedRunLoaded(try Self.savedRun(), file: Self.file, purpose: .rerun))
        let request = try #require(effects.compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first)
        #expect(request.model == ModelRef("anthropic:claude-haiku-4-5"))
        #expect(request.label == "re-run of run 1")
        #expect(request.request.messages.last?.content == "List 3 colors.\n\nrainbow")
        let comparison = try #require(h.state.comparison)
        #expect(comparison.columns.count == 2)
        #expect(comparison.visible)
        h.send(.part(runID: request.runID, .textDelta("Red, blue, green.")))
        h.send(.part(runID: request.runID, .usage(Usage(input: 20, output: 5))))
        h.send(.runEnded(runID: request.runID))
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("word diff"))
        #expect(screen.contains("Red, [~green~]{~blue~}, [~blue~]{~green~}."))
        #expect(screen.contains("−1 tokens"))
        // Columns, then back to the editor and again.
        h.key("d")
        #expect(h.render().lines.joined().contains("saved · local:smollm2-135m-instruct"))
        h.key("Esc")
        #expect(h.state.comparison?.visible == false)
        h.key("F6")
        #expect(h.state.comparison?.visible == true)
    }

    @Test func aSavedComparisonReplaysAsAGrid() throws {
        let jsonl = """
            {"type":"session","version":1,"id":"abc","title":"grid","created":"2026-11-23T10:00:00.000Z","refract_version":"0.1.0"}
            {"type":"group_started","group":1,"at":"2026-11-23T10:00:01.000Z","kind":"instructions","instructions":["short","long"],"models":["local:smollm2-135m-instruct"]}
            {"type":"run_started","run":1,"group":1,"at":"2026-11-23T10:00:01.000Z","model":"local:smollm2-135m-instruct","mode":"chat","params":{},"variant":"short","prompt":{"system":"","instruction":"Short:","input":"x","variables":{}}}
            {"type":"run_started","run":2,"group":1,"at":"2026-11-23T10:00:01.000Z","model":"local:smollm2-135m-instruct","mode":"chat","params":{},"variant":"long","prompt":{"system":"","instruction":"Long:","input":"x","variables":{}}}
            {"type":"text","run":1,"ms":100,"text":"Hi."}
            {"type":"text","run":2,"ms":100,"text":"Hello there, "}
            {"type":"text","run":2,"ms":900,"text":"friend."}
            {"type":"finished","run":1,"finish":"stop","ttft_ms":100,"total_ms":200}
            {"type":"finished","run":2,"finish":"stop","ttft_ms":100,"total_ms":1000}

            """
        let log = try SessionReader.read(bytes: Array(jsonl.utf8), name: "grid.jsonl")
        #expect(log.runs.allSatisfy { $0.started.group == 1 })
        var h = WorkbenchHarness()
        h.send(.savedGroupLoaded(log.runs, group: 1))
        let comparison = try #require(h.state.comparison)
        #expect(comparison.columns.map(\.title) == ["short", "long"])
        #expect(h.state.replays.count == 2)
        h.advance(0.5)
        h.send(.tick)
        let texts = { comparison.columns.map { c in h.state.runs.last { $0.id == c.runID }?.result.text ?? "" } }
        #expect(texts() == ["Hi.", "Hello there, "])
        #expect(h.state.replays.count == 1, "the short run finished")
        h.advance(1)
        h.send(.tick)
        #expect(texts() == ["Hi.", "Hello there, friend."])
        #expect(h.state.replays.isEmpty)
    }
}
