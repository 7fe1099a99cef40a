import Providers
import TerminalUI
import Testing
@testable import Workbench

@Suite struct WorkbenchReducerTests {
    @Test func startsInTheInputField() {
        let h = WorkbenchHarness()
        #expect(h.state.focus == .input)
        #expect(h.state.runs.isEmpty)
    }

    @Test func typingAndRunBuildsTheRequest() throws {
        var h = WorkbenchHarness()
        h.key("M-1")
        h.type("Be brief.")
        h.key("Tab")
        h.type("Translate to French:")
        h.key("Tab")
        #expect(h.state.focus == .examples, "the examples come between the instruction and the input")
        h.key("Tab")
        h.type("Hello")
        #expect(h.state.focus == .input)
        let effects = h.key("C-r")
        let request = try #require(effects.compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first)
        #expect(request.model == ModelRef("local:smollm2-135m-instruct"))
        #expect(request.request.messages == [
            ChatMessage(role: .system, content: "Be brief."),
            ChatMessage(role: .user, content: "Translate to French:\n\nHello"),
        ])
        #expect(h.state.runs.count == 1)
        #expect(h.state.runs[0].phase == .waiting)
        #expect(h.key("F5").contains { if case .startRun = $0 { true } else { false } }, "F5 runs too")
    }

    @Test func missingVariableStopsTheRunAndShowsWhere() throws {
        var h = WorkbenchHarness()
        h.type("Summarise {{doc}} for {{audience}}")
        #expect(h.state.variables.names == ["doc", "audience"])
        let effects = h.key("C-r")
        #expect(effects.isEmpty)
        #expect(h.state.notice?.level == .error)
        #expect(h.state.notice?.text.contains("{{doc}}") == true)
        #expect(h.state.focus == .variables)
        #expect(h.state.variables.selected == 0)
        // Enter edits the value, Enter commits and moves down.
        h.key("Enter")
        h.type("the report")
        h.key("Enter")
        h.type("executives")
        h.key("Enter")
        #expect(h.state.variables.values == ["doc": "the report", "audience": "executives"])
        let request = try #require(h.key("C-r").compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first)
        #expect(request.request.messages.last?.content == "Summarise the report for executives")
    }

    @Test func streamingPartsFillTheRunAndTheMeter() throws {
        var h = WorkbenchHarness()
        h.type("Name three colors.")
        h.key("C-r")
        let id = try #require(h.lastRunID)
        h.advance(0.2)
        h.send(.part(runID: id, .textDelta("Red, ")))
        #expect(h.state.runs[0].phase == .streaming)
        #expect(abs((h.state.runs[0].timeToFirstToken ?? 0) - 0.2) < 1e-9)
        h.advance(0.1)
        h.send(.part(runID: id, .textDelta("green, blue.")))
        h.send(.part(runID: id, .finish(FinishReason(.stop, raw: "stop"))))
        h.send(.part(runID: id, .usage(Usage(input: 12, output: 6))))
        h.advance(0.05)
        h.send(.runEnded(runID: id))
        let run = h.state.runs[0]
        #expect(run.phase == .finished)
        #expect(run.result.text == "Red, green, blue.")
        #expect(run.outputTokens == (6, true))
        #expect(run.cost == 0)
        let shown = h.render().lines.joined(separator: "\n")
        #expect(shown.contains("Red, green, blue."))
        #expect(shown.contains("■ stop · 6 tokens"))
    }

    @Test func escCancelsTheStreamNeverQuitsAndKeepsThePartialAnswer() throws {
        var h = WorkbenchHarness()
        h.type("Count to 100")
        h.key("C-r")
        let id = try #require(h.lastRunID)
        h.send(.part(runID: id, .textDelta("1 2 3")))
        let effects = h.key("Esc")
        #expect(effects == [.cancelRun(runID: id)])
        #expect(!h.state.shouldQuit)
        #expect(h.state.runs[0].phase == .cancelled)
        // Parts already in flight are dropped; the stream's end keeps it cancelled.
        h.send(.part(runID: id, .textDelta(" 4")))
        h.send(.runEnded(runID: id))
        #expect(h.state.runs[0].phase == .cancelled)
        #expect(h.state.runs[0].result.text == "1 2 3")
        #expect(h.render().lines.joined().contains("■ cancelled (the partial answer above is kept)"))
        #expect(h.key("Esc").isEmpty, "Esc with nothing running does nothing")
        #expect(!h.state.shouldQuit)
    }

    @Test func errorMidStreamKeepsTextAndTellsWhatHappened() throws {
        var h = WorkbenchHarness()
        h.type("Hi")
        h.key("C-r")
        let id = try #require(h.lastRunID)
        h.send(.part(runID: id, .textDelta("Hello the")))
        h.send(.part(runID: id, .error(ProviderError(kind: .streamCut, message: "the stream ended before [DONE]; the partial answer was kept"))))
        h.send(.runEnded(runID: id))
        #expect(h.state.runs[0].phase == .failed)
        #expect(h.state.runs[0].result.text == "Hello the")
        #expect(h.state.notice?.level == .error)
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("Hello the"))
        #expect(screen.contains("✖ the stream ended before [DONE]"))
    }

    /// A retry note stays readable even when the model's name is long (it is in the title anyway).
    @Test func aRetryNoteIsShownWhileWaitingEvenForALongModelName() throws {
        var h = WorkbenchHarness(width: 100, height: 30, model: "local:a-model-whose-name-is-long-enough-to-fill-the-waiting-line,id=123456")
        h.type("Hi")
        h.key("C-r")
        let id = try #require(h.lastRunID)
        h.send(.part(runID: id, .warning("retrying in 2.0 s after HTTP 429 (attempt 2 of 3)")))
        #expect(h.render().lines.joined().contains("retrying in 2.0 s after HTTP 429"))
        h.send(.part(runID: id, .textDelta("The answer")))
        let screen = h.render().lines.joined()
        #expect(screen.contains("The answer") && !screen.contains("retrying in"), "the note goes once text arrives")
    }

    @Test func switchingModelMidStreamAppliesToTheNextRun() throws {
        var h = WorkbenchHarness()
        h.type("Once upon a time")
        h.key("C-r")
        let first = try #require(h.lastRunID)
        h.send(.part(runID: first, .textDelta("there was")))
        #expect(h.key("C-p").contains(.refreshModels))
        h.type("gemma")
        h.key("Enter")
        #expect(h.state.overlay == nil)
        #expect(h.state.model == ModelRef("local:gemma3-270m"))
        #expect(h.state.mode == .rawCompletion, "a base model runs in raw completion mode")
        // The running stream is untouched and keeps its model.
        #expect(h.state.runs[0].phase == .streaming)
        #expect(h.state.runs[0].model == ModelRef("local:smollm2-135m-instruct"))
        h.send(.part(runID: first, .textDelta(" a")))
        #expect(h.state.runs[0].result.text == "there was a")
        // The next run uses the new model, and cancels the one still streaming.
        let effects = h.key("C-r")
        #expect(effects.first == .cancelRun(runID: first))
        let next = try #require(h.lastRequest)
        #expect(next.model == ModelRef("local:gemma3-270m"))
        #expect(next.request.mode == .rawCompletion)
    }

    @Test func switcherEditsParameters() throws {
        var h = WorkbenchHarness()
        h.key("C-p")
        h.key("Tab")
        h.key("Enter")
        h.type("0.3")
        h.key("Enter")
        h.key("Down")
        h.key("Right")
        h.key("Right")
        #expect(h.state.parameters.temperature == 0.3)
        #expect(h.state.parameters.maxTokens == 256 + 128)
        h.key("Up")
        h.key("Enter")
        h.key("Backspace")
        h.key("Backspace")
        h.key("Backspace")
        h.type("7")
        h.key("Enter")
        guard case .switcher(let s) = h.state.overlay else { Issue.record("the switcher closed"); return }
        #expect(s.parameterError == "temperature is a number from 0 to 2")
        h.key("Esc")
        h.key("Esc")
        #expect(h.state.overlay == nil)
        #expect(h.state.parameters.temperature == 0.3)
        h.type("x")
        let request = try #require(h.key("C-r").compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first)
        #expect(request.request.parameters.temperature == 0.3)
        #expect(request.request.parameters.maxTokens == 384)
    }

    @Test func focusCyclesBothWays() {
        var h = WorkbenchHarness()
        var seen: [PaneID] = []
        for _ in 0..<6 {
            h.key("Tab")
            seen.append(h.state.focus)
        }
        #expect(seen == [.variables, .context, .response, .system, .instruction, .examples])
        h.key("S-Tab")
        #expect(h.state.focus == .instruction)
    }

    @Test func questionMarkTypesInEditorsButOpensHelpElsewhere() {
        var h = WorkbenchHarness()
        h.type("?")
        #expect(h.state.input.text == "?")
        #expect(h.state.overlay == nil)
        h.key("M-5")
        h.type("?")
        guard case .help = h.state.overlay else { Issue.record("? in the response should open help"); return }
        h.key("Esc")
        #expect(h.state.overlay == nil)
        h.key("F1")
        guard case .help = h.state.overlay else { Issue.record("F1 should open help"); return }
    }

    @Test func quitAsksWhileStreaming() throws {
        var h = WorkbenchHarness()
        h.type("x")
        h.key("C-r")
        let id = try #require(h.lastRunID)
        #expect(h.key("C-q").isEmpty)
        guard case .confirmQuit = h.state.overlay else { Issue.record("quit should ask"); return }
        h.type("n")
        #expect(h.state.overlay == nil && !h.state.shouldQuit)
        h.key("C-q")
        let effects = h.key("y")
        #expect(effects == [.cancelRun(runID: id), .quit])
        #expect(h.state.shouldQuit)
    }

    @Test func quitWhenIdleIsImmediate() {
        var h = WorkbenchHarness()
        #expect(h.key("C-q") == [.quit])
        #expect(h.state.shouldQuit)
    }

    @Test func resizeKeepsStateAndRelaysOut() {
        var h = WorkbenchHarness(width: 120, height: 40)
        h.type("some text that stays")
        h.send(.input(.resize(width: 60, height: 20)))
        #expect(h.state.width == 60 && h.state.height == 20)
        #expect(h.state.layout.stacked)
        #expect(h.state.input.text == "some text that stays")
        #expect(h.state.input.wrapWidth == (h.state.layout.panes[.input]!.width - 2))
        h.send(.input(.resize(width: 200, height: 60)))
        #expect(!h.state.layout.stacked)
        #expect(h.state.input.text == "some text that stays")
    }

    @Test func pasteIsOneUndoStep() {
        var h = WorkbenchHarness()
        h.type("a")
        h.send(.input(.paste("line one\nline two 日本")))
        #expect(h.state.input.text == "aline one\nline two 日本")
        h.key("C-z")
        #expect(h.state.input.text == "a")
        h.key("C-y")
        #expect(h.state.input.text == "aline one\nline two 日本")
    }

    @Test func cutCopyPasteThroughTheClipboard() {
        var h = WorkbenchHarness()
        h.type("hello world")
        h.key("S-Home")
        let effects = h.key("C-x")
        #expect(effects == [.copyToClipboard("hello world")])
        #expect(h.state.input.text.isEmpty)
        h.key("M-1")
        h.key("C-v")
        #expect(h.state.system.text == "hello world")
    }

    @Test func signalQuitsAndCancels() throws {
        var h = WorkbenchHarness()
        h.type("x")
        h.key("C-r")
        let id = try #require(h.lastRunID)
        #expect(h.send(.input(.signal(.terminate))) == [.cancelRun(runID: id), .quit])
    }

    @Test func responseFollowsTheTailUntilScrolledUp() throws {
        var h = WorkbenchHarness(width: 80, height: 24)
        h.type("x")
        h.key("C-r")
        let id = try #require(h.lastRunID)
        for i in 0..<60 { h.send(.part(runID: id, .textDelta("line \(i)\n"))) }
        #expect(h.state.response.follow)
        #expect(h.render().lines.joined().contains("line 59"))
        h.key("M-5")
        h.key("PgUp")
        #expect(!h.state.response.follow)
        let top = h.state.response.top
        h.send(.part(runID: id, .textDelta("more\n")))
        #expect(h.state.response.top == top, "new text does not move a scrolled view")
        h.key("End")
        #expect(h.state.response.follow)
    }

    @Test func hostileOutputIsDrawnInert() throws {
        var h = WorkbenchHarness(width: 80, height: 24)
        h.type("x")
        h.key("C-r")
        let id = try #require(h.lastRunID)
        h.send(.part(runID: id, .textDelta("a\u{1B}[2Jb\u{1B}]0;pwned\u{07}c\u{9B}31md\u{202E}e")))
        let buffer = h.render()
        for cell in buffer.cells {
            for scalar in cell.grapheme.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar != "\u{202E}", "raw control \(scalar.value) reached a cell")
            }
        }
        #expect(buffer.lines.joined().contains("␛[2J"))
    }
}
