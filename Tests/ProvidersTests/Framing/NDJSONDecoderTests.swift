import Testing
@testable import Providers

@Suite struct NDJSONDecoderTests {
    private func frames(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FramedMessage] {
        SplitFeeding.framesAllWays({ NDJSONDecoder() }, text, sourceLocation: sourceLocation)
    }

    @Test func oneMessagePerLine() {
        #expect(frames("{\"a\":1}\n{\"b\":\"é\"}\n") == [FramedMessage(data: "{\"a\":1}"), FramedMessage(data: "{\"b\":\"é\"}")])
    }

    @Test func crlfIsToleratedAndBlankLinesSkipped() {
        #expect(frames("{\"a\":1}\r\n\r\n  \n{\"b\":2}\r\n") == [FramedMessage(data: "{\"a\":1}"), FramedMessage(data: "{\"b\":2}")])
    }

    @Test func lastLineWithoutNewlineIsFlushedAtFinish() {
        var decoder = NDJSONDecoder()
        #expect(decoder.feed("{\"a\":1}\n{\"done\":true}") == [FramedMessage(data: "{\"a\":1}")])
        #expect(decoder.finish() == [FramedMessage(data: "{\"done\":true}")])
    }

    @Test func unicodeSeparatorsAreNotLineEnds() {
        #expect(frames("{\"t\":\"a\u{2028}b\u{85}c\"}\n") == [FramedMessage(data: "{\"t\":\"a\u{2028}b\u{85}c\"}")])
    }

    @Test func overlongLineIsReportedAsStray() {
        let text = "{\"a\":\"\(String(repeating: "z", count: 50))\"}\n{\"ok\":1}\n"
        let messages = SplitFeeding.framesAllWays({ NDJSONDecoder(maxLineBytes: 20) }, text)
        #expect(messages.map(\.isStray) == [true, false])
        #expect(messages.last?.data == "{\"ok\":1}")
    }
}
