import Foundation

/// `refract eval --format junit`: JUnit XML as CI systems read it. One `testsuite` per column
/// (variant × model), one `testcase` per cell; a failed check is a `failure`, a check or run that
/// could not finish an `error`; the answer goes in `system-out`.
public enum JUnitReport {
    public static func render(_ results: [CellResult], summary: EvalSummary) -> String {
        let failures = results.filter { $0.status == .fail }.count
        let errors = results.filter { $0.status == .error }.count
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<testsuites name="refract eval" tests="\#(results.count)" failures="\#(failures)" errors="\#(errors)">"# + "\n"
        for column in summary.columns {
            let cells = results.filter { $0.cell.column == column.key }
            let suite = "\(column.key.variant) @ \(column.key.model)"
            let seconds = Double(cells.compactMap(\.latencyMs).reduce(0, +)) / 1000
            out += #"  <testsuite name="\#(attr(suite))" tests="\#(cells.count)" failures="\#(column.failed)" errors="\#(column.errors)" time="\#(time(seconds))">"# + "\n"
            for r in cells {
                let name = r.cell.repeatIndex > 1 || results.contains(where: { $0.cell.repeatIndex > 1 })
                    ? "\(r.cell.evalCase.name) #\(r.cell.repeatIndex)" : r.cell.evalCase.name
                let t = time(Double(r.latencyMs ?? 0) / 1000)
                out += #"    <testcase name="\#(attr(name))" classname="\#(attr(suite))" time="\#(t)">"# + "\n"
                let lines = r.checks.map { "\($0.status.rawValue): \($0.name): \($0.reason)" }
                if let e = r.runError {
                    out += #"      <error message="\#(attr(e))" type="run">\#(text(e))</error>"# + "\n"
                } else if let first = r.checks.first(where: { $0.status == .fail }) {
                    out += #"      <failure message="\#(attr(first.name + ": " + first.reason))" type="\#(attr(first.type))">\#(text(lines.joined(separator: "\n")))</failure>"# + "\n"
                } else if let first = r.checks.first(where: { $0.status == .error }) {
                    out += #"      <error message="\#(attr(first.name + ": " + first.reason))" type="\#(attr(first.type))">\#(text(lines.joined(separator: "\n")))</error>"# + "\n"
                }
                out += "      <system-out>\(text(r.text))</system-out>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func time(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates are impossible in Swift) become U+FFFD.
    static func legal(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            let v = u.value
            let ok = v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
            return ok ? u : "\u{FFFD}"
        }))
    }

    static func text(_ s: String) -> String {
        legal(s).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func attr(_ s: String) -> String {
        text(s).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\r", with: "&#13;")
            .replacingOccurrences(of: "\t", with: "&#9;")
    }
}
