import Foundation
import Platform
import RefractTestSupport
import Testing

/// `refract local serve` accepts a model the way `refract local status` prints it (`local:NAME`) as well as `NAME`.
@Suite(.serialized) struct LocalServeTests {
    /// A local-model folder of its own (the installed venv and models linked in), so the servers this test
    /// starts and advertises never replace the ones the rest of the run shares.
    static func privateModelFolder(_ folder: TemporaryFolder) throws -> String {
        let installed = PackagePaths.root.appendingPathComponent(".local-model").path
        let dir = folder.file("local-model")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["venv", "models", "local-model-server.py"] {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: installed + "/" + name)) ?? installed + "/" + name
            try FileManager.default.createSymbolicLink(atPath: dir + "/" + name, withDestinationPath: target)
        }
        return dir
    }

    @Test(arguments: ["local:smollm2-135m-instruct", "smollm2-135m-instruct"])
    func serveAcceptsTheNameStatusPrints(_ name: String) throws {
        let folder = TemporaryFolder()
        let models = try Self.privateModelFolder(folder)
        let child = try ChildProcess(
            executable: try RefractCLI.path(), arguments: ["local", "serve", "--model", name, "--until-stdin-closes"],
            environment: RefractCLI.environment(["REFRACT_LOCAL_MODEL_DIR": models]),
            stdin: .pipe, stdout: .pipe, stderr: .pipe
        )
        let out = OutputCollector(child.stdoutPipe)
        let err = OutputCollector(child.stderrPipe)
        let served = waitUntil(timeout: 120) { out.current.contains("local:smollm2-135m-instruct http://127.0.0.1:") || child.exitCodeIfExited() != nil }
        try? child.stdinPipe?.close()
        let status = child.wait()
        let stdout = out.finish(), stderr = err.finish()
        #expect(served && stdout.contains("local:smollm2-135m-instruct http://127.0.0.1:"), "stdout: \(stdout)\nstderr: \(stderr)")
        #expect(status == 0, "stderr: \(stderr)")
    }

    /// A wrong name is refused with the names to use (it used to crash: the HTTP client was dropped without a shutdown).
    @Test func anUnknownNameIsRefusedWithTheKnownOnes() throws {
        let result = try RefractCLI.run(["local", "serve", "--model", "local:nope"], timeout: 60)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("no local model \"local:nope\"; known: local:smollm2-135m-instruct, local:gemma3-270m"), "\(result.stderr)")
    }
}
