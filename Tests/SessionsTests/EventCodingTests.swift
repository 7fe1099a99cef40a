import Foundation
import Providers
import Testing
@testable import Sessions

@Suite struct EventCodingTests {
    @Test(arguments: SampleEvents.all)
    func everyEventTypeRoundTrips(_ event: SessionEvent) throws {
        let line = try SessionLineCodec.encodeLine(event)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false, "one event, one line")
        let decoded = try SessionLineCodec.decodeLine(line)
        #expect(decoded == event)
    }

    @Test(arguments: SampleEvents.all)
    func typeIsTheFirstKey(_ event: SessionEvent) throws {
        let line = String(decoding: try SessionLineCodec.encodeLine(event), as: UTF8.self)
        #expect(line.hasPrefix(#"{"type":"\#(event.typeName)""#))
        let peeked = try SessionLineCodec.encodeLine(event).withUnsafeBytes { SessionLineCodec.peekType($0) }
        #expect(peeked == .known(try #require(SessionEvent.Kind(rawValue: event.typeName))))
    }

    @Test(arguments: SampleEvents.all)
    func theFastDecoderAgreesWithCodable(_ event: SessionEvent) throws {
        let line = try SessionLineCodec.encodeLine(event)
        let viaCodable = try JSONDecoder().decode(SessionEvent.self, from: Data(line))
        let fast = line.withUnsafeBytes { bytes -> SessionEvent? in
            guard case .known(let kind) = SessionLineCodec.peekType(bytes) else { return nil }
            return FastEventDecoder.decode(kind, bytes)
        }
        let handled: Set<String> = ["usage", "cost", "finished", "failed", "warning", "renamed", "run_started"]
        #expect((fast != nil) == handled.contains(event.typeName))
        if handled.contains(event.typeName) { #expect(fast == viaCodable) }
    }

    @Test func theFastDecoderLeavesUnusualLinesToCodable() throws {
        let lines = [
            // A parameter GenerationParameters may gain later.
            #"{"type":"run_started","run":1,"at":"2025-01-01T00:00:00.000Z","model":"a:b","params":{"temperature":1,"top_k":5}}"#,
            // A variable that is not a string (Codable rejects it, with a message).
            #"{"type":"run_started","run":1,"at":"2025-01-01T00:00:00.000Z","model":"a:b","prompt":{"variables":{"n":1}}}"#,
            // A number where a string belongs.
            #"{"type":"finished","run":1,"finish":3,"total_ms":1}"#,
            #"{"type":"usage","run":1,"usage":{"input":1.5}}"#,
        ]
        for line in lines {
            let fast = Array(line.utf8).withUnsafeBytes { bytes -> SessionEvent? in
                guard case .known(let kind) = SessionLineCodec.peekType(bytes) else { return nil }
                return FastEventDecoder.decode(kind, bytes)
            }
            #expect(fast == nil, "\(line)")
        }
        let started = try SessionLineCodec.decodeLine(lines[0])
        guard case .runStarted(let s) = started else {
            Issue.record("expected run_started, got \(started)")
            return
        }
        #expect(s.params.temperature == 1)
        #expect(throws: (any Error).self) { try SessionLineCodec.decodeLine(lines[1]) }
    }

    @Test func everyLineIsJSONThatFoundationReads() throws {
        for event in SampleEvents.all {
            let line = try SessionLineCodec.encodeLine(event)
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            #expect(object?["type"] as? String == event.typeName)
        }
    }

    @Test func theSampleCoversEveryKnownType() {
        let covered = Set(SampleEvents.all.map(\.typeName))
        #expect(covered == Set(SessionEvent.Kind.allCases.map(\.rawValue)))
    }

    @Test func fastTextPathAgreesWithFoundation() throws {
        let texts = ["", "plain", "quote \" back \\ slash /", "ctl \u{0}\u{1f}\u{7f}", "é中😀\u{2028}", "\r\n\t\u{8}\u{c}"]
        for text in texts {
            let event = SessionEvent.text(DeltaEvent(run: 7, ms: 123_456, text: text))
            let line = try SessionLineCodec.encodeLine(event)
            let viaFoundation = try JSONDecoder().decode(SessionEvent.self, from: Data(line))
            #expect(viaFoundation == event)
            let viaFast = line.withUnsafeBytes { DeltaLineParser.parse($0) }
            #expect(viaFast == event)
        }
    }

    @Test func fastPathDecodesEscapesFoundationWouldWrite() throws {
        let line = #"{"type":"reasoning","run":2,"ms":5,"text":"a\/b \u00e9 \ud83d\ude00 \""}"#
        let event = try SessionLineCodec.decodeLine(line)
        #expect(event == .reasoning(DeltaEvent(run: 2, ms: 5, text: "a/b é 😀 \"")))
    }

    @Test func fastPathRefusesMalformedBodiesSoTheyAreNotMisread() {
        let bad = [
            #"{"type":"text","run":1,"ms":5,"text":"abc\"}"#,
            #"{"type":"text","run":1,"ms":5,"text":"a"b"}"#,
            #"{"type":"text","run":1,"ms":5,"text":"\ud83d"}"#,
            #"{"type":"text","run":x,"ms":5,"text":"a"}"#,
        ]
        for line in bad {
            #expect(Array(line.utf8).withUnsafeBytes { DeltaLineParser.parse($0) } == nil, "\(line)")
            #expect(throws: (any Error).self) { try SessionLineCodec.decodeLine(line) }
        }
    }

    @Test func reformattedLinesStillDecode() throws {
        let line = """
            { "ms": 10, "text": "hi", "run": 4, "type": "text" }
            """
        #expect(try SessionLineCodec.decodeLine(line) == .text(DeltaEvent(run: 4, ms: 10, text: "hi")))
        #expect(Array(line.utf8).withUnsafeBytes { SessionLineCodec.peekType($0) } == .notCanonical)
    }

    @Test func unknownEventTypesAreKeptRaw() throws {
        let line = #"{"type":"annotation","run":1,"note":"from the future"}"#
        let event = try SessionLineCodec.decodeLine(line)
        #expect(event == .unknown(type: "annotation", raw: line))
        #expect(event.run == nil)
        // Re-encoding keeps the line as it was.
        #expect(String(decoding: try SessionLineCodec.encodeLine(event), as: UTF8.self) == line + "\n")
    }

    @Test func unknownFieldsAndUnknownEnumValuesAreTolerated() throws {
        let finished = #"{"type":"finished","run":1,"finish":"paused_by_moon","ttft_ms":3,"total_ms":9,"extra":{"a":[1,2]}}"#
        #expect(try SessionLineCodec.decodeLine(finished) == .finished(RunFinished(run: 1, finish: .other, ttftMs: 3, totalMs: 9)))
        let failed = #"{"type":"failed","run":2,"error":{"kind":"quantum_error","message":"m","code":7},"total_ms":1}"#
        #expect(try SessionLineCodec.decodeLine(failed) == .failed(RunFailed(run: 2, error: .init(kind: .other, message: "m"), ttftMs: nil, totalMs: 1)))
    }

    @Test func usageKeepsItsNullsAndParamsOmitEmptyStop() throws {
        let usage = String(decoding: try SessionLineCodec.encodeLine(.usage(UsageEvent(run: 1, usage: Usage(input: 5)))), as: UTF8.self)
        #expect(usage == #"{"type":"usage","run":1,"usage":{"input":5,"output":null,"cache_read":null,"cache_write":null,"reasoning":null}}"# + "\n")
        var started = SampleEvents.started
        started.params = GenerationParameters(temperature: 1)
        started.prompt = PromptSnapshot(instruction: "x", variables: ["z": "1", "a": "2"])
        started.group = nil
        started.label = nil
        started.variant = nil
        started.protocolName = nil
        let line = String(decoding: try SessionLineCodec.encodeLine(.runStarted(started)), as: UTF8.self)
        #expect(line == #"{"type":"run_started","run":1,"at":"2025-06-15T15:06:40.250Z","model":"ollama:llama3:8b","mode":"raw","params":{"temperature":1},"prompt":{"system":"","instruction":"x","input":"","variables":{"a":"2","z":"1"}}}"# + "\n")
    }

    @Test func timestampsRoundTripAndAcceptOffsets() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_123.456)
        #expect(SessionTimestamp.format(date) == "2023-11-14T22:15:23.456Z")
        let parsed = try #require(SessionTimestamp.parse("2023-11-14T22:15:23.456Z"))
        #expect(abs(parsed.timeIntervalSince1970 - 1_700_000_123.456) < 0.0005)
        #expect(SessionTimestamp.parse("2023-11-14T23:15:23+01:00")?.timeIntervalSince1970 == 1_700_000_123)
        #expect(SessionTimestamp.parse("2023-11-14") == nil)
        #expect(SessionTimestamp.parse("2023-13-14T22:15:23Z") == nil)
    }

    @Test func unencodableValuesAreAnErrorNotACorruptLine() {
        var started = SampleEvents.started
        started.params.temperature = .nan
        #expect(throws: (any Error).self) { try SessionLineCodec.encodeLine(.runStarted(started)) }
    }
}
