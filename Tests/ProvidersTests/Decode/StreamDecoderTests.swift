import Testing
@testable import Providers

@Suite struct StreamDecoderTests {
    @Test func geminiBodyStartingWithABracketUsesTheArrayFramer() {
        let body = Array(" \r\n[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]},\"finishReason\":\"STOP\"}]}]".utf8)
        #expect(StreamDecoder.decode(protocol: .gemini, bytes: body) == [.textDelta("x"), .finish(FinishReason(.stop, raw: "STOP"))])
    }

    @Test func chunkSizesRepeatTheLastSize() {
        let body = Array("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hé\"}}]}\n\ndata: [DONE]\n\n".utf8)
        let whole = StreamDecoder.decode(protocol: .openAIChat, bytes: body)
        #expect(whole == [.textDelta("hé")])
        #expect(StreamDecoder.decode(protocol: .openAIChat, bytes: body, chunkSizes: [1, 2, 0]) == whole)
        #expect(StreamDecoder.decode(protocol: .openAIChat, bytes: body, chunkSizes: []) == whole)
    }

    @Test func emptyBodyIsAStreamCutForEveryProtocol() {
        for name in ProtocolName.allCases {
            let parts = StreamDecoder.decode(protocol: name, bytes: [])
            #expect(parts.count == 1, "\(name)")
            if case .error(let error) = parts.first {
                #expect(error.kind == .streamCut)
            } else {
                Issue.record("\(name): expected a stream cut, got \(parts)")
            }
        }
    }
}
