import ArgumentParser
import Foundation
import Providers

/// `refract local`: keep the embedded models' servers running for other Refract processes.
struct LocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Manage the embedded local models.",
        subcommands: [Serve.self, Status.self]
    )

    /// Starts the servers, advertises them, and keeps them until interrupted.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start the local model servers and keep them up (other refract processes reuse them) until Ctrl-C."
        )

        @Option(name: .customLong("model"), help: "A local model, as `local:NAME` or `NAME` (repeatable; default: all).")
        var models: [String] = []

        @Option(help: "The config file.")
        var config: String?

        @Flag(name: .customLong("until-stdin-closes"), help: "Also stop when standard input closes (for a parent process that owns the servers).")
        var untilStdinCloses = false

        func run() async throws {
            try await reportingErrors {
                // Names first: a wrong one must fail before the HTTP client exists (it has to be shut down).
                let chosen = try models.isEmpty ? LocalModelCatalog.all : models.map { id in
                    guard let m = LocalModelCatalog.model(id) else {
                        throw CLIError(message: "no local model \"\(id)\"; known: \(LocalModelCatalog.all.map { "local:\($0.id)" }.joined(separator: ", "))", exitCode: 2)
                    }
                    return m
                }
                let context = try AppContext.load(configPath: config)
                let pool = context.registry.localPool
                let urls: [String: URL]
                do throws(ProviderError) { urls = try await pool.serve(chosen) } catch {
                    await context.shutdown()
                    throw CLIError(message: error.description)
                }
                let lines = chosen.map { "local:\($0.id) \(urls[$0.id]?.absoluteString ?? "")\n" }.joined()
                Stdout.write(lines)
                let stop = InterruptFlag(alsoOn: [SIGTERM, SIGHUP])
                if untilStdinCloses {
                    // A parent that dies (even by kill -9) closes our stdin: stop with it.
                    Thread.detachNewThread {
                        while !FileHandle.standardInput.availableData.isEmpty {}
                        kill(getpid(), SIGTERM)
                    }
                }
                await stop.wait()
                pool.withdraw(chosen)
                await context.shutdown()
            }
        }
    }

    /// Prints whether each local model is installed and running.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show whether each local model is installed and running.")

        @Option(help: "The config file.")
        var config: String?

        func run() async throws {
            try await reportingErrors {
                let context = try AppContext.load(configPath: config)
                for model in LocalModelCatalog.all {
                    let status: String = switch context.registry.localPool.status(of: model) {
                    case .notInstalled: "not installed: run scripts/setup-local-model"
                    case .installed: "installed (starts on first use)"
                    case .running(let port): "running on 127.0.0.1:\(port)"
                    }
                    print("local:\(model.id)  \(status)  — \(model.summary)")
                }
                await context.shutdown()
            }
        }
    }
}
