import Foundation
import Providers
import Sessions
import TerminalUI

/// Runs side by side (a re-run next to its original, a grid of instructions × models): each column
/// streams with its own meter; badges mark the longest, cheapest and fastest answer; `d` shows a word
/// diff with the change in tokens, cost and latency.
struct ComparisonView: Widget {
    var comparison: ComparisonState
    var state: WorkbenchState
    var theme: ResolvedTheme
    /// Wrapped answers kept between frames (nil: wrap from scratch, as tests do).
    var cache: ColumnTextCache? = nil

    /// Columns narrower than this scroll sideways instead.
    static let minColumnWidth = 15
    /// At most this many columns side by side; more scroll sideways.
    static let maxVisibleColumns = 8

    func render(in area: Rect, into buffer: inout CellBuffer) {
        guard area.height >= 3, area.width >= 4 else { return }
        buffer.fill(area, with: Cell(" ", style: theme[.text]))
        let header = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        if let (a, b) = comparison.diff, comparison.columns.indices.contains(a), comparison.columns.indices.contains(b) {
            drawHeader("\(comparison.title) · word diff", in: header, into: &buffer)
            renderDiff(a, b, in: body, into: &buffer)
            return
        }
        // Display slots: the shuffle while judging blind, else the columns in order.
        let order = comparison.blind?.order ?? Array(comparison.columns.indices)
        let visible = comparison.maximized ? [comparison.focused] : visibleColumns(width: area.width)
        let range = visible.isEmpty ? "" : " · columns \(visible[0] + 1)–\(visible[visible.count - 1] + 1) of \(comparison.columns.count)"
        var title = comparison.title + range
        if let blind = comparison.blind { title += blind.revealed ? " · verdict saved (b judges again)" : " · BLIND: names hidden" }
        drawHeader(title, in: header, into: &buffer)
        guard !visible.isEmpty else { return }
        let hideNames = comparison.blind.map { !$0.revealed } ?? false
        // Badges name a column by its numbers, which could give the models away: not while blind.
        let badges = hideNames ? [:] : Self.badges(comparison.columns.compactMap { column in state.runs.last { $0.id == column.runID } }, now: state.now)
        let width = body.width / visible.count
        for (position, slot) in visible.enumerated() where order.indices.contains(slot) {
            let x = body.x + position * width
            let w = position == visible.count - 1 ? body.maxX - x : width
            renderColumn(order[slot], slot: slot, badges: badges, in: Rect(x: x, y: body.y, width: w, height: body.height), into: &buffer)
        }
    }

    /// Which columns fit, keeping the focused one in view.
    func visibleColumns(width: Int) -> [Int] {
        let count = comparison.columns.count
        guard count > 0 else { return [] }
        let fit = max(1, min(count, Self.maxVisibleColumns, width / Self.minColumnWidth))
        let start = max(0, min(comparison.focused - fit / 2, count - fit))
        return Array(start..<(start + fit))
    }

    func drawHeader(_ text: String, in rect: Rect, into buffer: inout CellBuffer) {
        buffer.fill(rect, with: Cell(" ", style: theme[.statusBar]))
        buffer.write(TextTruncation.truncate(" " + text, toWidth: rect.width), x: rect.x, y: rect.y, style: theme[.paneTitleFocused], maxX: rect.maxX)
    }

    func renderColumn(_ index: Int, slot: Int, badges: [String: [String]], in rect: Rect, into buffer: inout CellBuffer) {
        let column = comparison.columns[index]
        let run = state.runs.last { $0.id == column.runID }
        let focused = slot == comparison.focused
        var title = column.title
        if let blind = comparison.blind {
            let letter = BlindState.letter(slot)
            let rank = blind.ranking.firstIndex(of: slot).map { " · #\($0 + 1)" } ?? ""
            title = blind.revealed ? "\(letter)\(rank) · \(column.title)" : "\(letter)\(rank)"
        }
        let panel = Panel(title: title, rightTitle: run.map(phaseLabel), focused: focused, theme: theme)
        panel.render(in: rect, into: &buffer)
        let inner = panel.inner(rect)
        guard inner.height >= 2, inner.width >= 2, let run else { return }
        var textArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        if let labels = comparison.labelScores[run.id] {
            let used = Self.drawLabels(labels, in: textArea, theme: theme, into: &buffer)
            textArea = Rect(x: textArea.x, y: textArea.y + used, width: textArea.width, height: max(0, textArea.height - used))
        }
        let subtitle = comparison.blind.map({ $0.revealed }) ?? true ? column.subtitle : nil
        var wrapped: WrappedText
        if let cache {
            let key = ColumnTextCache.Key(runID: run.id, width: max(1, textArea.width), subtitle: subtitle)
            wrapped = cache.wrapped(column: index, key: key, text: run.shownAnswer, ended: !run.phase.isActive)
        } else {
            wrapped = WrappedText(width: max(1, textArea.width))
            if let subtitle { wrapped.append(subtitle + "\n", role: .responseMeta) }
            wrapped.append(TextSanitizer.sanitize(run.shownAnswer), role: .responseText, inertRole: .responseInert)
        }
        if let error = run.result.error {
            wrapped.append("\n\n✖ " + TextSanitizer.plainSanitized(error.description), role: .error)
        } else if run.phase == .cancelled {
            wrapped.append("\n\n■ cancelled", role: .warning)
        } else if let verdict = run.schemaVerdict {
            // Side by side with and without a schema (`schema = false`), each column is judged by the same schema.
            wrapped.append(verdict.valid ? "\n\nschema: valid ✓" : "\n\nschema ✗ " + TextSanitizer.plainSanitized(verdict.summary), role: verdict.valid ? .success : .error)
        }
        let scroll = index < comparison.scroll.count ? comparison.scroll[index] : 0
        if comparison.probabilities, !run.shownTokens.isEmpty {
            TokenProbabilityView(tokens: run.shownTokens, cursor: -1, theme: theme, column: true, scroll: run.phase.isActive && scroll == 0 ? nil : scroll)
                .render(in: textArea, into: &buffer)
        } else {
            let maxTop = max(0, wrapped.lineCount - textArea.height)
            // A column still streaming follows its tail unless the user scrolled.
            let top = run.phase.isActive && scroll == 0 ? maxTop : min(scroll, maxTop)
            Paragraph(wrapped, scroll: top, theme: theme).render(in: textArea, into: &buffer)
        }
        let footer = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        // While judging blind, price and speed could give the model away: tokens only.
        let judging = comparison.blind.map { !$0.revealed } ?? false
        let figures = meterGroups(run)
        let groups = judging ? [figures[0]] : [figures[0]] + (badges[run.id] ?? []).map { [("★ " + $0, ThemeRole.badgeBest)] } + figures.dropFirst()
        SegmentLine(groups: groups, gap: 1).render(in: footer, into: &buffer, theme: theme)
    }

    func phaseLabel(_ run: RunState) -> String {
        switch run.phase {
        case .waiting: return Spinner(elapsed: .milliseconds(Int((state.now - run.startedAt) * 1000))).frame + " waiting"
        case .streaming: return Spinner(elapsed: .milliseconds(Int((state.now - run.startedAt) * 1000))).frame
        case .finished: return run.result.finish?.kind.rawValue ?? "done"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        }
    }

    /// The column's figures, most important first: tokens, total time, cost, speed, time to first token.
    func meterGroups(_ run: RunState) -> [SegmentLine.Group] {
        let out = run.outputTokens
        var groups: [SegmentLine.Group] = [[("\(out.count)\(out.exact ? "" : "~") tok", .meterValue)]]
        groups.append([(MeterFormat.seconds(run.elapsed(now: state.now)), .meterLabel)])
        groups.append([(run.cost.map { MeterFormat.usd($0) } ?? "unpriced", run.cost == nil ? .meterUnpriced : .meterCost)])
        if let rate = run.tokensPerSecond(now: state.now) { groups.append([(String(format: "%.0f/s", rate), .meterLabel)]) }
        if let ttft = run.timeToFirstToken { groups.append([("ttft " + MeterFormat.seconds(ttft), .meterLabel)]) }
        return groups
    }

    /// "longest", "cheapest", "fastest" for finished runs, once at least two have finished; a tie
    /// earns no badge (two free local runs are not "cheapest").
    static func badges(_ runs: [RunState], now: Double) -> [String: [String]] {
        let done = runs.filter { $0.phase == .finished }
        guard done.count >= 2 else { return [:] }
        var out: [String: [String]] = [:]
        func award(_ name: String, _ candidates: [RunState], by value: (RunState) -> Double, highest: Bool) {
            let values = candidates.map(value)
            guard let best = highest ? values.max() : values.min(), values.filter({ $0 == best }).count == 1,
                  let i = values.firstIndex(of: best) else { return }
            out[candidates[i].id, default: []].append(name)
        }
        award("longest", done, by: { Double($0.outputTokens.count) }, highest: true)
        let priced = done.filter { $0.cost != nil }
        if priced.count >= 2 { award("cheapest", priced, by: { $0.cost ?? 0 }, highest: false) }
        award("fastest", done, by: { $0.elapsed(now: now) }, highest: false)
        return out
    }

    func renderDiff(_ a: Int, _ b: Int, in rect: Rect, into buffer: inout CellBuffer) {
        let left = comparison.columns[a], right = comparison.columns[b]
        let panel = Panel(title: "\(left.title) → \(right.title)", rightTitle: "d back to columns", focused: true, theme: theme)
        panel.render(in: rect, into: &buffer)
        let inner = panel.inner(rect)
        guard inner.height >= 2, let old = state.runs.last(where: { $0.id == left.runID }), let new = state.runs.last(where: { $0.id == right.runID }) else { return }
        let figures = RunComparison(before: RunFigures(old.meter, now: state.now), after: RunFigures(new.meter, now: state.now))
        buffer.write(TextTruncation.truncate(figures.description, toWidth: inner.width), x: inner.x, y: inner.y, style: theme[.meterValue], maxX: inner.maxX)
        let diff = WordDiff(old: old.answerText, new: new.answerText)
        var wrapped = WrappedText(width: max(1, inner.width))
        let summary = diff.isIdentical ? "identical answers" : "{+added+} \(diff.addedWords) · [-removed-] \(diff.removedWords) · moved [~from~]{~to~} \(diff.movedWords) words"
        wrapped.append(summary + (diff.isApproximate ? " (approximate: long texts)" : "") + "\n\n", role: .responseMeta)
        wrapped.appendWordDiff(diff)
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let top = min(comparison.scroll.first ?? 0, max(0, wrapped.lineCount - body.height))
        Paragraph(wrapped, scroll: top, theme: theme).render(in: body, into: &buffer)
    }

    /// Label mode at the top of a column: each label's share as a bar, most likely first; rows used.
    static func drawLabels(_ labels: LabelScoreState, in area: Rect, theme: ResolvedTheme, into buffer: inout CellBuffer) -> Int {
        var lines: [(String, ThemeRole)] = []
        switch labels {
        case .pending: lines = [("scoring the labels…", .responseMeta)]
        case .failed(let message): lines = [("✖ labels: " + TextSanitizer.plainSanitized(message), .error)]
        case .scored(let scores):
            let nameWidth = min(16, scores.scores.map { TextWidth.of($0.label) }.max() ?? 8)
            let barWidth = max(4, min(20, area.width - nameWidth - 8))
            for (score, share) in zip(scores.scores, scores.shares).sorted(by: { $0.1 > $1.1 }) {
                let name = TextTruncation.truncate(score.label, toWidth: nameWidth)
                let bar = ProbabilityText.bar(share, width: barWidth)
                lines.append((name + String(repeating: " ", count: max(1, nameWidth - TextWidth.of(name) + 1)) + bar + " " + (score.exact ? "" : "≤") + ProbabilityText.percent(share), .overlayText))
            }
        }
        lines.append((String(repeating: "─", count: area.width), .paneBorder))
        let shown = min(lines.count, max(0, area.height - 1))
        for (i, line) in lines.prefix(shown).enumerated() {
            buffer.write(TextTruncation.truncate(line.0, toWidth: area.width), x: area.x, y: area.y + i, style: theme[line.1], maxX: area.maxX)
        }
        return shown
    }
}
