import Testing
@testable import Providers

@Suite struct SSEDecoderTests {
    private func frames(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FramedMessage] {
        SplitFeeding.framesAllWays({ SSEDecoder() }, text, sourceLocation: sourceLocation)
    }

    @Test func lfCrlfAndLoneCrLineEndsGiveTheSameEvents() {
        let expected = [
            FramedMessage(event: "message_start", data: "{\"a\":1}"),
            FramedMessage(event: nil, data: "two\nlines"),
        ]
        let lf = "event: message_start\ndata: {\"a\":1}\n\ndata: two\ndata: lines\n\n"
        #expect(frames(lf) == expected)
        #expect(frames(lf.replacingOccurrences(of: "\n", with: "\r\n")) == expected)
        #expect(frames(lf.replacingOccurrences(of: "\n", with: "\r")) == expected)
    }

    @Test func carriageReturnAndLineFeedInDifferentReadsAreOneLineEnd() {
        // Counting the split CR LF twice would insert a blank line and dispatch "a" on its own.
        let bytes = Array("data: a\r\ndata: b\r\n\r\n".utf8)
        let crIndex = bytes.firstIndex(of: 0x0D)! + 1
        let messages = SplitFeeding.frames(SSEDecoder(), bytes, splitAt: [crIndex])
        #expect(messages == [FramedMessage(data: "a\nb")])
    }

    @Test func commentLinesAreIgnored() {
        let text = ": OPENROUTER PROCESSING\n\n: keep-alive\ndata: {\"x\":1}\n: in the middle\n\n"
        #expect(frames(text) == [FramedMessage(data: "{\"x\":1}")])
    }

    @Test func exactlyOneOptionalSpaceIsStrippedAfterTheColon() {
        let text = "data:nospace\n\ndata: one\n\ndata:  two spaces\n\nevent:ping\ndata:x\n\n"
        #expect(frames(text) == [
            FramedMessage(data: "nospace"),
            FramedMessage(data: "one"),
            FramedMessage(data: " two spaces"),
            FramedMessage(event: "ping", data: "x"),
        ])
    }

    @Test func severalDataLinesIncludingEmptyOnesJoinWithNewlines() {
        // The bytes of anthropic-sdk-python test_multiple_data_lines_with_empty_line, in its chunking.
        let bytes = Array("event: ping\ndata: {\ndata: \"foo\":\ndata: \ndata:\ndata: true}\n\n\n".utf8)
        let messages = SplitFeeding.frames(SSEDecoder(), bytes, splitAt: [12, 20, 33, 40, 46, 58])
        #expect(messages == [FramedMessage(event: "ping", data: "{\n\"foo\":\n\n\ntrue}")])
        #expect(frames(String(decoding: bytes, as: UTF8.self)) == messages)
    }

    @Test func aFieldNameWithoutColonHasAnEmptyValue() {
        #expect(frames("data\ndata: x\n\n") == [FramedMessage(data: "\nx")])
    }

    @Test func eventWithoutDataIsNotDispatchedAndItsNameDoesNotLeak() {
        let text = "event: ping\n\ndata: after\n\n"
        #expect(frames(text) == [FramedMessage(event: nil, data: "after")])
    }

    @Test func idAndRetryFieldsAreIgnored() {
        #expect(frames("id: 7\nretry: 1000\ndata: x\n\n") == [FramedMessage(data: "x")])
    }

    @Test func lastEventWithoutBlankLineIsFlushedAtFinish() {
        #expect(frames("event: message_stop\ndata: {\"type\":\"message_stop\"}") == [
            FramedMessage(event: "message_stop", data: "{\"type\":\"message_stop\"}"),
        ])
        #expect(frames("data: a\n") == [FramedMessage(data: "a")])
    }

    @Test func nothingIsDispatchedBeforeTheBlankLine() {
        var decoder = SSEDecoder()
        #expect(decoder.feed("data: a\n").isEmpty)
        #expect(decoder.feed("\n") == [FramedMessage(data: "a")])
    }

    @Test func codePointsSplitAcrossReadsSurvive() {
        // anthropic-sdk test_multi_byte_character_multiple_chunks, with its read offsets.
        let bytes = Array("data: {\"content\":\"известни\"}\n\n".utf8)
        #expect(bytes.count == 38)
        let messages = SplitFeeding.frames(SSEDecoder(), bytes, splitAt: [18, 19, 23, 34, 37])
        #expect(messages == [FramedMessage(data: "{\"content\":\"известни\"}")])
        #expect(frames("data: {\"content\":\"известни 👋\"}\n\n") == [FramedMessage(data: "{\"content\":\"известни 👋\"}")])
    }

    @Test func unicodeLineSeparatorsInsideJSONAreNotLineEnds() {
        let text = "data: {\"content\":\" culpa\"}\n\ndata: {\"content\":\" \u{2028}\u{2029}\u{85}\"}\n\ndata: {\"content\":\"foo\"}\n\n"
        let bytes = Array(text.utf8)
        let messages = SplitFeeding.frames(SSEDecoder(), bytes, splitAt: [27, 28, 53, 54])
        #expect(messages == [
            FramedMessage(data: "{\"content\":\" culpa\"}"),
            FramedMessage(data: "{\"content\":\" \u{2028}\u{2029}\u{85}\"}"),
            FramedMessage(data: "{\"content\":\"foo\"}"),
        ])
        #expect(frames(text) == messages)
    }

    @Test func bareJSONObjectOutsideAnyFieldIsOneStrayMessage() {
        let text = """
        data: {"candidates":[]}\r
        \r
        {
          "error": {
            "code": 503,
            "message": "The model is overloaded. {not a brace}",
            "status": "UNAVAILABLE"
          }
        }

        """
        let messages = frames(text)
        #expect(messages.count == 2)
        #expect(messages.first == FramedMessage(data: "{\"candidates\":[]}"))
        let stray = messages.last
        #expect(stray?.isStray == true)
        #expect(stray?.data.hasPrefix("{\n  \"error\": {") == true)
        #expect(stray?.data.hasSuffix("}\n}") == true)
    }

    @Test func strayJSONIsDispatchedAsSoonAsItsBracesBalance() {
        var decoder = SSEDecoder()
        #expect(decoder.feed("{\n  \"error\": {\"code\": 503}\n").isEmpty)
        let messages = decoder.feed("}\n")
        #expect(messages == [FramedMessage(data: "{\n  \"error\": {\"code\": 503}\n}", isStray: true)])
    }

    @Test func aBlankLineInsideAnOpenStrayObjectDoesNotSplitIt() {
        let messages = frames("{\n  \"error\": {\n\n    \"code\": 503\n  }\n}\n")
        #expect(messages == [FramedMessage(data: "{\n  \"error\": {\n\n    \"code\": 503\n  }\n}", isStray: true)])
    }

    @Test func strayTextThatIsNotJSONIsReportedLineByLine() {
        #expect(frames("oops\ndata: x\n\n") == [
            FramedMessage(data: "oops", isStray: true),
            FramedMessage(data: "x"),
        ])
    }

    @Test func aLineOverTheLimitIsDroppedAndReportedThenDecodingGoesOn() {
        let long = String(repeating: "x", count: 100)
        let text = "data: short\n\ndata: \(long)\ndata: tail\n\ndata: after\n\n"
        let messages = SplitFeeding.framesAllWays({ SSEDecoder(maxLineBytes: 40) }, text)
        #expect(messages.count == 3)
        #expect(messages[0] == FramedMessage(data: "short"))
        #expect(messages[1].isStray)
        #expect(messages[1].data.contains("106 bytes"))
        #expect(messages[2] == FramedMessage(data: "after"))
    }

    @Test func anEventOverTheLimitIsDropped() {
        let line = String(repeating: "y", count: 30)
        let text = "data: \(line)\ndata: \(line)\n\ndata: ok\n\n"
        let messages = SplitFeeding.framesAllWays({ SSEDecoder(maxLineBytes: 40) }, text)
        #expect(messages.map(\.isStray) == [true, false])
        #expect(messages.last?.data == "ok")
    }

    @Test func leadingByteOrderMarkIsStripped() {
        #expect(frames("\u{FEFF}data: x\n\n") == [FramedMessage(data: "x")])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes: [UInt8] = Array("data: a".utf8) + [0xFF] + Array("b\n\n".utf8)
        #expect(SplitFeeding.frames(SSEDecoder(), bytes) == [FramedMessage(data: "a\u{FFFD}b")])
    }
}
