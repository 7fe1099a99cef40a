import ArgumentParser
import Foundation
import Synchronization

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

/// Standard output for every command. When the reader goes away (`refract run … | head`), a write fails
/// with EPIPE instead of killing the process (Swift ignores SIGPIPE); Refract then stops the way Ctrl-C
/// stops it, so a run in progress is saved as cancelled with what arrived, and nothing is printed after.
enum Stdout {
    private static let closed = Mutex(false)

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    static func write(_ data: Data) {
        data.withUnsafeBytes { write($0.bindMemory(to: UInt8.self)) }
    }

    /// write(2) on the bytes as they are: `FileHandle.write(contentsOf:)` made a `Data` and cast it through
    /// `DataProtocol` on every streamed token, ~5 % of `refract run`'s CPU.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty, !closed.withLock({ $0 }) else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(STDOUT_FILENO, base + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                closed.withLock { $0 = true }
                kill(getpid(), SIGINT)
                return
            }
            offset += written
        }
    }
}
