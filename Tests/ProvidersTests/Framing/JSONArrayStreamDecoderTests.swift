import Testing
@testable import Providers

@Suite struct JSONArrayStreamDecoderTests {
    private func frames(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FramedMessage] {
        SplitFeeding.framesAllWays({ JSONArrayStreamDecoder() }, text, sourceLocation: sourceLocation)
    }

    @Test func prettyPrintedElementsWithCrlfSeparatorsAreCutOut() {
        let first = "{\n  \"candidates\": [\n    {\"text\": \"a } b { \\\" c\"}\n  ]\n}"
        let second = "{\n  \"usageMetadata\": {\"promptTokenCount\": 11}\n}"
        let text = "[\(first)\n,\r\n\(second)\n]"
        #expect(frames(text) == [FramedMessage(data: first), FramedMessage(data: second)])
    }

    @Test func eachObjectIsEmittedAsSoonAsItCloses() {
        var decoder = JSONArrayStreamDecoder()
        #expect(decoder.feed("[{\"a\":").isEmpty)
        #expect(decoder.feed("1}\n,") == [FramedMessage(data: "{\"a\":1}")])
        #expect(decoder.feed("\r\n{\"b\":\"]\"}") == [FramedMessage(data: "{\"b\":\"]\"}")])
        #expect(decoder.feed("\n]").isEmpty)
        #expect(decoder.finish().isEmpty)
    }

    @Test func aBareObjectWithoutArrayIsEmittedToo() {
        #expect(frames("{\"error\":{\"code\":400}}") == [FramedMessage(data: "{\"error\":{\"code\":400}}")])
    }

    @Test func anObjectCutOffByTheEndOfTheBodyIsStray() {
        let messages = frames("[{\"a\":1},{\"b\":")
        #expect(messages == [FramedMessage(data: "{\"a\":1}"), FramedMessage(data: "{\"b\":", isStray: true)])
    }

    @Test func textOutsideObjectsIsStray() {
        let messages = frames("[{\"a\":1}, garbage here\n]")
        #expect(messages == [FramedMessage(data: "{\"a\":1}"), FramedMessage(data: "garbage here", isStray: true)])
    }

    @Test func multiByteTextSplitAnywhereSurvives() {
        #expect(frames("[{\"t\":\"Pelé 👋 известни\"}]") == [FramedMessage(data: "{\"t\":\"Pelé 👋 известни\"}")])
    }

    @Test func anObjectOverTheLimitIsDropped() {
        let big = "{\"a\":\"\(String(repeating: "q", count: 80))\"}"
        let messages = SplitFeeding.framesAllWays({ JSONArrayStreamDecoder(maxLineBytes: 30) }, "[\(big),{\"ok\":1}]")
        #expect(messages.map(\.isStray) == [true, false])
        #expect(messages.last?.data == "{\"ok\":1}")
    }
}
