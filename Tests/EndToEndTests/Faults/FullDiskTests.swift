import Foundation
import Platform
import RefractTestSupport
import Testing

/// A sessions folder on a file system that fills up mid-run (a 64 KB tmpfs): one warning, the run
/// streams on to its end, the lines written before the disk filled still read back, and the
/// workbench says so and keeps working. Needs permission to mount (root in the CI container).
@Suite(.serialized, .enabled(if: SmallDisk.canMount, "needs permission to mount a tmpfs (run as root)"))
struct FullDiskTests {
    @Test func aDiskThatFillsMidRunIsOneWarningAndTheAnswerIsWhole() throws {
        let disk = try SmallDisk()
        let server = try FaultServer()
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", FaultProtocol.config(port: server.port))
        let run = try RefractCLI.run(["run", "--config", config, "--sessions", disk.path, "--input", "x", "--model", "faults-openai-chat:ok,tokens=40000"],
                                     environment: [FaultProtocol.keyVariable: FaultProtocol.canaryKey()])
        #expect(run.status == 0, "the run itself succeeded: \(run.stderr)")
        #expect(run.stdout == FaultText.answer(tokens: 40000) + "\n")
        let warnings = RefractCLI.lines(run.stderr).filter { $0.contains("warning") }
        #expect(warnings.count == 1, "\(run.stderr)")
        #expect(warnings.first?.hasPrefix("refract: warning: not saved: ") == true)
        #expect(warnings.first?.contains("No space left on device") == true || warnings.first?.contains("full") == true, "\(run.stderr)")
        // What was written before the disk filled is a readable (incomplete) session.
        let file = try #require(TemporaryFolder.sessionFiles(in: disk.path).first)
        let show = try RefractCLI.run(["sessions", "show", file])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("The quick brown fox"))
    }

    @Test func theWorkbenchWarnsAndKeepsWorkingWhenTheDiskIsFull() throws {
        let disk = try SmallDisk()
        try disk.fill()
        let server = try FaultServer()
        defer { server.stop() }
        let config = "default_model = \"faults-ollama:ok\"\n" + FaultProtocol.config(port: server.port)
        let w = try WorkbenchInTmux(["--sessions", disk.path], config: config, localModels: false)
        try w.tmux.waitForText("Write a prompt")
        try w.tmux.type("Say the pangram.")
        try w.keys("C-r")
        try w.tmux.waitForText("■ stop", timeout: 15)
        try w.tmux.waitForText("not saving:", timeout: 5)
        #expect(w.screen.contains("The quick brown fox jumps over the lazy dog."))
        try w.tmux.type(" Again.")
        try w.tmux.waitForText("Say the pangram. Again.", timeout: 5)
        try w.keys("C-r")
        try w.tmux.waitFor("the second run", timeout: 15) { $0.joined().contains("2/2") }
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)
    }
}

extension FullDiskTests {
    /// Issue 10: a prompt file whose disk fills up: the failed save is a visible warning, the text stays on
    /// screen, and once there is room again the next try saves it.
    @Test func aPromptFileOnAFullDiskWarnsKeepsTheTextAndSavesOnceThereIsRoom() throws {
        let disk = try SmallDisk()
        let file = disk.path + "/prompt.refract.toml"
        let w = try WorkbenchInTmux([file], localModels: false)
        try w.tmux.waitForText("new prompt file")
        try disk.fill()
        try w.keys("M-2")
        try w.tmux.type("nothing typed is lost")
        try w.tmux.waitForText("the disk is full", timeout: 10)
        #expect(w.screen.contains("nothing typed is lost"))
        #expect(w.screen.contains("prompt.refract.toml !"), "the title marks the failed save:\n\(w.screen)")
        #expect(!contents(of: file).contains("nothing typed is lost"))
        try FileManager.default.removeItem(atPath: disk.path + "/filler")
        #expect(waitUntil(timeout: 15) { contents(of: file).contains("text = \"nothing typed is lost\"") }, "saved on the retry")
        try w.tmux.waitForText("saved prompt.refract.toml", timeout: 5)
    }
}

/// A 64 KB tmpfs, unmounted when the value goes away.
final class SmallDisk {
    let path: String

    /// Whether this process may mount one (decided once, by trying).
    static let canMount: Bool = {
        guard geteuid() == 0, let disk = try? SmallDisk() else { return false }
        _ = disk
        return true
    }()

    init() throws {
        path = TemporaryFolder.makePath(prefix: "refract-small-disk")
        let mount = try CommandRunner.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", path], timeout: 10)
        guard mount.status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw NSError(domain: "SmallDisk", code: Int(mount.status), userInfo: [NSLocalizedDescriptionKey: mount.stderr])
        }
    }

    /// Fills the disk to the last byte.
    func fill() throws {
        let handle = try #require(FileHandle(forWritingAtPath: path + "/filler") ?? {
            _ = FileManager.default.createFile(atPath: path + "/filler", contents: nil)
            return FileHandle(forWritingAtPath: path + "/filler")
        }())
        let block = Data(repeating: 0x2E, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
    }

    deinit {
        _ = try? CommandRunner.run("/bin/umount", ["-l", path], timeout: 10)
        try? FileManager.default.removeItem(atPath: path)
    }
}
