import Foundation
import Platform
#if canImport(Glibc)
import Glibc
#endif

/// Runs a `command` check: the answer on stdin, the case as JSON in `REFRACT_CASE`, no shell unless
/// asked, in its own process group so a timeout kills everything it started. Exit 0 passes; the first
/// line it prints (stdout, else stderr) is the reason.
public enum CommandCheck {
    public static func run(_ spec: CheckSpec, command: CommandSpec, context: CheckContext) async -> CheckResult {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: runBlocking(spec, command: command, context: context))
            }
        }
    }

    static func runBlocking(_ spec: CheckSpec, command: CommandSpec, context: CheckContext) -> CheckResult {
        func result(_ status: CheckResult.Status, _ reason: String) -> CheckResult {
            CheckResult(name: spec.name, type: spec.type, status: status, reason: reason, weight: spec.weight)
        }
        let filled: [String]
        do { filled = try command.arguments.map { (a: String) throws(CheckSetupError) in try PureCheck.fill(a, context) } } catch {
            return result(.error, error.description)
        }
        guard let program = filled.first, !program.isEmpty else { return result(.error, "the command is empty") }
        let (executable, arguments) = command.shell ? ("/bin/sh", ["-c", filled.joined(separator: " ")]) : (program, Array(filled.dropFirst()))
        var environment = ProcessInfo.processInfo.environment
        environment["REFRACT_CASE"] = context.caseJSON
        environment["REFRACT_CASE_NAME"] = context.caseName
        let child: ChildProcess
        do {
            child = try ChildProcess(
                executable: executable, arguments: arguments, environment: environment, workingDirectory: command.directory,
                stdin: .pipe, stdout: .pipe, stderr: .pipe, newProcessGroup: true
            )
        } catch {
            return result(.error, "\(error)")
        }
        let run = FedCommand.run(child, input: Array(context.answer.utf8), timeoutSeconds: command.timeoutSeconds, outputLimit: 65_536, errorLimit: 65_536)
        let status = run.status
        let text = String(decoding: run.output, as: UTF8.self), problems = run.errors
        if run.timedOut { return result(.error, "timed out after \(command.timeoutSeconds) s") }
        let firstLine = (text.split(whereSeparator: \.isNewline).first ?? problems.split(whereSeparator: \.isNewline).first).map(String.init) ?? ""
        if status == 0 { return result(.pass, firstLine.isEmpty ? "exit 0" : CheckText.clip(firstLine, 100)) }
        if status == 127 && command.shell { return result(.error, "the shell cannot find \(program) (exit 127)") }
        return result(.fail, firstLine.isEmpty ? "exit \(status)" : CheckText.clip(firstLine, 100) + " (exit \(status))")
    }
}

/// Writes a child's stdin without letting SIGPIPE kill us when the child exits without reading it all
/// (`grep -q` stops at the first match): SIGPIPE is blocked on this thread only, and a pending one is
/// taken before unblocking, so the rest of the process keeps the usual behaviour (`refract … | head`).
enum StdinWriter {
    static func write(_ bytes: [UInt8], to fd: Int32) {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
        }
        var none = timespec(tv_sec: 0, tv_nsec: 0)
        while sigtimedwait(&pipeSignal, nil, &none) > 0 {}
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}
