import Foundation
import Platform
import Synchronization

/// Starts, reuses and stops the llama.cpp servers behind the `local` provider.
///
/// A model's server is started on first use on a free loopback port and stopped when Refract exits
/// (the child also watches its stdin pipe, so it dies with us even after `kill -9`). A server that
/// `refract local serve` advertises in `<dir>/run/<model>.json` is reused instead.
public final class LocalServerPool: Sendable {
    /// Installed or not, running or not.
    public enum Status: Sendable, Equatable {
        case notInstalled
        case installed
        case running(port: Int)
    }

    /// Settings for the servers this pool starts.
    public struct Settings: Sendable, Equatable {
        /// Slots per server: side-by-side columns against one model stream in parallel up to this.
        public var parallel: Int = 4
        public var contextPerSlot: Int = 2048
        public var threads: Int = 2
        public var startupTimeout: Double = 90
        public init() {}
    }

    private struct Running: @unchecked Sendable {
        let process: ChildProcess?
        let port: Int
    }

    public let directory: URL
    public let settings: Settings
    private let running = Mutex<[String: Running]>([:])
    private let starting = Mutex<[String: Task<Int, any Error>]>([:])

    /// `directory` is the local-model folder (`.local-model/`: venv/, models/, run/, logs/).
    public init(directory: URL, settings: Settings = Settings()) {
        self.directory = directory
        self.settings = settings
    }

    public func modelFile(_ model: LocalModel) -> URL { directory.appendingPathComponent("models/\(model.fileName)") }
    var python: URL { directory.appendingPathComponent("venv/bin/python") }
    var launcher: URL { directory.appendingPathComponent("local-model-server.py") }
    func advertisement(_ model: LocalModel) -> URL { directory.appendingPathComponent("run/\(model.id).json") }

    /// The one command that installs what is missing.
    public static let setupHint = "run scripts/setup-local-model (one time, about a minute)"

    public func isInstalled(_ model: LocalModel) -> Bool {
        let fm = FileManager.default
        return fm.isExecutableFile(atPath: python.path) && fm.fileExists(atPath: modelFile(model).path)
            && fm.fileExists(atPath: launcher.path)
    }

    /// Whether the model can run, and whether its server is up.
    public func status(of model: LocalModel) -> Status {
        if let port = running.withLock({ $0[model.id]?.port }) { return .running(port: port) }
        if let port = advertisedPort(model) { return .running(port: port) }
        return isInstalled(model) ? .installed : .notInstalled
    }

    /// The `/v1` base URL of a healthy server for `model`, starting one if needed.
    public func baseURL(for model: LocalModel) async throws(ProviderError) -> URL {
        let port: Int
        do { port = try await portFor(model) } catch let error as ProviderError { throw error } catch {
            throw ProviderError(kind: .localModel, message: "the local model server did not start: \(error)")
        }
        return URL(string: "http://127.0.0.1:\(port)/v1")!
    }

    private func portFor(_ model: LocalModel) async throws -> Int {
        if let alive = running.withLock({ $0[model.id] }) {
            if alive.process?.exitCodeIfExited() == nil { return alive.port }
            running.withLock { _ = $0.removeValue(forKey: model.id) }
        }
        if let port = advertisedPort(model) { return port }
        let task = starting.withLock { tasks -> Task<Int, any Error> in
            if let existing = tasks[model.id] { return existing }
            let t = Task { try await Self.onDispatchThread { try self.start(model) } }
            tasks[model.id] = t
            return t
        }
        defer { starting.withLock { _ = $0.removeValue(forKey: model.id) } }
        return try await task.value
    }

    /// Seconds an advertised server may take to answer `/health` before it is taken for dead.
    static let healthTimeout = 3.0

    /// The advertised server's port when it answers. A dead one refuses at once; a live one on a busy
    /// machine may take a while to answer, and taking it for dead would start a second llama.cpp (seconds
    /// of CPU and hundreds of MB), so it gets `healthTimeout`.
    private func advertisedPort(_ model: LocalModel) -> Int? {
        guard let data = FileManager.default.contents(atPath: advertisement(model).path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let port = object["port"] as? Int,
              LoopbackHTTP.status(port: port, path: "/health", timeoutSeconds: Self.healthTimeout) == 200
        else { return nil }
        return port
    }

    /// Runs blocking work on a Dispatch thread. Starting a server blocks for seconds, and the cooperative pool
    /// has only as many threads as cores: blocking one there stalled every other stream of a grid.
    private static func onDispatchThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Starts a server and blocks until `/health` answers 200 (called on a Dispatch thread).
    private func start(_ model: LocalModel) throws -> Int {
        guard isInstalled(model) else {
            throw ProviderError(kind: .localModel, message: "the local model \(model.id) is not installed: \(Self.setupHint)")
        }
        let logs = directory.appendingPathComponent("logs")
        try? FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let logURL = logs.appendingPathComponent("\(model.id).log")
        var lastFailure = "no free port"
        for _ in 0..<3 {
            guard let port = LoopbackHTTP.freePort() else { continue }
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
            let log = FileHandle(forWritingAtPath: logURL.path)
            defer { try? log?.close() }
            let child = try ChildProcess(
                executable: python.path,
                arguments: [
                    launcher.path, "--model", modelFile(model).path, "--alias", model.id, "--port", String(port),
                    "--parallel", String(settings.parallel), "--ctx", String(settings.contextPerSlot),
                    "--threads", String(settings.threads), "--watch-stdin",
                ],
                stdin: .pipe, stdout: log.map { .fileDescriptor($0.fileDescriptor) } ?? .null,
                stderr: log.map { .fileDescriptor($0.fileDescriptor) } ?? .null
            )
            let deadline = Date().addingTimeInterval(settings.startupTimeout)
            while Date() < deadline {
                if let code = child.exitCodeIfExited() {
                    lastFailure = "the server exited with status \(code): \(Self.tail(of: logURL))"
                    break
                }
                if LoopbackHTTP.status(port: port, path: "/health", timeoutSeconds: 0.5) == 200 {
                    running.withLock { $0[model.id] = Running(process: child, port: port) }
                    return port
                }
                usleep(50_000)
            }
            if child.exitCodeIfExited() == nil {
                child.terminate(grace: 1)
                lastFailure = "the server did not answer /health within \(Int(settings.startupTimeout)) s (log: \(logURL.path))"
            }
        }
        throw ProviderError(kind: .localModel, message: "the local model \(model.id) did not start: \(lastFailure)")
    }

    /// Stops every server this pool started. Safe to call more than once, from any thread.
    public func stopAll() {
        let all = running.withLock { r -> [Running] in
            defer { r.removeAll() }
            return Array(r.values)
        }
        for server in all {
            try? server.process?.stdinPipe?.close()
            server.process?.terminate(grace: 1)
        }
    }

    /// Starts `models` and advertises them for other Refract processes until `stopAll()` (for `refract local serve`).
    public func serve(_ models: [LocalModel]) async throws(ProviderError) -> [String: URL] {
        var urls: [String: URL] = [:]
        for model in models {
            let url = try await baseURL(for: model)
            urls[model.id] = url
            let runDir = directory.appendingPathComponent("run")
            try? FileManager.default.createDirectory(at: runDir, withIntermediateDirectories: true)
            let port = url.port ?? 0
            let body = #"{"port":\#(port),"pid":\#(getpid())}"#
            _ = FileManager.default.createFile(atPath: advertisement(model).path, contents: Data(body.utf8))
        }
        return urls
    }

    /// Removes the advertisements written by `serve`.
    public func withdraw(_ models: [LocalModel]) {
        for model in models { try? FileManager.default.removeItem(at: advertisement(model)) }
    }

    private static func tail(of url: URL) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { return "(no log)" }
        let lines = String(decoding: data.suffix(2000), as: UTF8.self).split(separator: "\n").suffix(2)
        return lines.joined(separator: " | ")
    }
}
