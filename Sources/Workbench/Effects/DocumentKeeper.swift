import Foundation
import PromptFiles
import Synchronization

/// Saves the prompt file off the UI thread, one write after another, holds its lock, and watches it
/// for changes made by something else (git checkout, another editor), answering with actions.
public final class DocumentKeeper: Sendable {
    private let queue = DispatchQueue(label: "refract.prompt-file")
    private let actions: ActionQueue
    /// The file and the version of it we last read or wrote (a different one on disk is someone else's).
    private let known = Mutex<(url: URL?, signature: FileSignature?)>((nil, nil))
    private let lock = Mutex<PromptFileLock?>(nil)
    private let watching = Mutex<Task<Void, Never>?>(nil)

    init(actions: ActionQueue) {
        self.actions = actions
    }

    /// Takes charge of the file the workbench opened (its version on disk and the lock, if taken).
    public func adopt(_ url: URL, signature: FileSignature?, lock taken: PromptFileLock?) {
        known.withLock { $0 = (url, signature) }
        lock.withLock { $0 = taken }
    }

    /// Writes in the background; `.documentSaved` or `.documentSaveFailed` follows.
    func save(_ text: String, to url: URL, fingerprint: Int) {
        queue.async { [self] in
            do throws(PromptFileError) {
                let signature = try PromptFileStore.save(text, to: url)
                known.withLock { if $0.url == url { $0.signature = signature } }
                actions.send(.documentSaved(text: text, fingerprint: fingerprint))
            } catch {
                actions.send(.documentSaveFailed("\(url.lastPathComponent): \(error.message)"))
            }
        }
    }

    /// Writes under a new name (never over an existing file), takes its lock and carries on there.
    func saveAs(_ text: String, to url: URL, fingerprint: Int) {
        create(text, at: url) { _ in .documentMoved(url, text: text, fingerprint: fingerprint) }
    }

    /// Writes a new file (never over an existing one), takes its lock, watches it from now on, and
    /// answers with `done(text)`.
    func create(_ text: String, at url: URL, done: @escaping @Sendable (String) -> Action) {
        queue.async { [self] in
            guard !FileManager.default.fileExists(atPath: url.path) else {
                actions.send(.notice(Notice("\(url.path) exists: choose another name (nothing was written)", level: .warning, expiresAt: nil)))
                return
            }
            do {
                let signature = try PromptFileStore.save(text, to: url)
                var taken: PromptFileLock?
                if case .acquired(let l) = PromptFileLock.acquire(for: url) { taken = l }
                adopt(url, signature: signature, lock: taken)
                actions.send(done(text))
            } catch {
                actions.send(.notice(Notice(String(describing: error), level: .error, expiresAt: nil)))
            }
        }
    }

    /// Keeps a version beside the file as `STEM.LABEL-TIME.refract.toml`.
    func writeCopy(_ text: String, nextTo url: URL, label: String) {
        queue.async { [self] in
            let copy = Self.copyURL(nextTo: url, label: label, at: Date())
            do { try PromptFileStore.save(text, to: copy) } catch {
                actions.send(.notice(Notice("could not keep the \(label) version: \(String(describing: error))", level: .error, expiresAt: nil)))
            }
        }
    }

    /// Writes now and waits (quitting): returns why it failed, if it did. Runs after any save in flight.
    public func saveAndWait(_ text: String, to url: URL) -> String? {
        queue.sync { () -> String? in
            do {
                try PromptFileStore.save(text, to: url)
                return nil
            } catch {
                return String(describing: error)
            }
        }
    }

    static func copyURL(nextTo url: URL, label: String, at date: Date) -> URL {
        var stem = url.lastPathComponent
        for suffix in [".refract.toml", ".toml"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            break
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return url.deletingLastPathComponent().appendingPathComponent("\(stem).\(label)-\(f.string(from: date)).refract.toml")
    }

    /// Looks at the file twice a second; a version we did not write is read and sent to the reducer.
    public func startWatching(interval: Double = 0.5) {
        let task = Task.detached(priority: .utility) { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
                checkOnce()
            }
        }
        watching.withLock { $0 = task }
    }

    public func stopWatching() {
        watching.withLock { $0?.cancel() }
    }

    /// One look at the file (public for tests).
    public func checkOnce() {
        let (url, signature) = known.withLock { $0 }
        guard let url, let now = FileSignature.of(url.path), now != signature else { return }
        known.withLock { if $0.url == url { $0.signature = now } }
        do {
            let loaded = try PromptFileStore.load(url)
            actions.send(.documentChangedOnDisk(DiskVersion(document: loaded.document, text: loaded.text)))
        } catch {
            actions.send(.documentUnreadable("\(url.lastPathComponent) changed on disk and cannot be read: \(String(describing: error))"))
        }
    }
}
