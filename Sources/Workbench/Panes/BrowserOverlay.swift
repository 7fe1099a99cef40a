import Foundation
import Providers
import Sessions
import TerminalUI

/// Ctrl-O: saved sessions (title, date, runs, models, cost) with search; then one session's runs.
struct BrowserOverlay: Widget {
    var browser: BrowserState
    var state: WorkbenchState
    var keymap: Keymap
    var theme: ResolvedTheme

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        let title: String
        let hints: String
        switch browser.level {
        case .sessions:
            title = "Sessions"
            hints = "Enter open · / search · n rename · d delete · Esc close"
        case .runs(let scan):
            title = "Session · \(TextSanitizer.plainSanitized(scan.summary.title))"
            hints = "Enter load · p replay · r re-run on \(state.model) · ← back"
        }
        let box = Overlay(title: title, rightTitle: hints, width: min(screen.width, 120), height: min(screen.height, 30), theme: theme)
        box.render(in: screen, into: &buffer)
        let inner = box.inner(in: screen)
        guard inner.height >= 3, inner.width >= 10 else { return }
        var top = inner.y
        let searching = browser.mode == .searching
        if searching || !browser.query.isEmpty {
            let x = buffer.write("search ", x: inner.x, y: top, style: theme[.editorLabel], maxX: inner.maxX)
            let field = Rect(x: x, y: top, width: inner.maxX - x, height: 1)
            let view = TextEditorView(state: browser.query, theme: theme, placeholder: "words in prompts and answers, then Enter", focused: searching)
            view.render(in: field, into: &buffer)
            top += 1
        }
        let listArea = Rect(x: inner.x, y: top, width: inner.width, height: inner.maxY - top - 1)
        switch browser.level {
        case .sessions: renderSessions(in: listArea, into: &buffer)
        case .runs(let scan): renderRuns(scan, in: listArea, into: &buffer)
        }
        let footerY = inner.maxY - 1
        buffer.fill(Rect(x: inner.x, y: footerY, width: inner.width, height: 1), with: Cell(" ", style: theme[.overlayText]))
        if case .renaming(let renaming) = browser.mode {
            let x = buffer.write("new title ", x: inner.x, y: footerY, style: theme[.editorLabel], maxX: inner.maxX)
            let field = Rect(x: x, y: footerY, width: inner.maxX - x, height: 1)
            let view = TextEditorView(state: renaming, theme: theme, focused: true)
            view.render(in: field, into: &buffer)
        } else {
            let (text, role) = footer()
            buffer.write(TextTruncation.truncate(text, toWidth: inner.width), x: inner.x, y: footerY, style: theme[role], maxX: inner.maxX)
        }
    }

    func footer() -> (String, ThemeRole) {
        if browser.mode == .confirmingDelete, case .sessions = browser.level, let i = browser.list.selected, browser.visibleSessions.indices.contains(i) {
            return ("delete \"\(TextSanitizer.plainSanitized(browser.visibleSessions[i].title))\" for good? y deletes, any other key keeps it", .warning)
        }
        if case .sessions = browser.level {
            if let i = browser.list.selected, browser.visibleSessions.indices.contains(i), let snippet = browser.snippet(for: browser.visibleSessions[i].file) {
                return ("…" + TextSanitizer.plainSanitized(snippet).replacingOccurrences(of: "\n", with: " ") + "…", .textDim)
            }
            if !browser.loaded { return ("reading the sessions folder…", .textDim) }
            var text = "\(browser.visibleSessions.count) of \(browser.sessions.count) sessions"
            if let hits = browser.hits { text += " · \(hits.count) matches for \"\(browser.searchedQuery)\"" }
            if !browser.problems.isEmpty { text += " · \(browser.problems.count) could not be read: \(browser.problems[0])" }
            return (text, browser.problems.isEmpty ? .textDim : .warning)
        }
        return ("", .textDim)
    }

    func renderSessions(in area: Rect, into buffer: inout CellBuffer) {
        let rows = browser.visibleSessions.map { s -> [String] in
            let models = s.models.map(\.description).joined(separator: ", ")
            let cost = MeterFormat.usd(s.totalCostUSD) + (s.unpricedRuns > 0 ? "+" : "")
            return [TextSanitizer.plainSanitized(s.title), Self.date(s.created), "\(s.runCount)", models, cost]
        }
        guard !rows.isEmpty else {
            let empty = browser.loaded ? (browser.query.isEmpty ? "no sessions yet: runs are saved as you make them" : "no session matches") : ""
            buffer.write(empty, x: area.x + 2, y: area.y + 1, style: theme[.textDim], maxX: area.maxX)
            return
        }
        Table(
            columns: [TableColumn("TITLE", width: .fill(weight: 3)), TableColumn("CREATED", width: .content(max: 16)),
                      TableColumn("RUNS", width: .content(max: 5), alignRight: true), TableColumn("MODELS", width: .fill(weight: 2)),
                      TableColumn("COST", width: .content(max: 11), alignRight: true)],
            rows: rows, selected: browser.list.selected, offset: browser.list.offset, theme: theme
        ).render(in: area, into: &buffer)
    }

    func renderRuns(_ scan: SessionScan, in area: Rect, into buffer: inout CellBuffer) {
        let rows = scan.runs.map { r -> [String] in
            let status: String = switch r.status {
            case .finished(let f): f.rawValue
            case .failed(let kind, _): "failed: \(kind.rawValue)"
            case .incomplete: "cut off"
            }
            let tokens = r.usage?.output.map(String.init) ?? "–"
            let ttft = r.ttftMs.map { MeterFormat.seconds(Double($0) / 1000) } ?? "–"
            let total = r.totalMs.map { MeterFormat.seconds(Double($0) / 1000) } ?? "–"
            let cost = r.costUSD.map(MeterFormat.usd) ?? "unpriced"
            let preview = TextSanitizer.plainSanitized(r.preview).replacingOccurrences(of: "\n", with: " ")
            return ["\(r.run)", r.model.description + (r.mode == .rawCompletion ? " (raw)" : ""), status, tokens, ttft, total, cost, preview]
        }
        guard !rows.isEmpty else {
            buffer.write("this session has no runs", x: area.x + 2, y: area.y + 1, style: theme[.textDim], maxX: area.maxX)
            return
        }
        Table(
            columns: [TableColumn("RUN", width: .content(max: 4), alignRight: true), TableColumn("MODEL", width: .content(max: 34)),
                      TableColumn("END", width: .content(max: 18)), TableColumn("OUT", width: .content(max: 6), alignRight: true),
                      TableColumn("TTFT", width: .content(max: 8), alignRight: true), TableColumn("TOTAL", width: .content(max: 8), alignRight: true),
                      TableColumn("COST", width: .content(max: 10), alignRight: true), TableColumn("PROMPT", width: .fill(weight: 1))],
            rows: rows, selected: browser.list.selected, offset: browser.list.offset, theme: theme
        ).render(in: area, into: &buffer)
    }

    static func date(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}
