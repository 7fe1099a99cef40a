import Foundation
import Providers

/// `refract eval --format json`: one object, `{"cells":[…],"columns":[…],"cost_usd":…}`, keys in the
/// documented order; absent figures are `null`, never left out. Judge checks add a `judge` object
/// (model, prompt, answer, cost), and cells and the total a `judge_cost_usd`, kept apart from the runs' cost.
public enum JSONReport {
    public static func render(_ results: [CellResult], summary: EvalSummary, baseline: BaselineComparison? = nil) -> String {
        func num(_ d: Double?) -> JSON { d.map { .number($0) } ?? .null }
        func int(_ i: Int?) -> JSON { i.map { .number(Double($0)) } ?? .null }
        let cells: [JSON] = results.map { r in
            let checks: [JSON] = r.checks.map { c in
                var pairs: [(key: String, value: JSON)] = [
                    ("name", .string(c.name)), ("type", .string(c.type)), ("result", .string(c.status.rawValue)), ("reason", .string(c.reason)),
                ]
                if let j = c.judge {
                    pairs.append(("judge", .object([
                        ("model", .string(j.model)), ("prompt", .string(j.prompt)), ("answer", .string(j.answer)), ("cost_usd", num(j.costUSD)),
                    ])))
                }
                return .object(pairs)
            }
            let u = r.usage
            var pairs: [(key: String, value: JSON)] = [
                ("case", .string(r.cell.evalCase.name)), ("instruction", .string(r.cell.variant)), ("model", .string(r.cell.model.description)),
                ("repeat", int(r.cell.repeatIndex)), ("text", .string(r.text)), ("pass", .bool(r.passed)), ("cached", .bool(r.cached)),
                ("checks", .array(checks)),
                ("usage", .object([
                    ("input", int(u.input)), ("output", int(u.output)), ("cache_read", int(u.cacheRead)), ("cache_write", int(u.cacheWrite)),
                    ("reasoning", int(u.reasoning)),
                ])),
                ("cost_usd", num(r.costUSD)), ("latency_ms", int(r.latencyMs)),
            ]
            if let e = r.runError { pairs.append(("error", .string(e))) }
            if r.checks.contains(where: { $0.judge != nil }) { pairs.append(("judge_cost_usd", num(r.judgeCostUSD))) }
            return .object(pairs)
        }
        let columns: [JSON] = summary.columns.map { c in
            .object([
                ("instruction", .string(c.key.variant)), ("model", .string(c.key.model.description)), ("passed", int(c.passed)),
                ("failed", int(c.failed)), ("errors", int(c.errors)), ("total", int(c.total)), ("pass_rate", .number(c.passRate)),
                ("cost_usd", num(c.costUSD)),
            ])
        }
        var top: [(key: String, value: JSON)] = [("cells", .array(cells)), ("columns", .array(columns)), ("cost_usd", num(summary.costUSD))]
        if summary.judgeCostUSD != nil { top.append(("judge_cost_usd", num(summary.judgeCostUSD))) }
        if let baseline { top.append(("baseline", baseline.json)) }
        return JSON.object(top).text + "\n"
    }
}
