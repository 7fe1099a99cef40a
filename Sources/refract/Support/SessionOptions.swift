import ArgumentParser
import Config
import Foundation
import Sessions

/// `--sessions DIR`: where session files are read and written, for every command that touches them.
struct SessionFolderOption: ParsableArguments {
    @Option(
        name: .customLong("sessions"),
        help: ArgumentHelp(
            "The sessions folder (default: $REFRACT_SESSIONS, else ./sessions when it exists, else the config's sessions_dir, else $XDG_DATA_HOME/refract/sessions).",
            valueName: "dir"
        )
    )
    var folder: String?

    /// The store the precedence rules pick. A relative `sessions_dir` is taken from the config file's folder.
    func store(config: RefractConfig, environment: [String: String] = ProcessInfo.processInfo.environment) -> SessionStore {
        var configured = config.sessionsDirectory
        if let dir = configured, !dir.hasPrefix("/"), let file = config.file {
            configured = file.deletingLastPathComponent().appendingPathComponent(dir).path
        }
        var store = SessionStore.locate(flag: folder, configured: configured, environment: environment)
        // Keys written in the config file are secrets too, not only the ones in the environment.
        store.scrubber = .fromEnvironment(environment, extra: config.providers.compactMap(\.apiKeyFromConfig))
        return store
    }
}

/// `--sessions DIR` and `--no-save`, for the commands that record runs.
struct SessionOptions: ParsableArguments {
    @OptionGroup var location: SessionFolderOption

    @Flag(name: .customLong("no-save"), help: "Do not record the runs in a session file.")
    var noSave = false

    /// The store to record into, or nil with `--no-save`.
    func recordingStore(config: RefractConfig, environment: [String: String] = ProcessInfo.processInfo.environment) -> SessionStore? {
        noSave ? nil : location.store(config: config, environment: environment)
    }
}
