import Evaluation
import Foundation
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// `ask = true` tools in `refract run`: asked on the terminal when there is one (stdin and stderr
/// both a terminal), one at a time; without one the call gets an error answer saying so.
enum TerminalToolAsk {
    private static let lock = NSLock()

    static let ask: ToolAsk = { question in
        guard isatty(0) == 1, isatty(2) == 1 else { return nil }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                lock.lock()
                defer { lock.unlock() }
                let arguments = TextSanitizer.plainSanitized(question.arguments)
                FileHandle.standardError.write(Data("\nrefract: tool \(TextSanitizer.plainSanitized(question.name)) asks you (\(arguments)); type the answer and press Enter:\n> ".utf8))
                continuation.resume(returning: readLine(strippingNewline: true))
            }
        }
    }
}
