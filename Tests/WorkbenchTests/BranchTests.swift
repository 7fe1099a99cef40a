import Foundation
import Providers
import Sessions
import Testing
import TerminalUI
@testable import Workbench

/// Branching from a token: in the probability view ↑/↓ pick an alternative at the cursor, Enter asks the
/// model to continue from it (a new run whose request ends with the answer so far), `b` takes a typed
/// token, `B` shows the run and its branches side by side.
@Suite struct BranchTests {
    static let blue = TokenLogprob(token: "Blue", logprob: -0.05, top: [TokenAlternative(token: "Blue", logprob: -0.05), TokenAlternative(token: "Red", logprob: -3.2)])
    static let sky = TokenLogprob(token: " sky", logprob: -1.6, top: [TokenAlternative(token: ".", logprob: -0.4), TokenAlternative(token: " sky", logprob: -1.6), TokenAlternative(token: " sea", logprob: -2.0)])
    static let dot = TokenLogprob(token: ".", logprob: -0.01)

    /// A finished answer "Blue sky." with probabilities, shown in the probability view.
    func answered(model: String = "local:smollm2-135m-instruct") throws -> (WorkbenchHarness, String) {
        var h = WorkbenchHarness(width: 130, height: 34, model: model)
        h.key("M-3")
        h.type("Name a colour.")
        h.key("M-5")
        h.key("p")
        let request = try #require(h.key("C-r").compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first)
        for token in [Self.blue, Self.sky, Self.dot] {
            h.send(.part(runID: request.runID, .textDelta(token.token)))
            h.send(.part(runID: request.runID, .logprobs([token])))
        }
        h.send(.part(runID: request.runID, .finish(FinishReason(.stop))))
        h.send(.runEnded(runID: request.runID))
        return (h, request.runID)
    }

    func startedRun(_ effects: [Effect]) -> RunRequest? {
        effects.compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first
    }

    @Test func enterContinuesFromThePickedAlternativeAsAnAssistantPrefix() throws {
        var (h, parent) = try answered()
        h.key("Right")
        h.key("Down")
        h.key("Down")
        #expect(h.state.response.alternative == 2)
        h.key("Down")
        #expect(h.state.response.alternative == 2, "the pick stays on the last alternative")
        var screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("›  “ sea”"), "\(screen)")

        let branch = try #require(startedRun(h.key("Enter")))
        #expect(branch.branch == RunBranch.at(1, of: [Self.blue, Self.sky, Self.dot], parentID: parent, chosen: " sea"))
        #expect(branch.branch?.prefix == "Blue sea")
        // The request is the parent's, ending with the answer so far as the assistant's own turn.
        #expect(branch.request.messages.last == ChatMessage(role: .assistant, content: "Blue sea"))
        #expect(branch.request.messages.dropLast() == [ChatMessage(role: .user, content: "Name a colour.")])
        #expect(branch.request.parameters.logprobs == 5)
        #expect(branch.label == "branch of run 1 at token 2")

        // The branch streams in the same view: its prefix first, the chosen token marked, then the new text.
        h.send(.part(runID: branch.runID, .textDelta(" breeze")))
        h.send(.part(runID: branch.runID, .logprobs([TokenLogprob(token: " breeze", logprob: -0.7)])))
        h.send(.part(runID: branch.runID, .finish(FinishReason(.stop))))
        h.send(.runEnded(runID: branch.runID))
        let shown = try #require(h.state.shownRun)
        #expect(shown.id == branch.runID)
        #expect(shown.answerText == "Blue sea breeze")
        #expect(shown.shownTokens.map(\.token) == ["Blue", " sea", " breeze"])
        #expect(abs(shown.shownTokens[1].logprob - -2.0) < 1e-9, "the chosen token keeps the probability the model gave it")
        screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("Blue sea breeze"))
        #expect(screen.contains("token 2/3 “ sea” 14% (logprob -2.00) · the branch starts here"), "\(screen)")
        #expect(screen.contains("branches: original · ▸at 2 “ sea”"))
        #expect(screen.contains("ppl 2.50") && screen.contains("least “ sea” 14%"), "the meter says how sure the model was: \(screen)")
        h.key("p")
        #expect(h.render().lines.joined(separator: "\n").contains("Blue sea breeze"), "the plain view shows the whole answer too")
    }

    @Test func aTypedTokenKeepsItsSpacesAndBIsTheTreeSideBySide() throws {
        var (h, parent) = try answered()
        h.key("Right")
        h.key("b")
        guard case .textPrompt(let prompt) = h.state.overlay else { Issue.record("no text prompt"); return }
        #expect(prompt.title.contains("token 2"))
        h.type(" ocean")
        let branch = try #require(startedRun(h.key("Enter")))
        #expect(branch.branch?.prefix == "Blue ocean")
        #expect(branch.branch?.prefixTokens.last?.logprob.isNaN == true, "a typed token has no probability")
        h.send(.part(runID: branch.runID, .textDelta(" waves")))
        h.send(.runEnded(runID: branch.runID))
        #expect(h.render().lines.joined(separator: "\n").contains("(typed: no probability)"))

        h.key("B")
        let comparison = try #require(h.state.comparison)
        #expect(comparison.columns.map(\.runID) == [parent, branch.runID])
        #expect(comparison.columns.map(\.title) == ["original", "at 2: “ ocean”"])
        #expect(comparison.focused == 1)
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("Blue sky.") && screen.contains("Blue ocean waves"), "\(screen)")
        h.key("d")
        #expect(h.state.comparison?.diff != nil)
        h.key("d")

        // p: each column shaded by probability, its own figures at the bottom (the typed token has none).
        h.key("p")
        #expect(h.state.comparison?.probabilities == true)
        let shaded = h.render().lines.joined(separator: "\n")
        #expect(shaded.contains("mean logprob -0.55 · perplexity 1.74 · least “ sky” 20%"), "\(shaded)")
        #expect(shaded.contains("mean logprob -0.05 · perplexity 1.05 · least “Blue” 95%"))
    }

    @Test func aBranchOfABranchKeepsTheWholeTree() throws {
        var (h, parent) = try answered()
        h.key("Right")
        let first = try #require(startedRun(h.key("Enter")))
        h.send(.part(runID: first.runID, .textDelta("!")))
        h.send(.part(runID: first.runID, .logprobs([TokenLogprob(token: "!", logprob: -0.3, top: [TokenAlternative(token: "!", logprob: -0.3), TokenAlternative(token: "?", logprob: -1.9)])])))
        h.send(.runEnded(runID: first.runID))
        #expect(h.state.shownRun?.answerText == "Blue.!")
        h.key("Right")
        h.key("Right")
        h.key("Down")
        let second = try #require(startedRun(h.key("Enter")))
        #expect(second.branch?.parentID == first.runID)
        #expect(second.branch?.prefix == "Blue.?")
        #expect(h.state.branchFamily(of: second.runID).map(\.id) == [parent, first.runID, second.runID])
    }

    @Test func aChatAPIThatCannotContinueSaysSoAndStartsNothing() throws {
        var (h, _) = try answered(model: "openai:gpt-4o-mini")
        let effects = h.key("Enter")
        #expect(startedRun(effects) == nil)
        #expect(h.state.notice?.text.contains("does not continue a started answer in chat mode") == true)
    }

    @Test func rawCompletionContinuesTheTextAndEveryProtocolSaysWhetherItCan() throws {
        var request = ModelRequest(model: "m", messages: [ChatMessage(role: .user, content: "Once upon a time")], mode: .rawCompletion)
        #expect(request.continuing(from: " there").rawPrompt == "Once upon a time there")
        request.mode = .chat
        #expect(request.continuing(from: "There").messages.last == ChatMessage(role: .assistant, content: "There"))
        let specs = BuiltinProviders.all(environment: [:])
        let can = Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0.cannotContinue(mode: .chat) == nil) })
        #expect(can == ["local": true, "anthropic": true, "ollama": true, "openai": false, "gemini": false])
        #expect(specs.allSatisfy { $0.cannotContinue(mode: .rawCompletion) == nil })
        // Anthropic continues a prefill but refuses one ending in whitespace: the model writes the space.
        var chat = ModelRequest(model: "claude", messages: [ChatMessage(role: .user, content: "Name a colour.")])
        chat = chat.continuing(from: "Blue and ")
        let body = try String(decoding: #require(AnthropicProtocol().streamRequest(for: chat, endpoint: ProviderEndpoint(baseURL: URL(string: "http://127.0.0.1:9/v1")!, apiKey: "k")).body), as: UTF8.self)
        #expect(body.contains(#"{"content":"Blue and","role":"assistant"}"#), "\(body)")
    }

    @Test func aBranchIsRecordedWithItsPlaceAndReadsBackAsOneAnswer() throws {
        let point = BranchPoint(of: 1, token: 1, chosen: " sea", prefix: "Blue sea")
        let started = RunStarted(run: 2, at: Date(timeIntervalSince1970: 1_800_000_000), prompt: PromptSnapshot(), model: ModelRef("local:m")!, branch: point)
        let line = try SessionLineCodec.encodeLine(.runStarted(started))
        #expect(String(decoding: line, as: UTF8.self).contains(#""branch":{"of":1,"token":1,"chosen":" sea","prefix":"Blue sea"}"#))
        guard case .runStarted(let back) = try SessionLineCodec.decodeLine(line) else { Issue.record("not a run start"); return }
        #expect(back.branch == point)
        var recorded = RecordedRun(started: back)
        recorded.text = " breeze"
        #expect(recorded.answerText == "Blue sea breeze")
    }
}

/// The probability view on a long answer: only the rows around the cursor are drawn, laid out exactly as a
/// short answer is (wide characters, newlines and wrapping included).
@Suite struct LongProbabilityViewTests {
    func render(_ tokens: [TokenLogprob], cursor: Int, width: Int = 24, height: Int = 6) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        TokenProbabilityView(tokens: tokens, cursor: cursor, theme: .plain).render(in: Rect(x: 0, y: 0, width: width, height: height), into: &buffer)
        return buffer
    }

    @Test func theRowsAroundTheCursorAreShownAndWrapLikeAShortAnswer() {
        let words = (0..<3000).map { i in i % 7 == 3 ? " 東京\(i)" : (i % 11 == 5 ? "\n" : " w\(i)") }
        let tokens = words.map { TokenLogprob(token: $0, logprob: -0.01) }
        // Characters wrap, so a word may continue on the next row: read the rows as one text.
        let end = render(tokens, cursor: 2999, height: 8).lines.joined()
        #expect(end.contains("東京2999"), "\(end)")
        #expect(!end.contains(" w1 "))
        let middle = render(tokens, cursor: 1500, height: 8)
        // The cursor's token is drawn reversed, with exactly its text.
        var reversed = ""
        for y in 0..<middle.height {
            for x in 0..<middle.width where middle[x, y].style.attributes.contains(.reverse) { reversed += middle[x, y].grapheme }
        }
        #expect(reversed == " w1500", "\(middle.lines.joined(separator: "\n"))")
        // The same words, alone, lay out as the long answer shows them around the cursor.
        let start = render(Array(tokens.prefix(8)), cursor: 0, height: 8).lines
        let long = render(tokens, cursor: 0, height: 8).lines
        #expect(start[0] == long[0])
        #expect(long[1].hasPrefix(start[1]))
    }
}

/// Label mode in a comparison (`L`): each column's prompt and model scored on the file's labels.
@Suite struct ComparisonLabelModeTests {
    @Test func lScoresEveryColumnAndShowsTheDistributions() throws {
        var (h, parent) = try BranchTests().answered()
        h.key("Right")
        let branch = try #require(BranchTests().startedRun(h.key("Enter")))
        h.send(.runEnded(runID: branch.runID))
        h.key("B")
        // No labels yet: asked for, and kept for the prompt file.
        h.key("L")
        guard case .textPrompt = h.state.overlay else { Issue.record("no labels prompt"); return }
        h.key("C-a")
        for _ in 0..<30 { h.key("Backspace") }
        h.type("colour, weather")
        let effects = h.key("Enter")
        #expect(h.state.document.base.labels == ["colour", "weather"])
        let asked = effects.compactMap { if case .scoreLabels(let id, let request, let labels, let model) = $0 { (id, request, labels, model) } else { nil } }
        #expect(asked.map(\.0) == [parent, branch.runID])
        #expect(asked.allSatisfy { $0.2 == ["colour", "weather"] && $0.3.description == "local:smollm2-135m-instruct" })
        #expect(asked.first?.1.messages == [ChatMessage(role: .user, content: "Name a colour.")], "the column's own prompt, not a continuation")
        #expect(h.render().lines.joined(separator: "\n").contains("scoring the labels…"))

        let scores = LabelScores(scores: [
            .init(label: "colour", scored: "colour", tokens: ["col", "our"], logprob: -0.1, exact: true),
            .init(label: "weather", scored: "weather", tokens: ["weather"], logprob: -2.5, exact: false),
        ], alternatives: 100)
        h.send(.labelsScored(runID: parent, scores, error: nil))
        h.send(.labelsScored(runID: branch.runID, nil, error: "label mode scores labels with llama.cpp"))
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.range(of: #"colour +█+░* 92%"#, options: .regularExpression) != nil, "\(screen)")
        #expect(screen.contains("≤8%"), "an upper bound is marked")
        #expect(screen.contains("✖ labels: label mode scores labels with llama.cpp"))
    }
}
