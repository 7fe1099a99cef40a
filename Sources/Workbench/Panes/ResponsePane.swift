import Foundation
import Providers
import TerminalUI

/// The streaming answer: wrapped at the pane width, scrollable, following the tail; a spinner and
/// elapsed time until the first token; how the run ended shown under the text.
struct ResponsePane: Widget {
    var state: WorkbenchState
    var focused: Bool
    var theme: ResolvedTheme

    func render(in area: Rect, into buffer: inout CellBuffer) {
        let run = state.shownRun
        let panel = Panel(title: title(run), rightTitle: rightTitle(run), focused: focused, theme: theme)
        panel.render(in: area, into: &buffer)
        let inner = panel.inner(area)
        guard !inner.isEmpty else { return }
        guard let run else {
            let hint = "Write a prompt, then run it. The answer streams here."
            for (i, line) in WordWrapper(width: inner.width).wrappedStrings(hint).prefix(inner.height).enumerated() {
                buffer.write(line, x: inner.x, y: inner.y + i, style: theme[.textDim], maxX: inner.maxX)
            }
            return
        }
        var body = inner
        if run.phase.isActive, run.firstTokenAt == nil {
            let elapsed = state.now - run.startedAt
            // A retry note comes first: the model's name is in the title already, and a long one
            // would otherwise push the note out of sight.
            let label = run.retryNote.map { "\($0) · \(MeterFormat.seconds(elapsed))" }
                ?? "waiting for \(run.model) · \(MeterFormat.seconds(elapsed))"
            Spinner(elapsed: .milliseconds(Int(elapsed * 1000)), style: theme[.spinner], label: TextTruncation.truncate(label, toWidth: max(0, inner.width - 2)), labelStyle: theme[.responseMeta])
                .render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), into: &buffer)
            body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        }
        guard !body.isEmpty else { return }
        if let verdict = run.schemaVerdict, body.height > 1 {
            SchemaVerdictLine(verdict: verdict, theme: theme).render(in: Rect(x: body.x, y: body.maxY - 1, width: body.width, height: 1), into: &buffer)
            body.height -= 1
        }
        if showsJSON(run), case .success(let value) = JSONAnswer.parse(run.answerText) {
            renderJSON(value, in: body, scrollbarX: area.maxX - 1, into: &buffer)
            return
        }
        if state.response.probabilities, !run.shownTokens.isEmpty {
            TokenProbabilityView(
                tokens: run.shownTokens, cursor: state.response.tokenCursor, theme: theme, picked: state.response.alternative,
                branchStart: run.branch.map { $0.prefixTokens.count - 1 }, branches: Self.branchList(state.branchFamily(of: run.id), shown: run.id)
            ).render(in: body, into: &buffer)
            return
        }
        let wrapped = state.response.wrapped
        let maxTop = max(0, wrapped.lineCount - body.height)
        let top = state.response.follow ? maxTop : min(state.response.top, maxTop)
        Paragraph(wrapped, scroll: top, theme: theme, baseRole: .responseText).render(in: body, into: &buffer)
        if wrapped.lineCount > body.height {
            Scrollbar(total: wrapped.lineCount, offset: top, visible: body.height, style: theme[.scrollbar])
                .render(in: Rect(x: area.maxX - 1, y: body.y, width: 1, height: body.height), into: &buffer)
        }
    }

    /// The answer as indented, coloured JSON lines, clipped at the pane's width, scrolled like the text.
    private func renderJSON(_ value: JSON, in body: Rect, scrollbarX: Int, into buffer: inout CellBuffer) {
        let lines = JSONAnswer.lines(value)
        let maxTop = max(0, lines.count - body.height)
        let top = state.response.follow ? 0 : min(state.response.top, maxTop)
        for (row, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
            var x = body.x
            for piece in line {
                // Keys and strings are JSON-escaped already; the sanitiser also makes C1 controls and bidi marks inert.
                x = buffer.write(TextSanitizer.plainSanitized(piece.text), x: x, y: body.y + row, style: theme[piece.role], maxX: body.maxX)
            }
        }
        if lines.count > body.height {
            Scrollbar(total: lines.count, offset: top, visible: body.height, style: theme[.scrollbar])
                .render(in: Rect(x: scrollbarX, y: body.y, width: 1, height: body.height), into: &buffer)
        }
    }

    /// The JSON view is on and applies: the run ended and its answer is JSON.
    func showsJSON(_ run: RunState) -> Bool {
        guard state.response.json, !run.phase.isActive, case .success = JSONAnswer.parse(run.answerText) else { return false }
        return true
    }

    func title(_ run: RunState?) -> String {
        guard let run else { return "Response" }
        let mode = run.mode == .rawCompletion ? " · raw" : ""
        let label = run.label.map { " · \($0)" } ?? ""
        return "Response · \(run.model)\(mode)\(label)"
    }

    func rightTitle(_ run: RunState?) -> String? {
        guard let run else { return nil }
        let count = state.runs.count > 1 ? "run \(state.runs.firstIndex { $0.id == run.id }.map { $0 + 1 } ?? state.runs.count)/\(state.runs.count) · " : ""
        switch run.phase {
        case .waiting: return count + "connecting"
        case .streaming:
            let frame = Spinner(elapsed: .milliseconds(Int((state.now - run.startedAt) * 1000))).frame
            return count + "\(frame) streaming" + (state.response.follow ? "" : " · scrolled")
        case .finished: return count + (run.result.finish?.kind.rawValue ?? "done") + (showsJSON(run) ? " · JSON view" : "")
        case .failed: return count + "failed"
        case .cancelled: return count + "cancelled"
        }
    }

    /// "branches: original · ▸at 4 “blue” · at 9 “,”" — the tree the shown run is in, nil without branches.
    static func branchList(_ family: [RunState], shown: String) -> String? {
        guard family.count > 1 else { return nil }
        let names = family.map { run in
            (run.id == shown ? "▸" : "") + (run.branch.map { "at \($0.tokenIndex + 1) \(TokenProbabilityView.quoted($0.chosen))" } ?? "original")
        }
        return "branches: " + names.joined(separator: " · ")
    }
}
