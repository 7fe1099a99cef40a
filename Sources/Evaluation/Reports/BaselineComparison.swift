import Foundation
import Providers

/// This evaluation against an earlier recorded one: which cells flipped between pass and fail, and how
/// each column's pass rate, cost and latency moved. Cells are matched by variant, model, the case's
/// values and the sample number (case names are not recorded in runs; their values are).
public struct BaselineComparison: Sendable, Equatable {
    /// One cell of the earlier evaluation, as read back from its session.
    public struct Cell: Sendable, Equatable {
        public var variant: String
        public var model: ModelRef
        public var variables: [String: String]
        public var repeatIndex: Int
        public var passed: Bool
        public var costUSD: Double?
        public var latencyMs: Int?

        public init(variant: String, model: ModelRef, variables: [String: String], repeatIndex: Int, passed: Bool, costUSD: Double?, latencyMs: Int?) {
            self.variant = variant
            self.model = model
            self.variables = variables
            self.repeatIndex = repeatIndex
            self.passed = passed
            self.costUSD = costUSD
            self.latencyMs = latencyMs
        }
    }

    /// A cell whose outcome changed.
    public struct Flip: Sendable, Equatable {
        public var caseName: String
        public var variant: String
        public var model: ModelRef
        public var repeatIndex: Int
        public var was: Bool
        public var now: Bool
    }

    /// One column then and now (only cells present in both count).
    public struct Column: Sendable, Equatable {
        public var key: EvalColumnKey
        public var matched = 0
        public var passRate = 0.0
        public var baselinePassRate = 0.0
        public var costUSD: Double?
        public var baselineCostUSD: Double?
        public var meanLatencyMs: Int?
        public var baselineMeanLatencyMs: Int?
    }

    /// The session it was compared with, as the user named it.
    public var session: String
    public var flips: [Flip]
    public var columns: [Column]
    /// Cells of this evaluation the baseline did not have.
    public var unmatched: Int

    public init(session: String, results: [CellResult], baseline: [Cell], columns keys: [EvalColumnKey]) {
        func key(_ variant: String, _ model: ModelRef, _ vars: [String: String], _ r: Int) -> String {
            "\(variant)\u{1}\(model)\u{1}\(r)\u{1}" + vars.keys.sorted().map { "\($0)=\(vars[$0]!)" }.joined(separator: "\u{2}")
        }
        var earlier: [String: Cell] = [:]
        for cell in baseline { earlier[key(cell.variant, cell.model, cell.variables, cell.repeatIndex)] = cell }
        var flips: [Flip] = []
        var columns = keys.map { Column(key: $0) }
        var index: [EvalColumnKey: Int] = [:]
        for (i, k) in keys.enumerated() { index[k] = i }
        var passed: [Int: (now: Int, then: Int)] = [:]
        var latencies: [Int: (now: [Int], then: [Int])] = [:]
        var unmatched = 0
        for r in results {
            let c = r.cell
            guard let then = earlier[key(c.variant, c.model, c.prompt.variables, c.repeatIndex)], let i = index[c.column] else {
                unmatched += 1
                continue
            }
            if then.passed != r.passed {
                flips.append(Flip(caseName: c.evalCase.name, variant: c.variant, model: c.model, repeatIndex: c.repeatIndex, was: then.passed, now: r.passed))
            }
            columns[i].matched += 1
            passed[i, default: (0, 0)].now += r.passed ? 1 : 0
            passed[i, default: (0, 0)].then += then.passed ? 1 : 0
            if let cost = r.costUSD { columns[i].costUSD = (columns[i].costUSD ?? 0) + cost }
            if let cost = then.costUSD { columns[i].baselineCostUSD = (columns[i].baselineCostUSD ?? 0) + cost }
            if let l = r.latencyMs { latencies[i, default: ([], [])].now.append(l) }
            if let l = then.latencyMs { latencies[i, default: ([], [])].then.append(l) }
        }
        for i in columns.indices where columns[i].matched > 0 {
            columns[i].passRate = Double(passed[i]?.now ?? 0) / Double(columns[i].matched)
            columns[i].baselinePassRate = Double(passed[i]?.then ?? 0) / Double(columns[i].matched)
            let l = latencies[i] ?? ([], [])
            columns[i].meanLatencyMs = l.now.isEmpty ? nil : l.now.reduce(0, +) / l.now.count
            columns[i].baselineMeanLatencyMs = l.then.isEmpty ? nil : l.then.reduce(0, +) / l.then.count
        }
        self.session = session
        self.flips = flips
        self.columns = columns
        self.unmatched = unmatched
    }

    /// The comparison in words, for the table and Markdown reports.
    public var text: String {
        var out = "\nAgainst \(session): \(flips.count) cell(s) flipped" + (unmatched > 0 ? ", \(unmatched) not in the baseline" : "") + "\n"
        for f in flips {
            out += "  \(f.was ? "pass → fail" : "fail → pass")  \(f.caseName)\(f.repeatIndex > 1 ? " #\(f.repeatIndex)" : "") · \(f.variant) · \(f.model)\n"
        }
        for c in columns where c.matched > 0 {
            func usd(_ d: Double?) -> String { d.map { String(format: "$%.6f", $0) } ?? "unpriced" }
            func ms(_ m: Int?) -> String { m.map { "\($0) ms" } ?? "–" }
            out += String(format: "  %@ · %@: pass rate %.0f%% → %.0f%%, cost %@ → %@, mean latency %@ → %@\n",
                          c.key.variant, c.key.model.description, c.baselinePassRate * 100, c.passRate * 100,
                          usd(c.baselineCostUSD), usd(c.costUSD), ms(c.baselineMeanLatencyMs), ms(c.meanLatencyMs))
        }
        return out
    }

    /// The comparison as a JSON value (the `baseline` key of `--format json`).
    public var json: JSON {
        func num(_ d: Double?) -> JSON { d.map { .number($0) } ?? .null }
        func int(_ i: Int?) -> JSON { i.map { .number(Double($0)) } ?? .null }
        return .object([
            ("session", .string(session)),
            ("flipped", .array(flips.map { f in
                .object([("case", .string(f.caseName)), ("instruction", .string(f.variant)), ("model", .string(f.model.description)),
                         ("repeat", int(f.repeatIndex)), ("was", .string(f.was ? "pass" : "fail")), ("now", .string(f.now ? "pass" : "fail"))])
            })),
            ("columns", .array(columns.map { c in
                .object([("instruction", .string(c.key.variant)), ("model", .string(c.key.model.description)), ("matched", int(c.matched)),
                         ("pass_rate", .number(c.passRate)), ("baseline_pass_rate", .number(c.baselinePassRate)),
                         ("cost_usd", num(c.costUSD)), ("baseline_cost_usd", num(c.baselineCostUSD)),
                         ("latency_ms", int(c.meanLatencyMs)), ("baseline_latency_ms", int(c.baselineMeanLatencyMs))])
            })),
            ("unmatched", int(unmatched)),
        ])
    }
}
