import Foundation

/// The XDG base directories, computed from an environment (passed in so tests control it).
public struct XDGDirectories: Sendable, Equatable {
    public var configHome: URL
    public var dataHome: URL
    public var stateHome: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        configHome = Self.absolute(environment["XDG_CONFIG_HOME"]) ?? home.appendingPathComponent(".config")
        dataHome = Self.absolute(environment["XDG_DATA_HOME"]) ?? home.appendingPathComponent(".local/share")
        stateHome = Self.absolute(environment["XDG_STATE_HOME"]) ?? home.appendingPathComponent(".local/state")
    }

    /// The XDG spec says relative paths are invalid and must be ignored.
    private static func absolute(_ path: String?) -> URL? {
        guard let path, path.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: path)
    }

    /// `$XDG_CONFIG_HOME/refract`.
    public var refractConfig: URL { configHome.appendingPathComponent("refract") }
    /// `$XDG_DATA_HOME/refract`.
    public var refractData: URL { dataHome.appendingPathComponent("refract") }
    /// `$XDG_STATE_HOME/refract`: the scratch prompt and the prompt-file locks.
    public var refractState: URL { stateHome.appendingPathComponent("refract") }
}
