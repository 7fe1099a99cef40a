import Foundation
import Platform
import Providers
#if canImport(Glibc)
import Glibc
#endif

/// Runs a tool's `command`: no shell, the call's arguments as JSON on stdin, what it prints is the
/// answer. Its own process group, so a timeout kills everything it started; output capped.
/// A failure (cannot start, exit ≠ 0, timeout, not UTF-8) is an error answer with a line saying why.
public enum ToolCommandRunner {
    /// The most output kept as an answer.
    public static let outputLimit = 65_536

    public static func run(_ command: [String], input: String, timeoutSeconds: Double, tool: String) async -> ToolAnswer {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: runBlocking(command, input: input, timeoutSeconds: timeoutSeconds, tool: tool))
            }
        }
    }

    static func runBlocking(_ command: [String], input: String, timeoutSeconds: Double, tool: String) -> ToolAnswer {
        func failed(_ why: String, output: String = "") -> ToolAnswer {
            let line = "tool \(tool): \(why)"
            let content = "error: the tool failed: \(why)" + (output.isEmpty ? "" : "\n" + output)
            return ToolAnswer(content: content, isError: true, note: line)
        }
        guard let program = command.first, !program.isEmpty else { return failed("the command is empty") }
        let child: ChildProcess
        do {
            child = try ChildProcess(executable: program, arguments: Array(command.dropFirst()), stdin: .pipe, stdout: .pipe, stderr: .pipe, newProcessGroup: true)
        } catch {
            return failed("\(error)")
        }
        let run = FedCommand.run(child, input: Array(input.utf8), timeoutSeconds: timeoutSeconds, outputLimit: outputLimit + 1, errorLimit: 4096)
        let status = run.status, data = run.output
        let problems = run.errors.trimmingCharacters(in: .whitespacesAndNewlines)
        if run.timedOut { return failed("no answer within \(seconds(timeoutSeconds)) s; it was stopped") }
        guard var text = String(validating: data.prefix(outputLimit), as: UTF8.self) ?? Self.cutAtCharacter(data.prefix(outputLimit)) else {
            return failed("its output is not UTF-8 text (\(data.count) bytes)")
        }
        if data.count > outputLimit { text += "\n[cut at \(outputLimit / 1024) KB]" }
        if status != 0 {
            let first = (problems.split(whereSeparator: \.isNewline).first ?? text.split(whereSeparator: \.isNewline).first).map(String.init) ?? ""
            return failed("exit \(status)" + (first.isEmpty ? "" : ": " + String(first.prefix(200))), output: text)
        }
        return ToolAnswer(content: text)
    }

    /// Output cut at the limit may end inside a character: valid text without those last bytes, else nil.
    private static func cutAtCharacter(_ data: Data) -> String? {
        for drop in 1...3 where data.count > drop {
            if let text = String(validating: data.dropLast(drop), as: UTF8.self), data.count >= outputLimit { return text }
        }
        return nil
    }

    private static func seconds(_ x: Double) -> String {
        x.rounded() == x ? String(Int(x)) : String(format: "%.1f", x)
    }
}
