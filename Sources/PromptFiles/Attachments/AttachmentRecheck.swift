import Foundation
import Platform
import Providers

/// A saved run's attachments read again from where they were (a re-run, a fork, a replay's notice):
/// each file's bytes as they are now, and a line for each that changed since (its hash differs) or is gone.
public enum AttachmentRecheck {
    /// What was found for one recorded file.
    public enum Finding: Sendable, Equatable {
        case same
        case changed(now: String)
        case gone
    }

    /// Compares `recorded` (a session's files, without bytes) with the files on disk.
    public static func reload(_ recorded: [ContextFile]) -> (files: [ContextFile], notes: [String]) {
        var files: [ContextFile] = []
        var notes: [String] = []
        for var file in recorded {
            let (finding, data) = check(file)
            if let note = note(file, finding) { notes.append(note) }
            if let data {
                file.content = data
                file.bytes = data.count
                file.sha256 = SHA256.hex(data)
            }
            files.append(file)
        }
        return (files, notes)
    }

    /// What became of `file`, and its bytes now when it is there.
    public static func check(_ file: ContextFile) -> (Finding, Data?) {
        guard let data = FileManager.default.contents(atPath: file.location ?? file.path) else { return (.gone, nil) }
        let now = SHA256.hex(data)
        return (now == file.sha256 ? .same : .changed(now: now), data)
    }

    /// The line said about a file that changed or is gone; nil when it is the same.
    public static func note(_ file: ContextFile, _ finding: Finding) -> String? {
        let name = AttachmentSummary.inert(file.path)
        switch finding {
        case .same: return nil
        case .changed(let now):
            return "\(name) changed since the run (sha256 \(file.sha256.prefix(12))… then, \(now.prefix(12))… now): a re-run sends it as it is now"
        case .gone:
            return "\(name) is gone since the run (it was at \(AttachmentSummary.inert(file.location ?? file.path))): a re-run cannot attach it"
        }
    }
}
