import Foundation
import Testing
@testable import Evaluation

/// `command` checks through real child processes (`/bin/sh` scripts written by the test).
@Suite struct CommandCheckTests {
    let context = CheckContext(answer: "the refund is on its way", caseName: "late", values: ["expect.word": "refund"], caseJSON: #"{"name":"late"}"#)

    /// A script run as `/bin/sh FILE`: executing a file just written races with children other tests
    /// spawn meanwhile, which may still hold it open for writing (ETXTBSY, "text file busy").
    func script(_ body: String) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("refract-check-\(UUID().uuidString).sh").path
        try "\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
        return ["/bin/sh", path]
    }

    func run(_ arguments: [String], shell: Bool = false, timeout: Double = 10) async -> CheckResult {
        let spec = CheckSpec(kind: .command(CommandSpec(arguments: arguments, shell: shell, timeoutSeconds: timeout)))
        return await CheckRunner(judgeModel: { _ in throw CheckSetupError("no judge") }).run([spec], context: context)[0]
    }

    @Test func passesOnExitZeroWithTheFirstLineAsReason() async throws {
        // The answer arrives on stdin, the case in REFRACT_CASE, and {{…}} in arguments are filled.
        let path = try script(#"grep -q "$1" && echo "found $1 in $REFRACT_CASE" && echo second line"#)
        let r = await run(path + ["{{expect.word}}"])
        #expect(r.status == .pass)
        #expect(r.reason == #"found refund in {"name":"late"}"#)
    }

    @Test func failsOnNonZeroExit() async throws {
        let path = try script("echo 'too rude' >&2; exit 3")
        let r = await run(path)
        #expect(r.status == .fail)
        #expect(r.reason == "too rude (exit 3)")
    }

    @Test func aMissingProgramOrATimeoutIsAnError() async throws {
        let missing = await run(["/nonexistent/checker"])
        #expect(missing.status == .error)
        #expect(missing.reason.contains("cannot start /nonexistent/checker"))
        let path = try script("sleep 30")
        let slow = await run(path, timeout: 0.3)
        #expect(slow.status == .error)
        #expect(slow.reason == "timed out after 0.3 s")
    }

    @Test func noShellUnlessAsked() async throws {
        // Without a shell `;` is an argument, so `echo` prints it literally and nothing else runs.
        let plain = await run(["echo", "a;", "exit", "1"])
        #expect(plain.status == .pass)
        #expect(plain.reason == "a; exit 1")
        let shelled = await run(["echo a; exit 1"], shell: true)
        #expect(shelled.status == .fail)
    }
}

extension CommandCheckTests {
    /// The time limit only guards against a hang (without the group kill the drain waits for the sleeper).
    @Test(.timeLimit(.minutes(1))) func aBackgroundChildDoesNotStallTheCheck() async throws {
        // The script exits at once but leaves a sleeper holding stdout; the check must still end.
        let path = try script("sleep 600 &\necho started")
        let r = await run(path, timeout: 20)
        #expect(r.status == .pass)
        #expect(r.reason == "started")
    }
}
