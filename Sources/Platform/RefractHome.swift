import Foundation

/// The folder Refract's shipped data lives in (themes/, data/prices.toml, scripts/, .local-model/).
///
/// `REFRACT_HOME` wins; otherwise the folder is found by walking up from the executable (the binary
/// lives in `<home>/.build/<config>/refract`), then from the current directory.
public struct RefractHome: Sendable, Equatable {
    public var url: URL

    public init(url: URL) { self.url = url }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> RefractHome? {
        if let explicit = environment["REFRACT_HOME"], !explicit.isEmpty {
            return RefractHome(url: URL(fileURLWithPath: explicit))
        }
        let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        for start in [exe.deletingLastPathComponent(), URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var dir = start.standardizedFileURL
            for _ in 0..<8 {
                if isHome(dir) { return RefractHome(url: dir) }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    private static func isHome(_ dir: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: dir.appendingPathComponent("data/prices.toml").path)
            && fm.fileExists(atPath: dir.appendingPathComponent("themes").path)
    }

    public var themes: URL { url.appendingPathComponent("themes") }
    public var priceTable: URL { url.appendingPathComponent("data/prices.toml") }
    public var scripts: URL { url.appendingPathComponent("scripts") }

    /// Where `scripts/setup-local-model` installs the local models (`REFRACT_LOCAL_MODEL_DIR` overrides).
    public func localModelDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["REFRACT_LOCAL_MODEL_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        return url.appendingPathComponent(".local-model")
    }
}
