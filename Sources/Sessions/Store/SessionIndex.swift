import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fast access to one session file: a summary scan for the first screen, and runs loaded on demand.
public enum SessionIndex {
    /// Scans the file, decoding only headers, run starts, usage, costs, ends, renames, groups and verdicts.
    public static func scan(_ file: URL) throws(SessionError) -> SessionScan {
        var scanner = SessionScanner(file: file)
        try withLines(of: file) { (line, offset, terminated) throws(SessionError) -> Bool in
            try scanner.consume(line, offset: offset, terminated: terminated)
            return true
        }
        return try scanner.finish()
    }

    /// Loads one run in full (answer, timed deltas for replay) by reading only its byte range.
    /// An unfinished run is read to the end of the file, which may have grown since the scan.
    public static func loadRun(_ summary: RunSummary, from file: URL) throws(SessionError) -> RecordedRun {
        let range: Range<Int> = summary.status == .incomplete ? summary.byteRange.lowerBound..<Int.max : summary.byteRange
        var assembler = RunAssembler()
        var lineNumber = 0
        try withLines(of: file, in: range) { line, _, terminated in
            lineNumber += 1
            if terminated, case .known(let kind) = SessionLineCodec.peekType(line), kind != .runStarted {
                // Other runs' lines share the range: skip them before paying for a decode.
                guard DeltaLineParser.peekRun(line) == summary.run else { return true }
            }
            guard let event = try? SessionLineCodec.decodeLine(line), event.run == summary.run else { return true }
            _ = assembler.apply(event, line: lineNumber)
            return true
        }
        guard let run = assembler.assembled().first else {
            throw SessionError(
                kind: .notFound, path: file.path,
                message: "run \(summary.run) is no longer where it was in \(file.lastPathComponent); the file changed since it was listed"
            )
        }
        return run
    }

    /// Loads several runs (an evaluation's group) in one pass over the bytes they span, in the order of
    /// `summaries`. A concurrent evaluation's runs interleave, so loading them one at a time re-read the
    /// same bytes many times over and opened the file once per run (10,000 cells: ~0.5 s against ~0.2 s).
    public static func loadRuns(_ summaries: [RunSummary], from file: URL) throws(SessionError) -> [RecordedRun] {
        guard let start = summaries.map(\.byteRange.lowerBound).min(), let last = summaries.map(\.byteRange.upperBound).max() else { return [] }
        let end = summaries.contains { $0.status == .incomplete } ? Int.max : last
        let wanted = Set(summaries.map(\.run))
        var assembler = RunAssembler()
        var lineNumber = 0
        try withLines(of: file, in: start..<end) { line, _, terminated in
            lineNumber += 1
            if terminated, case .known(let kind) = SessionLineCodec.peekType(line), kind != .runStarted {
                // Lines of runs outside the group are skipped before paying for a decode.
                guard let run = DeltaLineParser.peekRun(line), wanted.contains(run) else { return true }
            }
            guard let event = try? SessionLineCodec.decodeLine(line), let run = event.run, wanted.contains(run) else { return true }
            _ = assembler.apply(event, line: lineNumber)
            return true
        }
        var byRun: [Int: RecordedRun] = [:]
        for run in assembler.assembled() { byRun[run.started.run] = run }
        var runs: [RecordedRun] = []
        runs.reserveCapacity(summaries.count)
        for summary in summaries {
            guard let run = byRun[summary.run] else {
                throw SessionError(
                    kind: .notFound, path: file.path,
                    message: "run \(summary.run) is no longer where it was in \(file.lastPathComponent); the file changed since it was listed"
                )
            }
            runs.append(run)
        }
        return runs
    }

    /// Runs `body` over the lines of `file` (or of a byte range of it), mapping I/O errors to `SessionError`.
    static func withLines(
        of file: URL, in range: Range<Int>? = nil,
        _ body: (UnsafeRawBufferPointer, Int, Bool) throws(SessionError) -> Bool
    ) throws(SessionError) {
        let fd = open(file.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SessionError.storage(errno, path: file.path, doing: "open") }
        defer { close(fd) }
        do {
            try LineReader(fd: fd).forEachLine(in: range) { line, offset, terminated in
                try body(line, offset, terminated)
            }
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError.storage((error as? POSIXError)?.code.rawValue ?? EIO, path: file.path, doing: "read")
        }
    }
}
