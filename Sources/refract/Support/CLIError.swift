import ArgumentParser
import Foundation

/// A failure the CLI reports as one line on stderr, then exits non-zero (no stack trace, no usage dump).
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 1
    var description: String { message }
}

/// Writes to stderr (unbuffered, so it interleaves correctly with streamed stdout).
enum Stderr {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var isTerminal: Bool { isatty(2) == 1 }
}

extension ParsableCommand {
    /// Runs `body`, turning any CLIError into "refract: message" and its exit code.
    func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CLIError {
            Stderr.line("refract: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }
}
