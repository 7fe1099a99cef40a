import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a session file into a `SessionLog`, loading every line it can and reporting the ones it cannot.
///
/// A torn last line (a crash mid-write) and unreadable lines in the middle are skipped with a
/// `ReadProblem`; a file that is not a session at all, or is from a newer format, is an error.
public enum SessionReader {
    /// Reads the file at `url`.
    public static func read(_ url: URL) throws(SessionError) -> SessionLog {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SessionError.storage(errno, path: url.path, doing: "open") }
        defer { close(fd) }
        var parser = LogParser(path: url.path)
        var reader = LineReader(fd: fd)
        reader.overlong = { _, length in try parser.skipOverlong(length: length) }
        do {
            try reader.forEachLine { line, _, terminated in
                try parser.consume(line, terminated: terminated)
                return true
            }
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError.storage((error as? POSIXError)?.code.rawValue ?? EIO, path: url.path, doing: "read")
        }
        var log = try parser.finish()
        log.file = url
        return log
    }

    /// Reads a session held in memory (tests, pasted files); `name` is used in messages.
    public static func read(bytes: [UInt8], name: String = "session") throws(SessionError) -> SessionLog {
        var parser = LogParser(path: name)
        var start = 0
        do {
            try bytes.withUnsafeBytes { all in
                while start < all.count {
                    let rest = UnsafeRawBufferPointer(rebasing: all[start...])
                    let line: UnsafeRawBufferPointer
                    let nl = rest.firstIndex(of: 0x0A)
                    if let nl {
                        line = UnsafeRawBufferPointer(rebasing: rest[..<nl])
                        start += nl - rest.startIndex + 1
                    } else {
                        line = rest
                        start = all.count
                    }
                    if line.count > LineReader.maxLineBytes {
                        _ = try parser.skipOverlong(length: line.count)
                    } else {
                        try parser.consume(line, terminated: nl != nil)
                    }
                }
            }
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError(kind: .io(errno: EIO), path: name, message: "cannot read \(name): \(error)")
        }
        return try parser.finish()
    }
}

/// The line-by-line state of `SessionReader`.
private struct LogParser {
    let path: String
    var lineNumber = 0
    var header: SessionHeader?
    var hasHeader = false
    var title = ""
    var assembler = RunAssembler()
    var groups: [GroupStarted] = []
    var verdicts: [Verdict] = []
    var unknown = 0
    var problems: [ReadProblem] = []

    init(path: String) {
        self.path = path
    }

    mutating func consume(_ line: UnsafeRawBufferPointer, terminated: Bool) throws(SessionError) {
        lineNumber += 1
        guard !Self.isBlank(line) else { return }
        guard hasHeader else {
            let h = try SessionHeaderCheck.header(from: line, terminated: terminated, path: path)
            header = h
            title = h.title
            hasHeader = true
            return
        }
        let event: SessionEvent
        do {
            event = try SessionLineCodec.decodeLine(line)
        } catch {
            problems.append(SessionHeaderCheck.problem(line, number: lineNumber, terminated: terminated, error: error))
            return
        }
        switch event {
        case .session:
            problems.append(ReadProblem(line: lineNumber, kind: .duplicate, message: "line \(lineNumber) is a second session header; ignored"))
        case .renamed(let r): title = r.title
        case .groupStarted(let g): groups.append(g)
        case .verdict(let v): verdicts.append(v)
        case .unknown: unknown += 1
        default:
            if let problem = assembler.apply(event, line: lineNumber) { problems.append(problem) }
        }
    }

    /// A line too long to hold: not a session when it is the first, else skipped with a problem.
    mutating func skipOverlong(length: Int) throws(SessionError) -> Bool {
        lineNumber += 1
        let size = "\(length >> 20) MB"
        guard hasHeader else {
            throw SessionError.notASession(path, "its first line is over \(size) long: a session header is a few hundred bytes")
        }
        problems.append(ReadProblem(
            line: lineNumber, kind: .tooLong,
            message: "line \(lineNumber) is over \(size) long, more than the \(LineReader.maxLineBytes >> 20) MB a session line may hold; skipped"
        ))
        return true
    }

    func finish() throws(SessionError) -> SessionLog {
        guard let header else { throw SessionError.notASession(path, "it is empty") }
        return SessionLog(
            header: header, title: title, runs: assembler.assembled(), groups: groups, verdicts: verdicts,
            notes: assembler.sessionWarnings, unknownEvents: unknown, problems: problems
        )
    }

    static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
