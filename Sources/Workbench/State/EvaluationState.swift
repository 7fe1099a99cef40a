import Evaluation
import Foundation
import Providers

/// An evaluation in the workbench: cases × (variant × model) cells, each a run in `WorkbenchState.runs`
/// graded by the plan's checks. The matrix is a view of this; nothing here does I/O.
public struct EvaluationState: Sendable {
    /// One cell of the plan (one sample of case × column).
    public struct Cell: Sendable, Equatable {
        /// The run streaming (or replaying) its answer; nil until started.
        public var runID: String?
        /// Where that run is in `WorkbenchState.runs` (runs are only ever appended), so ten thousand cells
        /// find their runs without a search.
        public var runPosition: Int?
        /// The checks' results once graded; nil while the answer streams or is being graded.
        public var checks: [CheckResult]?
        /// The answer came from the cache (a recorded evaluation), not from the model.
        public var cached: CachedFigures?
        /// A replay shows the recorded results when the recorded answer ends.
        public var recordedChecks: [CheckResult]?

        public init(runID: String? = nil) { self.runID = runID }
    }

    /// The recorded figures of a cached answer (its copy in this session streams in no time).
    public struct CachedFigures: Sendable, Equatable {
        public var costUSD: Double?
        public var ttftMs: Int?
        public var latencyMs: Int?
        public init(costUSD: Double?, ttftMs: Int?, latencyMs: Int?) {
            self.costUSD = costUSD
            self.ttftMs = ttftMs
            self.latencyMs = latencyMs
        }
    }

    /// Which rows the matrix shows.
    public enum Filter: String, Sendable, Equatable, CaseIterable {
        case all
        /// Rows with a cell that failed or erred.
        case failures
        /// Rows where the columns do not all agree (some pass, some not).
        case disagreements
    }

    /// The open cell: its answer, every check, and a word diff against another column.
    public struct Detail: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var scroll = 0
        /// The column the word diff compares against; nil shows the answer itself.
        public var diffColumn: Int?
        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// The session group the cells are recorded in.
    public var groupID: String
    public var title: String
    public var plan: EvalPlan
    public private(set) var cells: [Cell]
    /// Cells with results, kept by `grade` and `attach` (progress is read every frame and every grade).
    public private(set) var gradedCount = 0
    /// Cell indices per matrix slot (case row × column), in sample order.
    public private(set) var slots: [[Int]]
    /// Each cell's column index.
    public private(set) var cellColumns: [Int]
    /// Run id → cell index (kept by `attach`).
    public private(set) var cellOfRun: [String: Int] = [:]
    /// A recorded evaluation playing back: results come from the file, nothing is graded or run.
    public var isReplay = false
    /// Esc stopped it: cells not finished stay as they were.
    public var stopped = false
    /// The cursor, in shown rows (after filter and sort) and columns; the view scrolls to keep it in sight.
    public var row = 0
    public var column = 0
    public var filter = Filter.all
    /// The one check the matrix is narrowed to (`c`, by name): cells show its result, column headers its
    /// pass rate, and the filters and the sort read it. Nil: every check, each cell's overall outcome.
    public var check: String?
    /// Rows ordered by their pass rate (worst first) instead of the file's order.
    public var sortByPassRate = false
    public var detail: Detail?
    /// Whether the matrix is on screen (Esc goes back to the editor; the evaluate key's screen comes back).
    public var visible = true
    /// Monotonic seconds when it started (for the time-left estimate).
    public var startedAt: Double

    public init(groupID: String, title: String, plan: EvalPlan, startedAt: Double) {
        self.groupID = groupID
        self.title = title
        self.plan = plan
        self.startedAt = startedAt
        cells = Array(repeating: Cell(), count: plan.cells.count)
        (slots, cellColumns) = Self.slots(of: plan)
    }

    static func slots(of plan: EvalPlan) -> ([[Int]], [Int]) {
        var columnIndex: [EvalColumnKey: Int] = [:]
        for (i, key) in plan.columns.enumerated() { columnIndex[key] = i }
        let width = plan.columns.count
        var slots = Array(repeating: [Int](), count: plan.cases.count * width)
        var columns = Array(repeating: -1, count: plan.cells.count)
        for (index, cell) in plan.cells.enumerated() {
            guard let c = columnIndex[cell.column], cell.caseIndex < plan.cases.count else { continue }
            slots[cell.caseIndex * width + c].append(index)
            columns[index] = c
        }
        return (slots, columns)
    }

    /// Makes `runID` (at `position` in the workbench's runs) the cell's run; its earlier run is forgotten.
    public mutating func attach(_ runID: String, position: Int, toCell index: Int) {
        if let old = cells[index].runID { cellOfRun[old] = nil }
        if cells[index].checks != nil { gradedCount -= 1 }
        cells[index] = Cell(runID: runID)
        cells[index].runPosition = position
        cellOfRun[runID] = index
    }

    /// A column's name as its heading shows it: the variant, with the model when there are several.
    public func columnName(_ column: Int) -> String {
        let key = plan.columns[column]
        let variants = Set(plan.columns.map(\.variant)).count
        let models = Set(plan.columns.map(\.model)).count
        let name = [variants > 1 || models == 1 ? key.variant : nil, models > 1 ? key.model.description : nil].compactMap { $0 }.joined(separator: " · ")
        return name.isEmpty ? key.model.description : name
    }

    public var caseCount: Int { plan.cases.count }
    public var columnCount: Int { plan.columns.count }

    /// The cells of case `row` (in the file's order) in column `column`.
    public func cellIndices(case row: Int, column: Int) -> [Int] {
        let i = row * columnCount + column
        return slots.indices.contains(i) ? slots[i] : []
    }

    /// Sets a cell's results.
    public mutating func grade(cell index: Int, _ checks: [CheckResult]) {
        if cells[index].checks == nil { gradedCount += 1 }
        cells[index].checks = checks
    }

    /// A cached answer's recorded figures, or a replayed cell's recorded results.
    public mutating func setCached(_ figures: CachedFigures?, recordedChecks: [CheckResult]? = nil, cell index: Int) {
        cells[index].cached = figures
        if let recordedChecks { cells[index].recordedChecks = recordedChecks }
    }

    /// The cell index of a run, if it is one of this evaluation's.
    public func cellIndex(ofRun runID: String) -> Int? {
        cellOfRun[runID]
    }

    /// Cells graded so far, and in total.
    public var progress: (done: Int, total: Int) {
        (gradedCount, cells.count)
    }

    /// The outcome of a graded cell (nil while it runs).
    public func status(ofCell index: Int) -> CellResult.Status? {
        guard let checks = cells[index].checks else { return nil }
        if checks.contains(where: { $0.status == .fail }) { return .fail }
        if checks.contains(where: { $0.status == .error }) { return .error }
        return .pass
    }

    /// The outcome the matrix shows for a cell: its overall one, or with a check chosen that check's (nil
    /// while the cell runs, and when the check does not apply to it).
    public func shownStatus(ofCell index: Int) -> CellResult.Status? {
        guard let check else { return status(ofCell: index) }
        guard let checks = cells[index].checks else { return nil }
        // Two checks may share a name (the default name of two alike checks): the worst result counts.
        let results = checks.filter { $0.name == check }.map(\.status)
        if results.contains(.fail) { return .fail }
        if results.contains(.error) { return .error }
        return results.isEmpty ? nil : .pass
    }

    /// Whether the chosen check grades this cell (a case's own check, or one limited to some variants, does
    /// not grade every cell); always true with no check chosen.
    public func checkApplies(toCell index: Int) -> Bool {
        guard let check else { return true }
        if let checks = cells[index].checks { return checks.contains { $0.name == check } }
        // Not graded yet: the plan says (a replayed plan has no checks: its recorded results will say).
        return isReplay || plan.cells[index].checks.contains { $0.name == check }
    }

    /// Every check's name, in the order the file gives them (a case's own after the file's), then any a
    /// recorded evaluation's results name: what `c` cycles through.
    public var checkNames: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for cell in plan.cells { for spec in cell.checks where seen.insert(spec.name).inserted { names.append(spec.name) } }
        for cell in cells { for result in cell.checks ?? cell.recordedChecks ?? [] where seen.insert(result.name).inserted { names.append(result.name) } }
        return names
    }

    /// The shown rows (case indices), after the filter and the sort.
    public var shownRows: [Int] {
        var rows = Array(0..<caseCount)
        switch filter {
        case .all: break
        case .failures:
            rows = rows.filter { r in (0..<columnCount).contains { c in cellIndices(case: r, column: c).contains { [.fail, .error].contains(shownStatus(ofCell: $0)) } } }
        case .disagreements:
            rows = rows.filter { r in
                let outcomes = (0..<columnCount).flatMap { c in cellIndices(case: r, column: c).compactMap { shownStatus(ofCell: $0).map { $0 == .pass } } }
                return Set(outcomes).count > 1
            }
        }
        if sortByPassRate {
            let rates = Dictionary(uniqueKeysWithValues: rows.map { ($0, passRate(ofRow: $0) ?? 2) })
            rows.sort { (rates[$0]!, $0) < (rates[$1]!, $1) }
        }
        return rows
    }

    /// Share of the row's graded cells that passed; nil before any is graded.
    public func passRate(ofRow row: Int) -> Double? {
        var passed = 0, graded = 0
        for c in 0..<columnCount {
            for i in cellIndices(case: row, column: c) {
                guard let s = shownStatus(ofCell: i) else { continue }
                graded += 1
                if s == .pass { passed += 1 }
            }
        }
        return graded == 0 ? nil : Double(passed) / Double(graded)
    }
}
