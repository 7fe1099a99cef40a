import Foundation
import Providers
import Testing
@testable import Sessions
#if canImport(Glibc)
import Glibc
#endif

/// Huge and binary files: a line longer than a session line may be is skipped (never held in memory),
/// with the line number in the warning; the rest of the session loads.
@Suite struct HugeSessionTests {
    static let header = #"{"type":"session","version":1,"id":"0123456789abcdef","title":"huge","created":"2025-06-01T14:03:22.123Z","refract_version":"0.1.0"}"#
    static let started = #"{"type":"run_started","run":1,"at":"2025-06-01T14:03:22.123Z","model":"faults:ok","prompt":{"system":"","instruction":"x","input":"","variables":{}},"params":{}}"#
    static let finished = #"{"type":"finished","run":1,"ms":2,"finish":"stop"}"#

    @Test(arguments: [1, 2, 3, 7, 64])
    func overlongLinesAreSkippedAndReportedAtEveryChunkSize(_ chunk: Int) throws {
        let folder = TestFolder()
        let file = folder.file("lines")
        let text = "ok\n" + String(repeating: "x", count: 25) + "\nafter\n" + String(repeating: "y", count: 12)
        try Data(text.utf8).write(to: file)
        let fd = open(file.path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var reader = LineReader(fd: fd, chunkSize: chunk)
        reader.maxLineBytes = 10
        var skipped: [(Int, Int)] = []
        reader.overlong = { offset, length in
            skipped.append((offset, length))
            return true
        }
        var lines: [String] = []
        try reader.forEachLine { line, offset, _ in
            #expect(line.count <= 10)
            lines.append("\(offset):" + String(decoding: line, as: UTF8.self))
            return true
        }
        #expect(lines == ["0:ok", "29:after"])
        #expect(skipped.map(\.0) == [3, 35])
        #expect(skipped.map(\.1) == [25, 12])
    }

    @Test func aSixtyFiveMegabyteLineIsSkippedWithItsLineNumber() throws {
        let folder = TestFolder()
        let file = folder.file("huge.jsonl")
        var data = Data((Self.header + "\n" + Self.started + "\n").utf8)
        data.append(Data(#"{"type":"text","run":1,"ms":1,"text":""#.utf8))
        data.append(Data(repeating: UInt8(ascii: "a"), count: 65 << 20))
        data.append(Data(("\"}\n" + #"{"type":"text","run":1,"ms":2,"text":"kept"}"# + "\n" + Self.finished + "\n").utf8))
        try data.write(to: file)
        let log = try SessionReader.read(file)
        #expect(log.problems.map(\.kind) == [.tooLong])
        #expect(log.problems.first?.line == 3)
        #expect(log.problems.first?.message == "line 3 is over 65 MB long, more than the 64 MB a session line may hold; skipped")
        #expect(log.runs.first?.text == "kept")
        if case .finished = log.runs.first?.outcome {} else { Issue.record("the run after the huge line was not read to its end") }
        let inMemory = try SessionReader.read(bytes: Array(data), name: "huge.jsonl")
        #expect(inMemory.problems == log.problems)
    }

    @Test func aHugeFileWithoutNewlinesIsNotASessionAndIsNotReadWhole() throws {
        let folder = TestFolder()
        let file = folder.file("binary.jsonl")
        try Data(repeating: 0, count: (64 << 20) + 10).write(to: file)
        let error = try #require(throws: SessionError.self) { try SessionReader.read(file) }
        #expect(error.message == "binary.jsonl is not a Refract session (its first line is over 64 MB long: a session header is a few hundred bytes)")
    }
}
