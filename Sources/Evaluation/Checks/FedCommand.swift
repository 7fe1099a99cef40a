import Foundation
import Platform
#if canImport(Glibc)
import Glibc
#endif

/// A program run to the end with bytes on its stdin (written on their own thread, so a program that
/// never reads them cannot block us) and a deadline, after which its whole process group is killed.
/// Shared by `command` checks and tool commands.
struct FedCommand {
    var status: Int32
    var output: Data
    var errors: String
    var timedOut: Bool

    /// Runs `child` (started with piped stdin, stdout and stderr in a new process group) to the end.
    static func run(_ child: ChildProcess, input: [UInt8], timeoutSeconds: Double, outputLimit: Int, errorLimit: Int) -> FedCommand {
        let output = PipeDrain(child.stdoutPipe, limit: outputLimit)
        let errors = PipeDrain(child.stderrPipe, limit: errorLimit)
        let stdin = child.stdinPipe
        Thread.detachNewThread {
            if let stdin { StdinWriter.write(input, to: stdin.fileDescriptor) }
            try? stdin?.close()
        }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var timedOut = false
        while child.exitCodeIfExited() == nil {
            if Date() >= deadline {
                timedOut = true
                child.signal(SIGKILL, group: true)
                break
            }
            usleep(2_000)
        }
        let status = child.wait()
        // Whatever it left running in its group (`cmd &`) would hold the pipes open and stall the drain.
        kill(-child.pid, SIGKILL)
        return FedCommand(status: status, output: output.finishData(), errors: errors.finish(), timedOut: timedOut)
    }
}
