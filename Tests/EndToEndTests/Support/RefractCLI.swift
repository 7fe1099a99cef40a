import Foundation
import Platform
import RefractTestSupport
import Testing

/// Runs the real `refract` binary (built by `swift build`) in an environment isolated from the user's
/// config and sessions.
enum RefractCLI {
    /// The debug binary; the test fails (never skips) with a clear message when it has not been built.
    static func path() throws -> String {
        let url = PackagePaths.product("refract")
        try #require(
            FileManager.default.isExecutableFile(atPath: url.path),
            "\(url.path) is missing: run `swift build` before the end-to-end tests"
        )
        return url.path
    }

    /// A config and data home of its own, so the user's config.toml and sessions are never touched.
    static let isolatedHome: String = {
        let dir = TemporaryFolder.makePath(prefix: "refract-e2e-home")
        try? FileManager.default.createDirectory(atPath: dir + "/config", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        return dir
    }()

    /// This process's environment without anything that points Refract at the user's files, plus `overrides`.
    static func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for name in ["REFRACT_SESSIONS", "REFRACT_CONFIG", "NO_COLOR"] { env.removeValue(forKey: name) }
        env["XDG_CONFIG_HOME"] = isolatedHome + "/config"
        env["XDG_DATA_HOME"] = isolatedHome + "/data"
        // The scratch workspace and the locks of prompt files: never the user's.
        env["XDG_STATE_HOME"] = isolatedHome + "/state"
        return env.merging(overrides) { $1 }
    }

    /// Runs `refract arguments...` to completion.
    static func run(
        _ arguments: [String], environment overrides: [String: String] = [:], in directory: String? = nil, input: String? = nil,
        timeout: Double = 120
    ) throws -> CommandRunner.Result {
        try CommandRunner.run(
            try path(), arguments, input: input, environment: environment(overrides), workingDirectory: directory, timeout: timeout
        )
    }

    /// Starts `refract arguments...` in the background, stdout and stderr to pipes.
    static func start(_ arguments: [String], environment overrides: [String: String] = [:], in directory: String? = nil) throws -> ChildProcess {
        try ChildProcess(
            executable: try path(), arguments: arguments, environment: environment(overrides), workingDirectory: directory,
            stdin: .null, stdout: .pipe, stderr: .pipe
        )
    }

    /// The lines of a command's stderr, without empty ones.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
