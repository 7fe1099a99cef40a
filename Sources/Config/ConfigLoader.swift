import Foundation
import Platform
import Providers
import TOMLKit

/// Finds and reads `config.toml`, turning every mistake into a `ConfigError` with file, line and column.
public struct ConfigLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `--config FILE`, else `REFRACT_CONFIG`, else `$XDG_CONFIG_HOME/refract/config.toml` when it exists.
    /// Returns the path and whether the user named it explicitly (a missing explicit file is an error).
    public func locate(explicit: String?) -> (url: URL, explicit: Bool)? {
        if let explicit, !explicit.isEmpty { return (URL(fileURLWithPath: explicit), true) }
        if let env = environment["REFRACT_CONFIG"], !env.isEmpty { return (URL(fileURLWithPath: env), true) }
        let url = XDGDirectories(environment: environment).refractConfig.appendingPathComponent("config.toml")
        return FileManager.default.fileExists(atPath: url.path) ? (url, false) : nil
    }

    /// Loads the config named by `explicit`/environment, or the defaults when there is none.
    public func load(explicit: String? = nil) throws(ConfigError) -> RefractConfig {
        guard let (url, isExplicit) = locate(explicit: explicit) else {
            return RefractConfig(providers: BuiltinProviders.all(environment: environment))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let why = FileManager.default.fileExists(atPath: url.path) ? "cannot be read (check its permissions)" : "does not exist"
            throw ConfigError(file: url.path, message: "the config file \(why)" + (isExplicit ? "" : ""))
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            let (line, column) = InvalidUTF8.position(in: Array(data))
            throw ConfigError(file: url.path, line: line, column: column, message: "the config file is not UTF-8 text (save it as UTF-8)")
        }
        var config = try parse(text, file: url.path)
        config.file = url
        if config.providers.contains(where: { $0.apiKeyFromConfig != nil }), Self.isReadableByOthers(url) {
            config.warnings.append("\(url.path) holds an API key and is readable by other users: run chmod 600 \(url.path)")
        }
        return config
    }

    static func isReadableByOthers(_ url: URL) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let mode = attributes[.posixPermissions] as? NSNumber else { return false }
        return mode.intValue & 0o044 != 0
    }

    /// Parses config text (no file access; `file` is only for messages).
    public func parse(_ text: String, file: String) throws(ConfigError) -> RefractConfig {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ConfigError(file: file, line: e.source.begin.line, column: e.source.begin.column, message: "invalid TOML: \(e.description)")
        } catch {
            throw ConfigError(file: file, message: "invalid TOML: \(error)")
        }
        let reader = ConfigTableReader(root: root, file: file, locator: TOMLKeyLocator(source: text))
        return try reader.read(environment: environment)
    }
}
