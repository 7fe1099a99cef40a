import Foundation

/// The figures of an evaluation: per column and overall, from its cell results.
public struct EvalSummary: Sendable, Equatable {
    /// One column's tally.
    public struct Column: Sendable, Equatable {
        public var key: EvalColumnKey
        public var passed = 0
        public var failed = 0
        public var errors = 0
        public var costUSD: Double?
        public var judgeCostUSD: Double?
        public var latencies: [Int] = []
        /// With repeats: the share of cases whose samples all gave the same answer; nil with one sample.
        public var agreement: Double?

        public var total: Int { passed + failed + errors }
        public var passRate: Double { total == 0 ? 0 : Double(passed) / Double(total) }
        public var meanLatencyMs: Int? { latencies.isEmpty ? nil : latencies.reduce(0, +) / latencies.count }
    }

    public var columns: [Column]
    public var costUSD: Double?
    public var judgeCostUSD: Double?
    /// Share of weighted check results that passed, over every cell (a failed run counts as one failed check).
    public var checkPassRate: Double
    public var runFailures: Int

    public init(results: [CellResult], columns keys: [EvalColumnKey]) {
        var columns = keys.map { Column(key: $0) }
        var index: [EvalColumnKey: Int] = [:]
        for (i, k) in keys.enumerated() { index[k] = i }
        var weightPassed = 0.0, weightTotal = 0.0
        var cost: Double?, judge: Double?
        var runFailures = 0
        for r in results {
            guard let i = index[r.cell.column] else { continue }
            switch r.status {
            case .pass: columns[i].passed += 1
            case .fail: columns[i].failed += 1
            case .error: columns[i].errors += 1
            }
            if let c = r.costUSD {
                columns[i].costUSD = (columns[i].costUSD ?? 0) + c
                cost = (cost ?? 0) + c
            }
            if let j = r.judgeCostUSD {
                columns[i].judgeCostUSD = (columns[i].judgeCostUSD ?? 0) + j
                judge = (judge ?? 0) + j
            }
            if let l = r.latencyMs { columns[i].latencies.append(l) }
            if r.runError != nil {
                runFailures += 1
                weightTotal += 1
            }
            for check in r.checks {
                weightTotal += check.weight
                if check.status == .pass { weightPassed += check.weight }
            }
        }
        // Variance made visible: per column, how often a case's samples agree word for word.
        var samples: [EvalColumnKey: [Int: Set<String>]] = [:]
        var sampled: [EvalColumnKey: Bool] = [:]
        for r in results where r.runError == nil {
            samples[r.cell.column, default: [:]][r.cell.caseIndex, default: []].insert(r.text.trimmingCharacters(in: .whitespacesAndNewlines))
            if r.cell.repeatIndex > 1 { sampled[r.cell.column] = true }
        }
        for i in columns.indices where sampled[columns[i].key] == true {
            let groups = samples[columns[i].key] ?? [:]
            columns[i].agreement = groups.isEmpty ? nil : Double(groups.values.filter { $0.count == 1 }.count) / Double(groups.count)
        }
        self.columns = columns
        self.costUSD = cost
        self.judgeCostUSD = judge
        self.runFailures = runFailures
        self.checkPassRate = weightTotal == 0 ? 1 : weightPassed / weightTotal
    }
}
