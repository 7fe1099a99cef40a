import Foundation
import Providers
import Testing
@testable import Sessions
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ReaderTests {
    @Test func readsARunWithItsTextUsageCostAndTiming() throws {
        let log = try SessionReader.read(bytes: try SampleEvents.smallSessionLines().flatMap { $0 })
        #expect(log.problems.isEmpty)
        #expect(log.title == SampleEvents.header.title)
        let run = try #require(log.run(1))
        #expect(run.text == "One two three.")
        #expect(run.usage == Usage(input: 10, output: 3))
        #expect(run.cost?.usd == 0.5)
        #expect(run.ttftMs == 100)
        #expect(run.totalMs == 300)
        #expect(run.timeline == [
            TimedPart(ms: 100, part: .textDelta("One ")),
            TimedPart(ms: 160, part: .textDelta("two ")),
            TimedPart(ms: 160, part: .usage(Usage(input: 10, output: 3))),
            TimedPart(ms: 220, part: .textDelta("three.")),
            TimedPart(ms: 300, part: .finish(FinishReason(.stop, raw: "end_turn"))),
        ])
    }

    @Test func aTornLastLineIsSkippedAtEveryByteOffset() throws {
        let lines = try SampleEvents.smallSessionLines()
        let head = lines.dropLast().flatMap { $0 }
        let last = try #require(lines.last)
        for cut in 0...last.count {
            let log = try SessionReader.read(bytes: head + last.prefix(cut))
            let run = try #require(log.run(1))
            #expect(run.text == "One two three.", "cut at \(cut)")
            #expect(run.cost?.usd == 0.5)
            switch cut {
            case 0:
                #expect(log.problems.isEmpty)
                #expect(run.outcome == .incomplete)
            case last.count - 1, last.count:
                // The whole JSON object arrived (only the newline is missing, or nothing is): keep it.
                #expect(log.problems.isEmpty, "cut at \(cut)")
                #expect(run.totalMs == 300)
            default:
                #expect(log.problems == [.torn(line: lines.count)], "cut at \(cut)")
                #expect(log.problems.first?.message == "line 8 is incomplete (the session was cut off); the 7 lines before it were loaded")
                #expect(run.outcome == .incomplete)
            }
        }
    }

    @Test func aTornLastLineIsSkippedInFilesAndByTheIndexToo() throws {
        let folder = TestFolder()
        let lines = try SampleEvents.smallSessionLines()
        let last = try #require(lines.last)
        for cut in 1..<(last.count - 1) {
            let file = folder.file("torn-\(cut).jsonl")
            try Data(lines.dropLast().flatMap { $0 } + last.prefix(cut)).write(to: file)
            let log = try SessionReader.read(file)
            #expect(log.problems.map(\.kind) == [.torn])
            #expect(log.run(1)?.text == "One two three.")
            let scan = try SessionIndex.scan(file)
            #expect(scan.problems.map(\.kind) == [.torn])
            #expect(scan.endsWithNewline == false)
            #expect(scan.runs.first?.status == .incomplete)
            #expect(scan.summary.totalCostUSD == 0.5)
        }
    }

    @Test func badLinesInTheMiddleAreReportedWithTheirNumberAndSkipped() throws {
        var lines = try SampleEvents.smallSessionLines()
        lines.insert(Array("{\"type\":\"text\",\"run\":1,\"ms\":1\n".utf8), at: 3)
        lines.insert(Array("\u{0}\u{1}binary junk\n".utf8), at: 4)
        lines.insert(Array("{\"type\":\"cost\",\"run\":1}\n".utf8), at: 5)
        lines.insert(Array("{\"type\":\"text\",\"run\":99,\"ms\":1,\"text\":\"x\"}\n".utf8), at: 6)
        lines.insert(Array("{\"type\":\"mystery\",\"run\":1}\n".utf8), at: 7)
        lines.insert(Array("\n".utf8), at: 8)
        let log = try SessionReader.read(bytes: lines.flatMap { $0 })
        #expect(log.problems.map(\.line) == [4, 5, 6, 7])
        #expect(log.problems.map(\.kind) == [.notJSON, .notJSON, .invalidEvent, .orphan])
        #expect(log.problems[2].message.contains("'usd' is missing"))
        #expect(log.unknownEvents == 1)
        #expect(log.run(1)?.text == "One two three.")
        #expect(log.run(1)?.outcome != .incomplete)
    }

    @Test func filesThatAreNotSessionsAreRefusedByName() throws {
        let cases: [(String, [UInt8], String)] = [
            ("empty.jsonl", [], "empty.jsonl is not a Refract session (it is empty)"),
            ("binary.jsonl", [0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0x0A], "binary.jsonl is not a Refract session (it holds binary data)"),
            ("other.jsonl", Array("{\"type\":\"text\",\"run\":1,\"ms\":1,\"text\":\"x\"}\n".utf8), "other.jsonl is not a Refract session (its first line is not a session header)"),
            ("prose.jsonl", Array("hello world\nsecond\n".utf8), "other.jsonl is not a Refract session (its first line is not a session header)"),
        ]
        let folder = TestFolder()
        for (name, content, message) in cases {
            let file = folder.file(name)
            try Data(content).write(to: file)
            let error = #expect(throws: SessionError.self) { try SessionReader.read(file) }
            #expect(error?.kind == .notASession)
            #expect(error?.message == message.replacingOccurrences(of: "other.jsonl", with: name))
            #expect(throws: SessionError.self) { try SessionIndex.scan(file) }
        }
    }

    @Test func aNewerFormatIsRefusedClearly() throws {
        let line = #"{"type":"session","version":3,"id":"x","title":"t","created":"2030-01-01T00:00:00.000Z","refract_version":"9"}"# + "\n"
        let error = #expect(throws: SessionError.self) { try SessionReader.read(bytes: Array(line.utf8), name: "future.jsonl") }
        #expect(error?.kind == .newerFormat(found: 3, supported: 1))
        #expect(error?.message.contains("future.jsonl was made by a newer Refract (format 3; this reads 1)") == true)
        // A future header that no longer fits today's shape still gets the same explanation.
        let odd = #"{"type":"session","version":4,"id":{"uuid":"x"}}"# + "\n"
        let other = #expect(throws: SessionError.self) { try SessionReader.read(bytes: Array(odd.utf8), name: "odd.jsonl") }
        #expect(other?.kind == .newerFormat(found: 4, supported: 1))
    }

    @Test func renamesGroupsVerdictsAndSessionNotesAreCollected() throws {
        let events: [SessionEvent] = [
            .session(SampleEvents.header),
            .groupStarted(GroupStarted(group: 1, at: SampleEvents.at, kind: .models, instructions: ["i"], models: [ModelRef(provider: "a", model: "b")])),
            .runStarted(RunStarted(run: 1, group: 1, at: SampleEvents.at, prompt: .init(instruction: "i"), model: ModelRef(provider: "a", model: "b"))),
            .failed(RunFailed(run: 1, error: .init(kind: .cancelled, message: "cancelled by the user"), ttftMs: nil, totalMs: 10)),
            .verdict(Verdict(group: 1, at: SampleEvents.at, outcome: .winner(1), blind: true)),
            .warning(SessionWarning(message: "note")),
            .renamed(Renamed(title: "Second")),
            .renamed(Renamed(title: "Third")),
        ]
        let log = try SessionReader.read(bytes: try events.flatMap { try SessionLineCodec.encodeLine($0) })
        #expect(log.title == "Third")
        #expect(log.groups.count == 1)
        #expect(log.verdicts.first?.outcome == .winner(1))
        #expect(log.notes == [SessionWarning(message: "note")])
        #expect(log.runs(inGroup: 1).map(\.run) == [1])
        #expect(log.run(1)?.failure?.error.kind == .cancelled)
        #expect(log.run(1)?.timeline.last?.part == .error(ProviderError(kind: .cancelled, message: "cancelled by the user")))
    }
}

@Suite struct LineReaderTests {
    @Test(arguments: [1, 2, 7, 64, 1 << 20])
    func linesAcrossChunkBoundariesComeOutWhole(_ chunk: Int) throws {
        let folder = TestFolder()
        let file = folder.file("lines")
        let lines = ["", "a", "bc", String(repeating: "x", count: 150), "é中😀", "", "last without newline"]
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let fd = open(file.path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var seen: [(String, Int, Bool)] = []
        let end = try LineReader(fd: fd, chunkSize: chunk).forEachLine { line, offset, terminated in
            seen.append((String(decoding: line, as: UTF8.self), offset, terminated))
            return true
        }
        #expect(seen.map(\.0) == lines)
        #expect(seen.map(\.2) == [true, true, true, true, true, true, false])
        var expectedOffsets: [Int] = []
        var offset = 0
        for line in lines {
            expectedOffsets.append(offset)
            offset += line.utf8.count + 1
        }
        #expect(seen.map(\.1) == expectedOffsets)
        #expect(end == offset - 1)

        // A byte range starting at a line start reads just those lines.
        var ranged: [String] = []
        try LineReader(fd: fd, chunkSize: chunk).forEachLine(in: expectedOffsets[2]..<expectedOffsets[4]) { line, _, _ in
            ranged.append(String(decoding: line, as: UTF8.self))
            return true
        }
        #expect(ranged == ["bc", String(repeating: "x", count: 150)])
    }
}
