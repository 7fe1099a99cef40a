import Evaluation
import Foundation
import Providers
import TerminalUI

/// The evaluation as a matrix: a row per case, a column per instruction variant × model. Each cell shows
/// ✓ / ✗ / ! (or its pass count over repeats) and the start of the answer while it streams; each column
/// header its pass rate, mean latency and cost; the top line the progress, cost so far and time left.
struct EvaluationMatrixView {
    var evaluation: EvaluationState
    var state: WorkbenchState
    var theme: ResolvedTheme
    var keymap: Keymap

    /// Columns narrower than this scroll sideways instead.
    static let minColumnWidth = 18
    static let headerRows = 4

    /// A column's figures so far.
    struct ColumnFigures: Equatable {
        var passed = 0
        var graded = 0
        var latencyTotal = 0.0
        var latencies = 0
        var cost: Double?
        var samples: Int = 0
        var agreeing: Int = 0
        /// Token log-probabilities over the column's answers, when the runs asked for them.
        var logprobTotal = 0.0
        var tokensScored = 0
    }

    /// Everything the matrix needs from the runs, computed once a frame.
    struct Figures {
        var columns: [ColumnFigures]
        var cost: Double?
        var cached = 0
        var done = 0
        var unpriced = 0
    }

    func render(in area: Rect, into buffer: inout CellBuffer) {
        guard area.height >= 6, area.width >= 20 else { return }
        buffer.fill(area, with: Cell(" ", style: theme[.text]))
        let figures = Self.figures(evaluation, runs: state.runs)
        drawTitle(figures, in: Rect(x: area.x, y: area.y, width: area.width, height: 1), into: &buffer)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2)
        if let detail = evaluation.detail {
            EvaluationCellView(evaluation: evaluation, detail: detail, state: state, theme: theme)
                .render(in: body, into: &buffer)
        } else {
            drawMatrix(figures, in: body, into: &buffer)
        }
        drawHints(in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), into: &buffer)
    }

    /// Where a cell's run is in `runs` (checked: a stale position is no run).
    static func runPosition(_ evaluation: EvaluationState, _ index: Int, _ runs: [RunState]) -> Int? {
        guard let i = evaluation.cells[index].runPosition, runs.indices.contains(i), runs[i].id == evaluation.cells[index].runID else { return nil }
        return i
    }

    /// Pass rate, mean latency and cost per column; cost so far, cells cached and done overall. Runs are read
    /// in place (a `RunState` copy per cell would cost more than the rest of the frame).
    static func figures(_ evaluation: EvaluationState, runs allRuns: [RunState]) -> Figures {
        var out = Figures(columns: Array(repeating: ColumnFigures(), count: evaluation.columnCount))
        for (index, cell) in evaluation.cells.enumerated() {
            let c = evaluation.cellColumns[index]
            guard c >= 0 else { continue }
            let r = runPosition(evaluation, index, allRuns)
            if cell.cached != nil { out.cached += 1 }
            let cost = cell.cached?.costUSD ?? r.flatMap { allRuns[$0].cost }
            if let cost {
                out.columns[c].cost = (out.columns[c].cost ?? 0) + cost
                out.cost = (out.cost ?? 0) + cost
            } else if let r, allRuns[r].price == nil, cell.cached == nil {
                out.unpriced += 1
            }
            guard evaluation.status(ofCell: index) != nil else { continue }
            out.done += 1
            // With a check chosen, the column's pass rate is that check's (over the cells it grades).
            if let status = evaluation.shownStatus(ofCell: index) {
                out.columns[c].graded += 1
                if status == .pass { out.columns[c].passed += 1 }
            }
            var latency = cell.cached?.latencyMs.map(Double.init)
            if latency == nil, let r, allRuns[r].phase != .cancelled, let end = allRuns[r].endedAt { latency = (end - allRuns[r].startedAt) * 1000 }
            if let latency {
                out.columns[c].latencyTotal += latency
                out.columns[c].latencies += 1
            }
            if let r {
                for token in allRuns[r].result.logprobs where token.logprob.isFinite {
                    out.columns[c].logprobTotal += token.logprob
                    out.columns[c].tokensScored += 1
                }
            }
        }
        // With repeats: how often a case's samples agree word for word.
        for c in 0..<evaluation.columnCount {
            for row in 0..<evaluation.caseCount {
                let indices = evaluation.cellIndices(case: row, column: c)
                guard indices.count > 1 else { continue }
                let texts = indices.compactMap { i -> String? in
                    guard evaluation.cells[i].checks != nil, let r = runPosition(evaluation, i, allRuns) else { return nil }
                    return allRuns[r].result.text.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                guard texts.count == indices.count else { continue }
                out.columns[c].samples += 1
                if Set(texts).count == 1 { out.columns[c].agreeing += 1 }
            }
        }
        return out
    }

    func drawTitle(_ figures: Figures, in rect: Rect, into buffer: inout CellBuffer) {
        buffer.fill(rect, with: Cell(" ", style: theme[.statusBar]))
        let total = evaluation.cells.count
        var parts = [evaluation.title, "\(figures.done)/\(total) cells"]
        parts.append(figures.cost.map { MeterFormat.usd($0) } ?? "unpriced")
        if figures.unpriced > 0, figures.cost != nil { parts.append("\(figures.unpriced) unpriced") }
        if figures.cached > 0 { parts.append("\(figures.cached) cached") }
        let running = figures.done < total && !evaluation.stopped
        if running, figures.done > 0, !evaluation.isReplay {
            let elapsed = state.now - evaluation.startedAt
            let left = elapsed / Double(figures.done) * Double(total - figures.done)
            parts.append("~\(MeterFormat.seconds(left)) left")
        }
        if evaluation.stopped { parts.append("stopped") } else if figures.done == total { parts.append("done") }
        if let check = evaluation.check { parts.append("check: " + TextSanitizer.plainSanitized(check)) }
        if evaluation.filter != .all { parts.append(evaluation.filter == .failures ? "filter: failures" : "filter: disagreeing") }
        if evaluation.sortByPassRate { parts.append("sorted by pass rate") }
        let spinner = running ? Spinner(elapsed: .milliseconds(Int((state.now - evaluation.startedAt) * 1000))).frame + " " : ""
        buffer.write(TextTruncation.truncate(" " + spinner + parts.joined(separator: " · "), toWidth: rect.width), x: rect.x, y: rect.y,
                     style: theme[.paneTitleFocused], maxX: rect.maxX)
    }

    func drawHints(in rect: Rect, into buffer: inout CellBuffer) {
        buffer.fill(rect, with: Cell(" ", style: theme[.statusBar]))
        let running = evaluationRunning
        let close = (Command.close, running ? "stop" : "back")
        let pairs: [(Command, String)] = evaluation.detail != nil
            ? [(.columnRight, "next column"), (.diff, "diff"), (.rerunCell, "re-run"), close]
            : [(.confirm, "open"), (.filterRows, "filter"), (.checkFilter, "check"), (.sortRows, "sort"), (.rerunCell, "re-run cell"),
               (.rerunRow, "row"), (.rerunColumn, "column"), (.retryFailed, "failures"), (.setRepeats, "samples"), close]
        var shown = pairs.compactMap { command, label in keymap.hint(for: command, in: .evaluation).map { (command, $0, label) } }
        // On a narrow screen samples, then sort, then open give way (the help lists them), so the stop key stays.
        func width() -> Int { 1 + shown.reduce(0) { $0 + TextWidth.of($1.1) + TextWidth.of($1.2) + 3 } }
        for optional in [Command.setRepeats, .sortRows, .confirm] where width() > rect.width {
            shown.removeAll { $0.0 == optional }
        }
        var x = rect.x + 1
        for (_, key, label) in shown {
            x = buffer.write(key, x: x, y: rect.y, style: theme[.statusKey], maxX: rect.maxX)
            x = buffer.write(" " + label + "  ", x: x, y: rect.y, style: theme[.statusText], maxX: rect.maxX)
        }
    }

    var evaluationRunning: Bool {
        !evaluation.stopped && evaluation.cells.contains { $0.checks == nil && $0.runID != nil }
    }

    /// The columns that fit, keeping the cursor's in view.
    func visibleColumns(width: Int) -> Range<Int> {
        let count = evaluation.columnCount
        let fit = max(1, min(count, width / Self.minColumnWidth))
        let start = max(0, min(evaluation.column - fit / 2, count - fit))
        return start..<(start + fit)
    }

    func drawMatrix(_ figures: Figures, in rect: Rect, into buffer: inout CellBuffer) {
        let names = evaluation.plan.cases.map(\.name)
        let labelWidth = min(max(8, (names.map { TextWidth.of($0) }.max() ?? 4) + 2), max(8, rect.width / 4))
        let columns = visibleColumns(width: rect.width - labelWidth - 1)
        let cellWidth = max(4, (rect.width - labelWidth - 1) / max(1, columns.count))
        let x0 = rect.x + labelWidth + 1
        // Headers: the column's name, then its figures.
        buffer.write(TextTruncation.truncate(" case", toWidth: labelWidth), x: rect.x, y: rect.y, style: theme[.tableHeader], maxX: rect.x + labelWidth)
        for (position, c) in columns.enumerated() {
            let x = x0 + position * cellWidth
            let maxX = min(rect.maxX, x + cellWidth - 1)
            let style = c == evaluation.column ? theme[.paneTitleFocused] : theme[.tableHeader]
            buffer.write(TextTruncation.truncate(evaluation.columnName(c), toWidth: maxX - x), x: x, y: rect.y, style: style, maxX: maxX)
            let f = figures.columns[c]
            var stats: [String] = []
            stats.append(f.graded == 0 ? "–" : "\(Int((Double(f.passed) / Double(f.graded) * 100).rounded()))% (\(f.passed)/\(f.graded))")
            if f.latencies > 0 { stats.append(MeterFormat.seconds(f.latencyTotal / Double(f.latencies) / 1000)) }
            stats.append(f.cost.map { MeterFormat.usd($0) } ?? "unpriced")
            if f.samples > 0 { stats.append("agree \(Int((Double(f.agreeing) / Double(f.samples) * 100).rounded()))%") }
            // How sure the model was over the column's answers ([params] logprobs, or p in the response pane).
            if f.tokensScored > 0 { stats.append("ppl " + String(format: "%.2f", exp(-f.logprobTotal / Double(f.tokensScored)))) }
            buffer.write(TextTruncation.truncate(stats.joined(separator: " · "), toWidth: maxX - x), x: x, y: rect.y + 1, style: theme[.textDim], maxX: maxX)
        }
        let rule = String(repeating: "─", count: max(0, rect.width))
        buffer.write(rule, x: rect.x, y: rect.y + 2, style: theme[.paneBorder], maxX: rect.maxX)
        let rows = evaluation.shownRows
        let height = rect.height - 3
        guard height > 0 else { return }
        if rows.isEmpty {
            let message = evaluation.filter == .all ? "no cases" : "no case matches the filter (f shows all)"
            buffer.write(" " + message, x: rect.x, y: rect.y + 3, style: theme[.textDim], maxX: rect.maxX)
            return
        }
        let top = max(0, min(evaluation.row - height / 2, rows.count - height))
        for line in 0..<min(height, rows.count - top) {
            let shown = top + line
            let row = rows[shown]
            let y = rect.y + 3 + line
            let selectedRow = shown == evaluation.row
            buffer.write(TextTruncation.truncate(" " + names[row], toWidth: labelWidth), x: rect.x, y: y,
                         style: selectedRow ? theme[.listSelected] : theme[.listText], maxX: rect.x + labelWidth)
            buffer.write("│", x: rect.x + labelWidth, y: y, style: theme[.paneBorder])
            for (position, c) in columns.enumerated() {
                let x = x0 + position * cellWidth
                let maxX = min(rect.maxX, x + cellWidth - 1)
                drawCell(row: row, column: c, selected: selectedRow && c == evaluation.column, x: x, y: y, maxX: maxX, into: &buffer)
            }
        }
    }

    func drawCell(row: Int, column: Int, selected: Bool, x: Int, y: Int, maxX: Int, into buffer: inout CellBuffer) {
        let indices = evaluation.cellIndices(case: row, column: column)
        if selected { buffer.fill(Rect(x: x, y: y, width: max(0, maxX - x), height: 1), with: Cell(" ", style: theme[.listSelected])) }
        guard let first = indices.first else {
            buffer.write("–", x: x, y: y, style: selected ? theme[.listSelected] : theme[.textDim], maxX: maxX)
            return
        }
        let run = Self.runPosition(evaluation, first, state.runs).map { state.runs[$0] }
        let (mark, role) = Self.mark(evaluation, indices, run: run, now: state.now)
        var cx = buffer.write(mark, x: x, y: y, style: selected ? theme[.listSelected] : theme[role], maxX: maxX)
        cx = buffer.write(" ", x: cx, y: y, style: selected ? theme[.listSelected] : theme[.text], maxX: maxX)
        let text = Self.firstLine(run?.result.text ?? "")
        // Plain text roles: the matrix sits on the screen's background, not in a pane of its own.
        let textRole: ThemeRole = evaluation.cells[first].cached != nil ? .textDim : .text
        _ = buffer.write(TextTruncation.truncate(text, toWidth: max(0, maxX - cx)), x: cx, y: y,
                         style: selected ? theme[.listSelected] : theme[textRole], maxX: maxX)
    }

    /// ✓ pass, ✗ fail, ! error, · waiting for a place, a spinner while it streams, … while it is graded;
    /// with repeats, passes/samples. With a check chosen (`byCheck`), that check's result, and – where it
    /// grades none of the samples.
    static func mark(_ evaluation: EvaluationState, _ indices: [Int], run: RunState?, now: Double, byCheck: Bool = true) -> (String, ThemeRole) {
        let lens = byCheck && evaluation.check != nil
        let samples = lens ? indices.filter { evaluation.checkApplies(toCell: $0) } : indices
        if samples.isEmpty { return ("–", .textDim) }
        let statuses = samples.map { lens ? evaluation.shownStatus(ofCell: $0) : evaluation.status(ofCell: $0) }
        if samples.count > 1 {
            let graded = statuses.compactMap { $0 }
            let passed = graded.filter { $0 == .pass }.count
            let role: ThemeRole = graded.count < samples.count ? .spinner : passed == graded.count ? .success : passed == 0 ? .error : .warning
            return ("\(passed)/\(samples.count)", role)
        }
        switch statuses.first ?? nil {
        case .pass: return ("✓", .success)
        case .fail: return ("✗", .error)
        case .error: return ("!", .warning)
        case nil:
            guard let run else { return ("·", .textDim) }
            if run.phase == .waiting, run.firstTokenAt == nil { return ("·", .textDim) }
            if run.phase.isActive { return (Spinner(elapsed: .milliseconds(Int((now - run.startedAt) * 1000))).frame, .spinner) }
            return ("…", .spinner)
        }
    }

    /// The answer's start on one line: whitespace runs become one space, control characters are made inert.
    static func firstLine(_ text: String) -> String {
        let prefix = text.prefix(400)
        var out = ""
        var space = false
        for ch in TextSanitizer.plainSanitized(String(prefix)) {
            if ch.isWhitespace {
                if !space, !out.isEmpty { out.append(" ") }
                space = true
            } else {
                out.append(ch)
                space = false
            }
        }
        return out
    }
}
