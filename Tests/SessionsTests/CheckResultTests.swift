import Foundation
import Providers
import Testing
@testable import Sessions

/// `check_result` events: read back with their run, kept in the run's byte range, and orphans reported.
@Suite struct CheckResultTests {
    @Test func checkResultsBelongToTheirRunWhenReadWholeOrByRange() throws {
        let folder = TestFolder()
        let store = SessionStore(folder: folder.url, scrubber: .off)
        let writer = try store.create(title: "eval")
        let group = writer.allocateGroup()
        try writer.append(.groupStarted(GroupStarted(group: group, at: Date(), kind: .evaluation, instructions: ["v"], models: [ModelRef(provider: "p", model: "m")], cases: ["a", "b"])))
        var runs: [Int] = []
        for text in ["yes", "no"] {
            let run = writer.beginRun(prompt: .init(input: text), model: ModelRef(provider: "p", model: "m"), group: group, windowMs: 0, elapsedMs: { 1 })
            run.record(.textDelta(text))
            run.record(.finish(FinishReason(.stop)))
            run.finish()
            runs.append(run.run)
            try writer.append(.checkResult(CheckResultEvent(run: run.run, index: 0, name: "says yes", check: "contains", result: text == "yes" ? "pass" : "fail", reason: "r")))
        }
        writer.close()

        let log = try SessionReader.read(writer.file)
        #expect(log.problems.isEmpty)
        #expect(log.groups.first?.kind == .evaluation)
        #expect(log.groups.first?.cases == ["a", "b"])
        #expect(log.runs.map { $0.checks.map(\.result) } == [["pass"], ["fail"]])
        // The browser loads one run by its byte range: the range reaches its check results.
        let scan = try store.open(writer.file)
        let second = try store.loadRun(try #require(scan.run(runs[1])), from: writer.file)
        #expect(second.checks.map(\.result) == ["fail"])
        #expect(second.text == "no")
    }

    @Test func aCheckResultForARunThatNeverStartedIsReported() throws {
        var lines = try SampleEvents.smallSessionLines()
        lines.append(try SessionLineCodec.encodeLine(.checkResult(CheckResultEvent(run: 9, index: 0, name: "n", check: "contains", result: "pass", reason: ""))))
        let log = try SessionReader.read(bytes: lines.flatMap { $0 })
        #expect(log.problems.map(\.kind) == [.orphan])
    }

    @Test func aSessionWithoutCheckResultsReadsAsBefore() throws {
        let log = try SessionReader.read(bytes: try SampleEvents.smallSessionLines().flatMap { $0 })
        #expect(log.runs.first?.checks == [])
        // And a group line without cases (written before evaluations existed) reads with none.
        let old = #"{"type":"group_started","group":1,"at":"2025-01-01T00:00:00.000Z","kind":"grid","instructions":["a"],"models":["p:m"]}"#
        guard case .groupStarted(let g) = try SessionLineCodec.decodeLine(old) else {
            Issue.record("not a group")
            return
        }
        #expect(g.cases == nil)
    }
}
