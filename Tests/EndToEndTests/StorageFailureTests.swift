import Foundation
import RefractTestSupport
import Testing

/// A sessions folder that cannot be written: one warning, and the run goes on as if nothing happened.
@Suite struct StorageFailureTests {
    @Test func aReadOnlyFolderGivesOneWarningAndTheRunStillStreams() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        // Permission bits do not stop root; /sys is a folder nobody can create files in.
        let readOnly: String
        if geteuid() == 0 {
            readOnly = "/sys"
        } else {
            readOnly = dir.file("read-only")
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
            chmod(readOnly, 0o500)
        }
        let run = try RefractCLI.run(["run", "--config", config, "--sessions", readOnly, "--input", "x", "--model", "faults:ok,tokens=20", "--model", "faults:ok,tokens=5"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(FaultText.answer(tokens: 20)))
        #expect(run.stdout.contains(FaultText.answer(tokens: 5)))
        let warnings = RefractCLI.lines(run.stderr).filter { $0.contains("warning") }
        #expect(warnings.count == 1, "\(run.stderr)")
        #expect(warnings.first?.hasPrefix("refract: warning: not saved: ") == true)
        #expect(warnings.first?.hasSuffix("(use --sessions DIR)") == true)
        #expect(!run.stderr.contains("saved to"))
        #expect(TemporaryFolder.sessionFiles(in: readOnly).isEmpty)
    }
}
