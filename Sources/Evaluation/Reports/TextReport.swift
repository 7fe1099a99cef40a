import Foundation

/// The plain-text table (`--format table`, the default) and the Markdown report: one row per cell with
/// its ✓ / ✗ / ! and the reasons of what did not pass, then one row per column with its pass rate.
public enum TextReport {
    static func mark(_ s: CellResult.Status) -> String {
        switch s {
        case .pass: "✓"
        case .fail: "✗"
        case .error: "!"
        }
    }

    static func usd(_ d: Double?) -> String { d.map { String(format: "$%.6f", $0) } ?? "unpriced" }

    static func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }

    public static func table(_ results: [CellResult], summary: EvalSummary) -> String {
        let rows = results.map { r -> [String] in
            let ok = r.checks.filter { $0.status == .pass }.count
            return [
                mark(r.status) + " " + r.status.rawValue, r.cell.evalCase.name + (r.cell.repeatIndex > 1 ? " #\(r.cell.repeatIndex)" : ""), r.cell.variant,
                r.cell.model.description, "\(ok)/\(r.checks.count)" + (r.cached ? " cached" : ""), CheckText.clip(r.text.trimmingCharacters(in: .whitespacesAndNewlines), 40),
            ]
        }
        let head = ["result", "case", "instruction", "model", "checks", "answer"]
        let widths = head.indices.map { i in ([head[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : pad(c, widths[i]) }.joined(separator: "  ")
        }
        var out = line(head) + "\n"
        for (r, row) in zip(results, rows) {
            out += line(row) + "\n"
            if let e = r.runError { out += "    ! run: \(e)\n" }
            for c in r.checks where c.status != .pass {
                out += "    \(c.status == .fail ? "✗" : "!") \(c.name): \(c.reason)\n"
            }
        }
        out += "\n"
        let repeated = summary.columns.contains { $0.agreement != nil }
        let colHead = ["instruction", "model", "pass rate", "passed", "failed", "errors", "cost"] + (repeated ? ["samples agree"] : [])
        let colRows = summary.columns.map { c in
            [c.key.variant, c.key.model.description, String(format: "%.0f%%", c.passRate * 100), "\(c.passed)", "\(c.failed)", "\(c.errors)", usd(c.costUSD)]
                + (repeated ? [c.agreement.map { String(format: "%.0f%%", $0 * 100) } ?? "–"] : [])
        }
        let cw = colHead.indices.map { i in ([colHead[i]] + colRows.map { $0[i] }).map(\.count).max() ?? 0 }
        func colLine(_ cells: [String]) -> String { cells.enumerated().map { $0 == cells.count - 1 ? $1 : pad($1, cw[$0]) }.joined(separator: "  ") }
        out += colLine(colHead) + "\n"
        for row in colRows { out += colLine(row) + "\n" }
        out += String(format: "\nchecks passed: %.1f%%; cost %@", summary.checkPassRate * 100, usd(summary.costUSD))
        if let j = summary.judgeCostUSD { out += "; judges \(usd(j))" }
        return out + "\n"
    }

    public static func markdown(_ results: [CellResult], summary: EvalSummary) -> String {
        func cell(_ text: String) -> String {
            text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
        }
        var out = "| Instruction | Model | Pass rate | Passed | Failed | Errors | Cost |\n|---|---|---:|---:|---:|---:|---:|\n"
        for c in summary.columns {
            out += "| \(cell(c.key.variant)) | \(c.key.model) | \(String(format: "%.0f%%", c.passRate * 100)) | \(c.passed) | \(c.failed) | \(c.errors) | \(usd(c.costUSD)) |\n"
        }
        out += "\n| | Case | Instruction | Model | Checks | Answer |\n|---|---|---|---|---|---|\n"
        for r in results {
            let checks = (r.runError.map { ["! run: \($0)"] } ?? []) + r.checks.map { "\($0.status == .pass ? "✓" : $0.status == .fail ? "✗" : "!") \($0.name): \($0.reason)" }
            out += "| \(mark(r.status)) | \(cell(r.cell.evalCase.name)) | \(cell(r.cell.variant)) | \(r.cell.model) | \(cell(checks.joined(separator: "\n"))) | \(cell(CheckText.clip(r.text, 200))) |\n"
        }
        return out
    }
}
