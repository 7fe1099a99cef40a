import Foundation
import Providers

/// The index's line-by-line state: decodes only the few lines a summary needs and skips the deltas,
/// which are most of a file, by their `{"type":"text"` prefix.
struct SessionScanner {
    let file: URL
    private(set) var header: SessionHeader?
    private var hasHeader = false
    private var title = ""
    private var runs: [RunSummary] = []
    /// Each run's byte range, kept apart from `runs` so extending one does not touch the summary's strings.
    private var ranges: [Range<Int>] = []
    private var indexByRun: [Int: Int] = [:]
    private var groups: [GroupStarted] = []
    private var verdicts: [Verdict] = []
    private var problems: [ReadProblem] = []
    private var lineNumber = 0
    private var endsWithNewline = true
    private var endOffset = 0

    init(file: URL) {
        self.file = file
    }

    /// The run whose delta lines came last: deltas arrive in runs of lines, so this saves a lookup per line.
    private var lastDelta: (run: Int, index: Int)?

    mutating func consume(_ line: UnsafeRawBufferPointer, offset: Int, terminated: Bool) throws(SessionError) {
        lineNumber += 1
        let lineEnd = offset + line.count + (terminated ? 1 : 0)
        endOffset = lineEnd
        endsWithNewline = terminated
        if line.isEmpty || line[0] != UInt8(ascii: "{"), line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        // A Bool, not `header != nil`: comparing the optional copies the header on every line.
        guard hasHeader else {
            let h = try SessionHeaderCheck.header(from: line, terminated: terminated, path: file.path)
            header = h
            hasHeader = true
            title = h.title
            return
        }
        // An unterminated line may be torn: it always takes the complete path, which reports it.
        if terminated, let run = DeltaLineParser.deltaRun(line) {
            if let last = lastDelta, last.run == run {
                extend(last.index, to: lineEnd)
            } else if let i = indexByRun[run] {
                lastDelta = (run, i)
                extend(i, to: lineEnd)
            }
            return
        }
        if terminated, case .known(let kind) = SessionLineCodec.peekType(line) {
            switch kind {
            case .runStarted, .usage, .cost, .finished, .failed, .renamed:
                if let fact = SummaryLine(fast: kind, line, range: offset..<lineEnd) {
                    apply(fact, lineEnd: lineEnd)
                    return
                }
            default: break
            }
        }
        let event: SessionEvent
        do {
            event = try SessionLineCodec.decodeLine(line)
        } catch {
            problems.append(SessionHeaderCheck.problem(line, number: lineNumber, terminated: terminated, error: error))
            return
        }
        switch event {
        case .groupStarted(let g): groups.append(g)
        case .verdict(let v): verdicts.append(v)
        case .session:
            problems.append(ReadProblem(line: lineNumber, kind: .duplicate, message: "line \(lineNumber) is a second session header; ignored"))
        case .unknown: break
        default:
            if let fact = SummaryLine(event, range: offset..<lineEnd) {
                apply(fact, lineEnd: lineEnd)
            } else if let run = event.run {
                // Deltas and warnings written in a non-canonical shape: they still belong to their run's range.
                if let i = indexByRun[run] { extend(i, to: lineEnd) } else { orphan(event.typeName, run) }
            }
        }
    }

    private mutating func apply(_ fact: SummaryLine, lineEnd: Int) {
        let run: Int
        switch fact {
        case .runStarted(let summary):
            guard indexByRun[summary.run] == nil else {
                problems.append(ReadProblem(
                    line: lineNumber, kind: .duplicate, message: "line \(lineNumber) starts run \(summary.run) a second time; skipped"
                ))
                return
            }
            indexByRun[summary.run] = runs.count
            runs.append(summary)
            ranges.append(summary.byteRange)
            return
        case .renamed(let t):
            title = t
            return
        case .usage(let r, _), .cost(let r, _), .ended(let r, _, _, _):
            run = r
        }
        guard let i = indexByRun[run] else {
            let type = switch fact {
            case .usage: "usage"
            case .cost: "cost"
            case .ended(_, .finished, _, _): "finished"
            default: "failed"
            }
            orphan(type, run)
            return
        }
        extend(i, to: lineEnd)
        switch fact {
        case .usage(_, let u): runs[i].usage = (runs[i].usage ?? Usage()).overwritten(by: u)
        case .cost(_, let usd): runs[i].costUSD = usd
        case .ended(_, let status, let ttft, let total):
            runs[i].status = status
            runs[i].ttftMs = ttft
            runs[i].totalMs = total
        case .runStarted, .renamed: break
        }
    }

    private mutating func orphan(_ type: String, _ run: Int) {
        problems.append(ReadProblem(
            line: lineNumber, kind: .orphan, message: "line \(lineNumber) is a \(type) event for run \(run), which never started; skipped"
        ))
    }

    private mutating func extend(_ i: Int, to end: Int) {
        if end > ranges[i].upperBound { ranges[i] = ranges[i].lowerBound..<end }
    }

    func finish() throws(SessionError) -> SessionScan {
        guard let header else { throw SessionError.notASession(file.path, "it is empty") }
        var runs = runs
        for i in runs.indices { runs[i].byteRange = ranges[i] }
        var seen = Set<ModelRef>()
        let models = runs.map(\.model).filter { seen.insert($0).inserted }
        let summary = SessionSummary(
            file: file, id: header.id, title: title, created: header.created, runCount: runs.count,
            failedRuns: runs.filter(\.failed).count, models: models,
            totalCostUSD: runs.compactMap(\.costUSD).reduce(0, +),
            unpricedRuns: runs.filter { $0.costUSD == nil }.count, byteCount: endOffset
        )
        return SessionScan(
            header: header, summary: summary, runs: runs, groups: groups, verdicts: verdicts,
            problems: problems, endsWithNewline: endsWithNewline
        )
    }
}
