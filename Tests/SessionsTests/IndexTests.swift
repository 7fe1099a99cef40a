import Foundation
import Platform
import Providers
import SessionFixtures
import Testing
@testable import Sessions

@Suite struct IndexTests {
    @Test func aGenerated10000RunSessionListsTheRightCountsAndCosts() throws {
        let folder = TestFolder()
        let file = folder.file("big.jsonl")
        let expected = try SessionFixtures.writeLargeSession(to: file, runs: 10_000, tokensPerRun: 12)
        let scan = try SessionIndex.scan(file)
        #expect(scan.problems.isEmpty)
        #expect(scan.summary.runCount == 10_000)
        #expect(scan.summary.failedRuns == expected.failedRuns)
        #expect(scan.summary.failedRuns == 400)
        #expect(scan.summary.models == expected.models)
        #expect(abs(scan.summary.totalCostUSD - expected.totalCostUSD) < 1e-9)
        #expect(scan.summary.unpricedRuns == 10_000 - expected.pricedRuns)
        #expect(scan.summary.byteCount == expected.bytes)
        #expect(scan.summary.title == expected.title)
        #expect(scan.groups.count == 100)
        #expect(scan.runs.filter { $0.group != nil }.count == 400)
        #expect(scan.runs.allSatisfy { $0.status != .incomplete })
        #expect(scan.runs.allSatisfy { $0.ttftMs != nil && $0.totalMs != nil })

        // A lazily loaded run equals the same run read by the whole-file reader.
        let log = try SessionReader.read(file)
        #expect(log.runs.count == 10_000)
        for number in [1, 25, 5_000, 10_000] {
            let summary = try #require(scan.run(number))
            let loaded = try SessionIndex.loadRun(summary, from: file)
            #expect(loaded == log.run(number))
            #expect(loaded.text.split(separator: " ").count == (number % 25 == 0 ? 6 : 12))
        }
    }

    @Test func openReusesTheListScanUntilTheFileChanges() throws {
        let folder = TestFolder()
        let store = SessionStore(folder: folder.url, scrubber: .off)
        let writer = try store.create(title: "reuse")
        let run = writer.beginRun(prompt: .init(instruction: "A"), model: ModelRef(provider: "p", model: "m"), windowMs: 0, elapsedMs: { 1 })
        run.record(.textDelta("hello"))
        run.record(.finish(FinishReason(.stop)))
        run.finish()
        let (listed, _) = store.list()
        #expect(listed.count == 1)
        #expect(try store.open(writer.file) == SessionIndex.scan(writer.file))
        // Appending changes size and time: the next open scans again and sees the new run.
        let second = writer.beginRun(prompt: .init(instruction: "B"), model: ModelRef(provider: "p", model: "m"), windowMs: 0, elapsedMs: { 1 })
        second.record(.finish(FinishReason(.stop)))
        second.finish()
        writer.close()
        let reopened = try store.open(writer.file)
        #expect(reopened.runs.count == 2)
        #expect(reopened == (try SessionIndex.scan(writer.file)))
    }

    @Test func theInMemoryAndOnDiskGeneratorsAgree() throws {
        let folder = TestFolder()
        let file = folder.file("g.jsonl")
        let written = try SessionFixtures.writeLargeSession(to: file, runs: 30, tokensPerRun: 20, seed: 9)
        let inMemory = SessionFixtures.makeLargeSession(runs: 30, tokensPerRun: 20, seed: 9)
        #expect(inMemory.expected == written)
        #expect(inMemory.bytes == bytes(of: file))
        #expect(written.tokens == 29 * 20 + 1 * 10)
    }

    @Test func loadRunSkipsInterleavedRunsAndReadsUnfinishedRunsToTheEnd() throws {
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "grid", scrubber: .off)
        let model = ModelRef(provider: "p", model: "m")
        let a = writer.beginRun(prompt: .init(instruction: "A"), model: model, windowMs: 0, elapsedMs: { 1 })
        let b = writer.beginRun(prompt: .init(instruction: "B"), model: model, windowMs: 0, elapsedMs: { 1 })
        for i in 0..<20 {
            a.record(.textDelta("a\(i)"))
            b.record(.textDelta("b\(i)"))
        }
        a.record(.finish(FinishReason(.stop)))
        a.finish()
        let scan = try SessionIndex.scan(writer.file)
        // B is still streaming: its text written after the scan is found too.
        b.record(.textDelta("late"))
        let loadedA = try SessionIndex.loadRun(try #require(scan.run(1)), from: writer.file)
        let loadedB = try SessionIndex.loadRun(try #require(scan.run(2)), from: writer.file)
        #expect(loadedA.text == (0..<20).map { "a\($0)" }.joined())
        #expect(loadedB.text == (0..<20).map { "b\($0)" }.joined() + "late")
        #expect(loadedB.outcome == .incomplete)
        #expect(scan.run(2)?.status == .incomplete)
        writer.close()
    }

    @Test func loadRunsReadsAGroupInOnePassAsLoadRunDoesOneByOne() throws {
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "evaluation", scrubber: .off)
        let model = ModelRef(provider: "p", model: "m")
        let group = writer.allocateGroup()
        let outside = writer.beginRun(prompt: .init(instruction: "not in the group"), model: model, windowMs: 0, elapsedMs: { 1 })
        let cells = (0..<6).map { i in
            writer.beginRun(prompt: .init(instruction: "cell \(i)"), model: model, group: group, label: "case \(i)", windowMs: 0, elapsedMs: { 1 })
        }
        // Interleaved as a concurrent evaluation writes them, with check results after each run.
        for step in 0..<5 {
            outside.record(.textDelta("x\(step)"))
            for (i, cell) in cells.enumerated() { cell.record(.textDelta("c\(i).\(step) ")) }
        }
        for (i, cell) in cells.enumerated() where i < 5 {
            cell.record(.finish(FinishReason(.stop)))
            cell.finish()
            try writer.append(.checkResult(CheckResultEvent(run: cell.run, index: 0, name: "contains", check: "contains", result: "pass", reason: "found")))
        }
        outside.record(.finish(FinishReason(.stop)))
        outside.finish()
        let scan = try SessionIndex.scan(writer.file)
        // The last cell is still streaming: what it writes after the scan is found too.
        cells[5].record(.textDelta("late"))
        let summaries = scan.runs.filter { $0.group == group }.reversed()
        let loaded = try SessionIndex.loadRuns(Array(summaries), from: writer.file)
        #expect(loaded == (try summaries.map { try SessionIndex.loadRun($0, from: writer.file) }))
        #expect(loaded.map(\.started.run) == summaries.map(\.run))
        #expect(loaded.first?.text.hasSuffix("late") == true)
        #expect(loaded.last?.checks.count == 1)
        #expect(loaded.allSatisfy { !$0.text.contains("x") })
        #expect(try SessionIndex.loadRuns([], from: writer.file).isEmpty)
        writer.close()
    }

    @Test func previewsAreOneShortLine() {
        let preview = SummaryLine.preview(instruction: "  Explain\n\nrefraction   to a child " + String(repeating: "x", count: 200), input: "", system: "")
        #expect(preview.hasPrefix("Explain refraction to a child xx"))
        #expect(preview.hasSuffix("…"))
        #expect(preview.count == 101)
        #expect(SummaryLine.preview(instruction: "", input: "only input", system: "s") == "only input")
        #expect(SummaryLine.preview(instruction: "", input: "", system: "\u{3000}全角 space") == "全角 space")
    }

    @Test func theFastSummaryPathAgreesWithTheCompleteDecoder() throws {
        var started = SampleEvents.started
        started.prompt.instruction = String(repeating: "é", count: 300) + " end"
        let events: [SessionEvent] = SampleEvents.all + [
            .runStarted(started),
            .usage(UsageEvent(run: 2, usage: Usage())),
            .finished(RunFinished(run: 9, finish: .stop, ttftMs: nil, totalMs: 0)),
        ]
        var checked = 0
        for event in events {
            let line = try SessionLineCodec.encodeLine(event).dropLast()
            let slow = SummaryLine(event, range: 0..<10)
            let fast = Array(line).withUnsafeBytes { bytes -> SummaryLine? in
                guard case .known(let kind) = SessionLineCodec.peekType(bytes) else { return nil }
                return SummaryLine(fast: kind, bytes, range: 0..<10)
            }
            #expect(fast == slow, "\(event.typeName)")
            if slow != nil { checked += 1 }
        }
        #expect(checked == 9)
    }

    @Test func oddlyShapedSummaryLinesFallBackAndAreReported() throws {
        let folder = TestFolder()
        let file = folder.file("odd.jsonl")
        var lines = try SampleEvents.smallSessionLines()
        // Valid JSON, wrong type for `group`: the fast path declines and the decoder explains.
        lines.insert(Array(#"{"type":"run_started","run":5,"group":"g","at":"2025-01-01T00:00:00Z","model":"a:b"}"#.utf8 + [0x0A]), at: 2)
        // Reformatted by a tool: key order and spacing differ, still read.
        lines.append(Array(#"{ "run": 1, "usd": 0.25, "type": "cost", "price": {"source": "x"} }"#.utf8 + [0x0A]))
        try Data(lines.flatMap { $0 }).write(to: file)
        let scan = try SessionIndex.scan(file)
        #expect(scan.problems.map(\.kind) == [.invalidEvent])
        #expect(scan.problems.first?.line == 3)
        #expect(scan.runs.map(\.run) == [1])
        #expect(scan.summary.totalCostUSD == 0.25)
    }
}

@Suite struct StoreTests {
    let model = ModelRef(provider: "anthropic", model: "claude")

    private func record(_ writer: SessionWriter, instruction: String, answer: String, cost: Double?) {
        let r = writer.beginRun(prompt: .init(system: "sys", instruction: instruction, input: "the input"), model: model)
        r.record(.textDelta(answer))
        r.record(.finish(FinishReason(.stop)))
        r.finish(cost: cost.map { RunCost(usd: $0, price: PriceRecord(source: "t")) })
    }

    @Test func listRenameSearchAndDelete() throws {
        let folder = TestFolder()
        let store = SessionStore(folder: folder.url, scrubber: .off)
        let older = try SessionWriter.create(in: folder.url, title: "Older", created: Date(timeIntervalSince1970: 1_000_000), scrubber: .off)
        record(older, instruction: "Describe a PRISM", answer: "A prism splits white light into colours.", cost: 0.25)
        older.close()
        let newer = try SessionWriter.create(in: folder.url, title: "Newer", created: Date(timeIntervalSince1970: 2_000_000), scrubber: .off)
        record(newer, instruction: "Describe a lens", answer: "A lens bends light to a focus; unlike a Prism it", cost: 0.5)
        record(newer, instruction: "Again", answer: "no", cost: nil)
        newer.close()
        try Data("garbage\n".utf8).write(to: folder.file("broken.jsonl"))

        let listing = store.list()
        #expect(listing.sessions.map(\.title) == ["Newer", "Older"])
        #expect(listing.sessions.map(\.runCount) == [2, 1])
        #expect(listing.sessions.first?.totalCostUSD == 0.5)
        #expect(listing.sessions.first?.unpricedRuns == 1)
        #expect(listing.sessions.first?.models == [model])
        #expect(listing.problems.map(\.kind) == [.notASession])

        try store.rename(older.file, to: "Prisms")
        #expect(try store.open(older.file).summary.title == "Prisms")
        #expect(text(of: older.file).hasSuffix("\n"))
        #expect(text(of: older.file).contains(#"{"type":"renamed","title":"Prisms""#))

        let hits = store.search("prism")
        #expect(Set(hits.map { "\($0.sessionTitle)/\($0.run)/\($0.field.rawValue)" }) == [
            "Prisms/1/instruction", "Prisms/1/answer", "Newer/1/answer",
        ])
        let answerHit = try #require(hits.first { $0.sessionTitle == "Newer" })
        #expect(answerHit.snippet == "A lens bends light to a focus; unlike a Prism it")
        #expect(store.search("   ").isEmpty)

        try store.delete(older.file)
        #expect(store.list().sessions.map(\.title) == ["Newer"])
        let error = #expect(throws: SessionError.self) { try store.delete(older.file) }
        #expect(error?.kind == .notFound)
    }

    @Test func matchingIgnoresCaseForASCIIAndOtherScripts() {
        let text = "Ça réfracte: PRISMS and prisms, ÉCLAT"
        let ascii = CaseInsensitiveMatcher("prisms")
        let r = ascii.firstMatch(in: text)
        #expect(r.map { String(text[$0]) } == "PRISMS")
        #expect(CaseInsensitiveMatcher("éclat").firstMatch(in: text).map { String(text[$0]) } == "ÉCLAT")
        #expect(CaseInsensitiveMatcher("prismz").firstMatch(in: text) == nil)
        #expect(CaseInsensitiveMatcher("a long needle longer than the text itself").firstMatch(in: "short") == nil)
    }

    @Test func searchFindsVariablesAndReasoning() throws {
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "vars", scrubber: .off)
        let r = writer.beginRun(prompt: .init(instruction: "i", variables: ["topic": "Snell's law"]), model: model)
        r.record(.reasoningDelta("thinking about SNELL"))
        r.record(.textDelta("answer"))
        r.finish()
        writer.close()
        let hits = try SessionSearch.search("snell", in: writer.file)
        #expect(hits.map(\.field) == [.variables, .reasoning])
        #expect(hits.first?.snippet == "topic=Snell's law")
    }

    @Test func snippetsShowTheTextAroundTheMatch() {
        let text = String(repeating: "a", count: 100) + " Needle\nhere " + String(repeating: "b", count: 100)
        let snippet = SessionSearch.snippet(of: "needle", in: text, radius: 5)
        #expect(snippet == "…aaaa Needle here…")
        #expect(SessionSearch.snippet(of: "absent", in: text) == nil)
    }

    @Test func theFolderFollowsThePrecedence() throws {
        let folder = TestFolder()
        let cwd = folder.url
        let env = ["HOME": "/home/u", "XDG_DATA_HOME": "/data"]
        #expect(SessionStore.locate(flag: "mine", environment: env, currentDirectory: cwd).directory
            == SessionDirectory(url: cwd.appendingPathComponent("mine"), source: .flag))
        #expect(SessionStore.locate(flag: nil, environment: env.merging(["REFRACT_SESSIONS": "/srv/s"]) { $1 }, currentDirectory: cwd).directory
            == SessionDirectory(url: URL(fileURLWithPath: "/srv/s"), source: .environment))
        #expect(SessionStore.locate(flag: nil, environment: env, currentDirectory: cwd).directory
            == SessionDirectory(url: URL(fileURLWithPath: "/data/refract/sessions"), source: .dataHome))
        #expect(SessionStore.locate(flag: nil, environment: ["HOME": "/home/u", "XDG_DATA_HOME": "relative"], currentDirectory: cwd).folder.path
            == "/home/u/.local/share/refract/sessions")
        try FileManager.default.createDirectory(at: cwd.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        #expect(SessionStore.locate(flag: nil, environment: env, currentDirectory: cwd).directory
            == SessionDirectory(url: cwd.appendingPathComponent("sessions"), source: .currentDirectory))
        #expect(SessionStore.locate(flag: "/x", environment: env, currentDirectory: cwd).directory.source == .flag)
    }
}
