import Foundation
import Platform
import RefractTestSupport
import Testing

/// The `refract-fault-server` binary running in the background, and a config.toml naming it as provider `faults`.
final class FaultServerProcess {
    let child: ChildProcess
    let port: Int

    init() throws {
        let url = PackagePaths.product("refract-fault-server")
        try #require(FileManager.default.isExecutableFile(atPath: url.path), "\(url.path) is missing: run `swift build` first")
        child = try ChildProcess(executable: url.path, arguments: ["--port", "0"], stdin: .null, stdout: .pipe, stderr: .null)
        // The first line is `listening on 127.0.0.1:PORT`.
        var seen = Data()
        let handle = try #require(child.stdoutPipe)
        while !seen.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        let line = String(decoding: seen, as: UTF8.self)
        let found = line.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if found == nil { child.terminate(grace: 0.2) }
        port = try #require(found, "refract-fault-server did not say where it listens: \(line)")
    }

    deinit { child.terminate(grace: 1) }

    /// A config file declaring the `faults` provider (OpenAI chat protocol) at this server.
    func writeConfig(in folder: TemporaryFolder, extra: String = "") throws -> String {
        try folder.write("config.toml", """
            [providers.faults]
            protocol = "openai-chat"
            base_url = "http://127.0.0.1:\(port)/v1"
            \(extra)
            """)
    }
}
