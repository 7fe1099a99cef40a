import Config
import Foundation
import Platform
import Sessions

/// The sessions folder as the `sessions` and `replay` commands see it: finds a file from what the
/// user typed and reads it, turning every failure into one line naming the file.
struct SessionFolder {
    let store: SessionStore

    init(store: SessionStore) {
        self.store = store
    }

    /// Loads the config (for `sessions_dir`) and picks the folder.
    static func load(_ option: SessionFolderOption, configPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SessionFolder {
        let config: RefractConfig
        do throws(ConfigError) { config = try ConfigLoader(environment: environment).load(explicit: configPath) } catch {
            throw CLIError(message: "bad config: \(error.description)", exitCode: 2)
        }
        return SessionFolder(store: option.store(config: config, environment: environment))
    }

    /// Why this folder was chosen, in words.
    var origin: String {
        switch store.directory.source {
        case .flag: "from --sessions"
        case .environment: "from $REFRACT_SESSIONS"
        case .currentDirectory: "./sessions in the current directory"
        case .config: "from sessions_dir in the config"
        case .dataHome: "the default folder"
        }
    }

    /// The session file `name` means: a path to a file, else a file in the folder (with or without
    /// `.jsonl`), else the one file in the folder whose name starts with `name`.
    func resolve(_ name: String) throws -> URL {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw CLIError(message: "\(name) is a folder, not a session file") }
            return URL(fileURLWithPath: name).standardizedFileURL
        }
        guard !name.contains("/"), !name.isEmpty else { throw CLIError(message: "\(name): no such file") }
        let folder = store.folder
        for candidate in [name, name + "." + SessionFileName.fileExtension] {
            let url = folder.appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        let matches = store.sessionFiles().filter { $0.lastPathComponent.hasPrefix(name) }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let names = matches.prefix(3).map(\.lastPathComponent).joined(separator: ", ")
            throw CLIError(message: "\"\(name)\" matches \(matches.count) sessions in \(folder.path) (\(names)\(matches.count > 3 ? ", …" : "")); give more of the name")
        }
        throw CLIError(message: "no session \"\(name)\": not a file here, nor in the sessions folder \(folder.path) (\(origin))")
    }

    /// Reads a whole session; lines that could not be read are reported as warnings, one line each.
    func read(_ url: URL) throws -> SessionLog {
        let log: SessionLog
        do throws(SessionError) { log = try SessionReader.read(url) } catch {
            throw CLIError(message: error.message)
        }
        for problem in log.problems { Stderr.line("refract: warning: \(url.lastPathComponent): \(problem.message)") }
        return log
    }
}
