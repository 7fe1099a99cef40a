import Foundation
import Providers

/// The index's line-by-line state: decodes only the few lines a summary needs and skips the deltas,
/// which are most of a file, by their `{"type":"text"` prefix.
struct SessionScanner {
    let file: URL
    private(set) var header: SessionHeader?
    private var title = ""
    private var runs: [RunSummary] = []
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

    mutating func consume(_ line: UnsafeRawBufferPointer, offset: Int, terminated: Bool) throws(SessionError) {
        lineNumber += 1
        let lineEnd = offset + line.count + (terminated ? 1 : 0)
        endOffset = lineEnd
        endsWithNewline = terminated
        guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return }
        guard header != nil else {
            let h = try SessionHeaderCheck.header(from: line, terminated: terminated, path: file.path)
            header = h
            title = h.title
            return
        }
        if terminated, case .known(let kind) = SessionLineCodec.peekType(line), kind == .text || kind == .reasoning || kind == .toolCall {
            if let run = DeltaLineParser.peekRun(line), let i = indexByRun[run] { extend(i, to: lineEnd) }
            return
        }
        let event: SessionEvent
        do {
            event = try SessionLineCodec.decodeLine(line)
        } catch {
            problems.append(SessionHeaderCheck.problem(line, number: lineNumber, terminated: terminated, error: error))
            return
        }
        apply(event, offset: offset, lineEnd: lineEnd)
    }

    private mutating func apply(_ event: SessionEvent, offset: Int, lineEnd: Int) {
        switch event {
        case .runStarted(let s):
            guard indexByRun[s.run] == nil else {
                problems.append(ReadProblem(line: lineNumber, kind: .duplicate, message: "line \(lineNumber) starts run \(s.run) a second time; skipped"))
                return
            }
            indexByRun[s.run] = runs.count
            runs.append(RunSummary(
                run: s.run, group: s.group, at: s.at, model: s.model, mode: s.mode, label: s.label, variant: s.variant,
                preview: Self.preview(s.prompt), byteRange: offset..<lineEnd
            ))
        case .renamed(let r): title = r.title
        case .groupStarted(let g): groups.append(g)
        case .verdict(let v): verdicts.append(v)
        case .session:
            problems.append(ReadProblem(line: lineNumber, kind: .duplicate, message: "line \(lineNumber) is a second session header; ignored"))
        case .unknown: break
        default:
            guard let run = event.run else { return }
            guard let i = indexByRun[run] else {
                problems.append(ReadProblem(
                    line: lineNumber, kind: .orphan,
                    message: "line \(lineNumber) is a \(event.typeName) event for run \(run), which never started; skipped"
                ))
                return
            }
            extend(i, to: lineEnd)
            switch event {
            case .usage(let u): runs[i].usage = (runs[i].usage ?? Usage()).overwritten(by: u.usage)
            case .cost(let c): runs[i].costUSD = c.usd
            case .finished(let f):
                runs[i].status = .finished(f.finish)
                runs[i].ttftMs = f.ttftMs
                runs[i].totalMs = f.totalMs
            case .failed(let f):
                runs[i].status = .failed(f.error.kind, message: f.error.message)
                runs[i].ttftMs = f.ttftMs
                runs[i].totalMs = f.totalMs
            default: break
            }
        }
    }

    private mutating func extend(_ i: Int, to end: Int) {
        if end > runs[i].byteRange.upperBound { runs[i].byteRange = runs[i].byteRange.lowerBound..<end }
    }

    /// The first ~100 characters of the instruction (or input), on one line.
    static func preview(_ prompt: PromptSnapshot) -> String {
        let source = prompt.instruction.isEmpty ? (prompt.input.isEmpty ? prompt.system : prompt.input) : prompt.instruction
        var out = ""
        var lastWasSpace = false
        for ch in source {
            if out.count >= 100 {
                out += "…"
                break
            }
            if ch.isWhitespace || ch.isNewline {
                if !lastWasSpace, !out.isEmpty { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(ch)
                lastWasSpace = false
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    func finish() throws(SessionError) -> SessionScan {
        guard let header else { throw SessionError.notASession(file.path, "it is empty") }
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
