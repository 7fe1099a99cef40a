import Foundation
import Platform
import TerminalUI

/// "Open this field in $EDITOR": suspend the screen, edit a temporary file, resume, read it back.
enum ExternalEditor {
    struct Result {
        var text: String?
        var message: String?
    }

    static func edit(_ text: String, suspending backend: any TerminalBackend) -> Result {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("refract-edit-\(getpid())-\(UUID().uuidString.prefix(8))")
        let file = dir.appendingPathComponent("prompt.txt")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(text.utf8).write(to: file)
        } catch {
            return Result(text: nil, message: "cannot write a temporary file for $EDITOR: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let tty = open("/dev/tty", O_RDWR)
        defer { if tty >= 0 { close(tty) } }
        backend.suspend()
        defer { backend.resume() }
        let status: Int32
        do {
            let stream: ChildProcess.Stream = tty >= 0 ? .fileDescriptor(tty) : .inherit
            // Through the shell, so EDITOR may carry arguments ("code -w", "vim -u NONE").
            let child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "\(editor) \"$1\"", "sh", file.path],
                                         stdin: stream, stdout: stream, stderr: stream)
            status = child.wait()
        } catch {
            return Result(text: nil, message: "cannot start \(editor): \(error)")
        }
        guard status == 0 else { return Result(text: nil, message: "\(editor) exited with status \(status); the field is unchanged") }
        guard let data = FileManager.default.contents(atPath: file.path), var edited = String(data: data, encoding: .utf8) else {
            return Result(text: nil, message: "the edited file is not UTF-8 text; the field is unchanged")
        }
        // Editors add a final newline the user did not type.
        if edited.hasSuffix("\n"), !text.hasSuffix("\n") { edited.removeLast() }
        return Result(text: edited, message: edited == text ? nil : "updated from \(editor)")
    }
}
