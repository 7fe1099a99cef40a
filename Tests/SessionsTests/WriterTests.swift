import Foundation
import Platform
import Providers
import Testing
@testable import Sessions
#if canImport(Glibc)
import Glibc
#endif

/// Serialized: these tests change the process umask and environment. No test elsewhere in this
/// target reads the environment (they pass `scrubber: .off`), so `setenv` here races with nothing.
@Suite(.serialized) struct WriterTests {
    let start = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func filesAre0600AndFolders0700WhateverTheUmask() throws {
        let folder = TestFolder()
        let sessions = folder.url.appendingPathComponent("deep/er/sessions")
        let old = umask(0)
        defer { umask(old) }
        let writer = try SessionWriter.create(in: sessions, title: "t", created: start, scrubber: .off)
        defer { writer.close() }
        #expect(mode(of: writer.file.path) == 0o600)
        #expect(mode(of: sessions.path) == 0o700)
        #expect(mode(of: sessions.deletingLastPathComponent().path) == 0o700)
        #expect(mode(of: folder.url.appendingPathComponent("deep").path) == 0o700)
        #expect(writer.file.lastPathComponent.hasPrefix("2025-06-15-150640-"))
    }

    @Test func aFolderThatCannotBeMadeIsAReadableError() throws {
        let folder = TestFolder()
        let blocker = folder.file("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let error = #expect(throws: SessionError.self) {
            try SessionWriter.create(in: blocker.appendingPathComponent("sessions"), title: "t", scrubber: .off)
        }
        #expect(error?.kind == .io(errno: ENOTDIR))
        #expect(error?.message == "cannot create the sessions folder \(blocker.path)/sessions: Not a directory")
        #expect(error?.isStorageProblem == true)
    }

    @Test func theHeaderIsTheFirstLineAndEventsFollowOnePerLine() throws {
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "Lenses", created: start, id: "feedfacecafebeef", refractVersion: "0.1", scrubber: .off)
        try writer.append(.text(DeltaEvent(run: 1, ms: 5, text: "x")))
        writer.close()
        let lines = text(of: writer.file).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0] == #"{"type":"session","version":1,"id":"feedfacecafebeef","title":"Lenses","created":"2025-06-15T15:06:40.000Z","refract_version":"0.1"}"#)
        #expect(lines[2] == "")
        #expect(writer.file.lastPathComponent == "2025-06-15-150640-feedfa.jsonl")
    }

    @Test func theLockRefusesASecondWriterInThisProcess() throws {
        let folder = TestFolder()
        let first = try SessionWriter.create(in: folder.url, title: "t", created: start, scrubber: .off)
        let error = #expect(throws: SessionError.self) { try SessionWriter.openForAppending(first.file, scrubber: .off) }
        #expect(error?.kind == .locked(pid: getpid()))
        #expect(error?.message == "session \(first.file.lastPathComponent) is open in another Refract (pid \(getpid())); close it there, or start a new session")
        // Rename and delete go through the lock too.
        #expect(throws: SessionError.self) { try SessionStore(folder: folder.url, scrubber: .off).rename(first.file, to: "x") }
        #expect(throws: SessionError.self) { try SessionStore(folder: folder.url).delete(first.file) }
        first.close()
        let second = try SessionWriter.openForAppending(first.file, scrubber: .off)
        second.close()
    }

    @Test func theLockRefusesAndIsRefusedByAnotherProcess() throws {
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "t", created: start, scrubber: .off)
        let path = writer.file.path
        // flock(1) -n fails (exit 1) while we hold the lock.
        let refused = try ChildProcess(executable: "/usr/bin/flock", arguments: ["-n", path, "true"], stdout: .null, stderr: .null)
        #expect(refused.wait() == 1)
        writer.close()
        let allowed = try ChildProcess(executable: "/usr/bin/flock", arguments: ["-n", path, "true"], stdout: .null, stderr: .null)
        #expect(allowed.wait() == 0)

        // And the other way round: a child holds the lock, we are refused and told its pid.
        let holder = try ChildProcess(
            executable: "/usr/bin/flock", arguments: [path, "sleep", "30"], stdout: .null, stderr: .null, newProcessGroup: true
        )
        defer {
            holder.signal(SIGKILL, group: true)
            holder.wait()
        }
        var error: SessionError?
        // Poll until the child has taken the lock (no timing is asserted).
        for _ in 0..<500 {
            do {
                let w = try SessionWriter.openForAppending(writer.file, scrubber: .off)
                w.close()
                usleep(10_000)
            } catch let e {
                error = e
                break
            }
        }
        #expect(error?.kind == .locked(pid: holder.pid))
        #expect(error?.message.contains("(pid \(holder.pid))") == true)
    }

    @Test func aFullDiskIsATypedReadableError() throws {
        let fd = open("/dev/full", O_WRONLY | O_APPEND | O_CLOEXEC)
        try #require(fd >= 0)
        let writer = SessionWriter(
            file: URL(fileURLWithPath: "/dev/full"), header: SampleEvents.header, fd: fd, nextRun: 1, nextGroup: 1, needsNewline: false, scrubber: .off
        )
        defer { writer.close() }
        let error = #expect(throws: SessionError.self) { try writer.append(.text(DeltaEvent(run: 1, ms: 1, text: "x"))) }
        #expect(error?.kind == .diskFull)
        #expect(error?.message == "cannot save to /dev/full: the disk is full")
        #expect(error?.isStorageProblem == true)

        // A run recorded into it goes on in memory and reports the failure once.
        let recorder = writer.beginRun(prompt: .init(instruction: "i"), model: ModelRef(provider: "p", model: "m"), elapsedMs: { 0 })
        #expect(recorder.writeError?.kind == .diskFull)
        #expect(recorder.record(.textDelta("kept")) == nil)
        recorder.record(.finish(FinishReason(.stop)))
        recorder.finish()
        #expect(recorder.accumulator.text == "kept")
        #expect(recorder.failedWrites >= 3)
    }

    @Test func appendingAfterACrashClosesTheTornLineFirst() throws {
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "t", created: start, scrubber: .off)
        let recorder = writer.beginRun(prompt: .init(instruction: "a"), model: ModelRef(provider: "p", model: "m"), windowMs: 0, elapsedMs: { 10 })
        recorder.record(.textDelta("before"))
        writer.close()
        // Simulate a crash mid-line.
        let handle = try FileHandle(forWritingTo: writer.file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"type":"text","run":1,"ms":20,"te"#.utf8))
        try handle.close()

        let again = try SessionWriter.openForAppending(writer.file, scrubber: .off)
        let second = again.beginRun(prompt: .init(instruction: "b"), model: ModelRef(provider: "p", model: "m"), elapsedMs: { 30 })
        #expect(second.run == 2)
        second.record(.textDelta("after"))
        second.record(.finish(FinishReason(.stop)))
        second.finish()
        again.close()

        let log = try SessionReader.read(writer.file)
        #expect(log.problems.map(\.kind) == [.notJSON])
        #expect(log.run(1)?.text == "before")
        #expect(log.run(2)?.text == "after")
        #expect(log.run(2)?.outcome != .incomplete)
    }

    @Test func aCanaryKeyInTheEnvironmentNeverReachesTheFile() throws {
        let canary = "sk-ant-canary-\(UInt64.random(in: 1..<UInt64.max))"
        setenv("ANTHROPIC_API_KEY", canary, 1)
        setenv("REFRACT_TEST_TOKEN", canary + "-token", 1)
        defer {
            unsetenv("ANTHROPIC_API_KEY")
            unsetenv("REFRACT_TEST_TOKEN")
        }
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "canary", created: start)
        let recorder = writer.beginRun(
            prompt: .init(system: "s", instruction: "repeat your key", input: "in", variables: ["v": "value"]),
            model: ModelRef(provider: "anthropic", model: "claude"), protocolName: "anthropic"
        )
        recorder.record(.textDelta("An ordinary answer. "))
        // A model echoing the key, and an error quoting it, are scrubbed on the way out.
        recorder.record(.textDelta("Your key is \(canary)."))
        recorder.record(.warning("header x-api-key: \(canary) was rejected"))
        recorder.record(.error(ProviderError(kind: .unauthorized, message: "invalid key \(canary)")))
        recorder.finish()
        writer.close()
        let saved = text(of: writer.file)
        #expect(!saved.contains(canary))
        #expect(!saved.contains("canary-"))
        #expect(saved.contains("Your key is [redacted]."))
        #expect(saved.contains("An ordinary answer."))
    }

    @Test func scrubberFindsSecretsByEnvironmentName() {
        let scrubber = SecretScrubber.fromEnvironment(
            ["OPENAI_API_KEY": "sk-live-1234567890", "HOME": "/root", "SSH_AUTH_SOCK": "/tmp/agent", "GH_TOKEN": "ghp_abcdefgh", "SHORT_KEY": "abc"]
        )
        var line = Array("sk-live-1234567890 ghp_abcdefgh /root /tmp/agent abc".utf8)
        #expect(scrubber.scrub(&line))
        #expect(String(decoding: line, as: UTF8.self) == "[redacted] [redacted] /root /tmp/agent abc")
        var clean = Array("nothing here".utf8)
        #expect(!scrubber.scrub(&clean))
    }
}

@Suite struct FileLockTableTests {
    let table = """
        1: POSIX  ADVISORY  WRITE 11208 fe:00:5383493 1073741824 1073742335
        2: FLOCK  ADVISORY  WRITE 12221 fe:00:16220625 0 EOF
        2: -> FLOCK  ADVISORY  WRITE 999 fe:00:16220625 0 EOF
        3: FLOCK  ADVISORY  WRITE 4242 103:02:77 0 EOF
        """

    @Test func theHolderIsFoundByDeviceAndInode() {
        #expect(FileLock.holderPID(inTable: table, device: 0xfe00, inode: 16_220_625) == 12221)
        // Major 0x103 does not fit a byte: glibc's makedev puts it in bits 8-19.
        #expect(FileLock.holderPID(inTable: table, device: 0x10302, inode: 77) == 4242)
    }

    @Test func overlayDevicesFallBackToTheInodeAlone() {
        #expect(FileLock.holderPID(inTable: table, device: 0x0801, inode: 16_220_625) == 12221)
    }

    @Test func posixLocksAndStrangersAreNotHolders() {
        #expect(FileLock.holderPID(inTable: table, device: 0xfe00, inode: 5_383_493) == nil)
        #expect(FileLock.holderPID(inTable: table, device: 0xfe00, inode: 1) == nil)
    }
}
