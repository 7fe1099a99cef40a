import Providers
import TerminalUI

/// Ctrl-G: the cells of a comparison (instruction × model, each with its parameters) and what it may cost.
struct GridSetupOverlay: Widget {
    var setup: GridSetupState
    var state: WorkbenchState
    var estimate: GridEstimate
    var budget: Double?
    var theme: ResolvedTheme

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        let box = Overlay(title: "Compare · \(setup.shape)", rightTitle: "Ctrl-R run · Esc close", width: min(screen.width, 110), height: min(screen.height, 24), theme: theme)
        box.render(in: screen, into: &buffer)
        let inner = box.inner(in: screen)
        guard inner.height >= 5, inner.width >= 20 else { return }
        let rows = setup.cells.enumerated().map { i, cell -> [String] in
            [cell.enabled ? "[x]" : "[ ]", "\(i + 1)", state.variants.indices.contains(cell.variant) ? state.variants[cell.variant].name : "?",
             cell.model.description + (cell.mode == .rawCompletion ? " (raw)" : ""), parameters(cell.parameters),
             cell.countedInputTokens.map { "\($0) in (counted)" } ?? ""]
        }
        var notes: [(String, ThemeRole)] = []
        var cost = "estimate: ~\(estimate.inputTokens) input tokens"
        if estimate.countedCells > 0 { cost += " (\(estimate.countedCells) cell\(estimate.countedCells == 1 ? "" : "s") counted by the provider)" }
        cost += " · up to \(MeterFormat.usd(estimate.usd))"
        if estimate.unpricedCells > 0 { cost += " + \(estimate.unpricedCells) unpriced" }
        notes.append((cost, .meterCost))
        if setup.cells.contains(where: { $0.enabled && $0.parameters.maxTokens == nil }) {
            notes.append(("assumes \(GridEstimate.assumedOutputTokens) output tokens per cell without max tokens", .textDim))
        }
        if let budget {
            let over = estimate.usd > budget
            notes.append(("budget \(MeterFormat.usd(budget)) (budget_usd): " + (over ? "this may go over it; you will be asked" : "within it"), over ? .warning : .textDim))
        }
        notes.append(("Space leave out · Enter model/parameters · a add model · x remove model · v all instructions / this one", .textDim))
        let table = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - notes.count)
        Table(
            columns: [TableColumn("", width: .fixed(3)), TableColumn("#", width: .content(max: 3), alignRight: true),
                      TableColumn("INSTRUCTION", width: .fill(weight: 2)), TableColumn("MODEL", width: .fill(weight: 3)),
                      TableColumn("PARAMETERS", width: .fill(weight: 2)), TableColumn("INPUT", width: .content(max: 16))],
            rows: rows, selected: setup.list.selected, offset: setup.list.offset, theme: theme
        ).render(in: table, into: &buffer)
        for (i, note) in notes.enumerated() {
            buffer.write(TextTruncation.truncate(note.0, toWidth: inner.width), x: inner.x, y: table.maxY + i, style: theme[note.1], maxX: inner.maxX)
        }
    }

    func parameters(_ p: GenerationParameters) -> String {
        var parts: [String] = []
        if let t = p.temperature { parts.append("temp \(MeterFormat.number(t))") }
        if let m = p.maxTokens { parts.append("max \(m)") }
        if let t = p.topP { parts.append("top-p \(MeterFormat.number(t))") }
        if let s = p.seed { parts.append("seed \(s)") }
        return parts.isEmpty ? "defaults" : parts.joined(separator: " ")
    }
}

/// Win rates per instruction and per model over this session's verdicts.
struct VerdictSummaryOverlay: Widget {
    var verdicts: [VerdictRecord]
    var theme: ResolvedTheme

    /// Wins and comparisons per name: each verdict counts every pair (a ranking a > b > c gives 3 pairs).
    static func rates(_ verdicts: [VerdictRecord], key: (String, String?) -> String?) -> [(name: String, wins: Double, games: Int)] {
        var wins: [String: Double] = [:]
        var games: [String: Int] = [:]
        for verdict in verdicts {
            let names = verdict.ranking.map { key($0.model, $0.variant) }
            for i in names.indices {
                for j in names.indices where j > i {
                    guard let a = names[i], let b = names[j], a != b else { continue }
                    games[a, default: 0] += 1
                    games[b, default: 0] += 1
                    if verdict.tie {
                        wins[a, default: 0] += 0.5
                        wins[b, default: 0] += 0.5
                    } else {
                        wins[a, default: 0] += 1
                    }
                }
            }
        }
        return games.keys.map { ($0, wins[$0] ?? 0, games[$0] ?? 0) }
            .sorted { ($0.wins / Double(max(1, $0.games)), $0.name) > ($1.wins / Double(max(1, $1.games)), $1.name) }
    }

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        let byModel = Self.rates(verdicts) { model, _ in model }
        let byVariant = Self.rates(verdicts) { _, variant in variant }
        let lines = 6 + byModel.count + byVariant.count
        let box = Overlay(title: "Verdicts · \(verdicts.count) in this session", rightTitle: "any key closes", width: min(screen.width, 80), height: min(screen.height, lines + 2), theme: theme)
        box.render(in: screen, into: &buffer)
        let inner = box.inner(in: screen)
        guard !inner.isEmpty else { return }
        var y = inner.y
        guard !verdicts.isEmpty else {
            buffer.write("No verdicts yet: run a comparison (Ctrl-G), press b for blind judging, then pick.", x: inner.x, y: y, style: theme[.textDim], maxX: inner.maxX)
            return
        }
        for (title, rows) in [("By model", byModel), ("By instruction", byVariant)] where !rows.isEmpty {
            buffer.write(title, x: inner.x, y: y, style: theme[.overlayTitle], maxX: inner.maxX)
            y += 1
            for row in rows where y < inner.maxY {
                let rate = row.games == 0 ? 0 : Int((row.wins / Double(row.games) * 100).rounded())
                let line = String(format: "%3d%%  ", rate) + "\(MeterFormat.number(row.wins))/\(row.games) won  " + row.name
                buffer.write(TextTruncation.truncate(line, toWidth: inner.width), x: inner.x + 1, y: y, style: theme[.overlayText], maxX: inner.maxX)
                y += 1
            }
            y += 1
        }
    }
}
