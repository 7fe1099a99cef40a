import Foundation
import Testing
@testable import Providers

/// Token log-probabilities: asked for on the wire, read from the stream, written as --json parts.
@Suite struct LogprobsTests {
    private let wire = OpenAIChatProtocol()

    @Test func chatAndRawRequestsAskForThem() throws {
        var chat = ProtocolTestValues.chatRequest
        chat.parameters.logprobs = 3
        let body = ProtocolTestValues.bodyText(try wire.streamRequest(for: chat, endpoint: ProtocolTestValues.endpoint("http://127.0.0.1:9/v1")))
        #expect(body.contains(#""logprobs":true"#) && body.contains(#""top_logprobs":3"#))
        chat.parameters.logprobs = 0
        let chosenOnly = ProtocolTestValues.bodyText(try wire.streamRequest(for: chat, endpoint: ProtocolTestValues.endpoint("http://127.0.0.1:9/v1")))
        #expect(chosenOnly.contains(#""logprobs":true"#) && !chosenOnly.contains("top_logprobs"))
        var raw = ProtocolTestValues.rawRequest
        raw.parameters.logprobs = 2
        #expect(ProtocolTestValues.bodyText(try wire.streamRequest(for: raw, endpoint: ProtocolTestValues.endpoint("http://127.0.0.1:9/v1"))).contains(#""logprobs":2"#))
        #expect(!ProtocolTestValues.bodyText(try wire.streamRequest(for: ProtocolTestValues.chatRequest, endpoint: ProtocolTestValues.endpoint("http://127.0.0.1:9/v1"))).contains("logprobs"))
    }

    /// As llama.cpp streams them (chat, and `/completions` in the same `content` shape).
    @Test func theStreamedContentFormFollowsItsText() {
        let body = """
            data: {"choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":{"content":[{"id":19556,"token":"Hello","bytes":[72],"logprob":-0.54,"top_logprobs":[{"token":"Hi","logprob":-2.39},{"token":"Hello","logprob":-0.54}]}]},"finish_reason":null}]}

            data: {"choices":[{"index":0,"text":"!","logprobs":{"content":[{"token":"!","logprob":-0.33,"top_logprobs":[]}]},"finish_reason":"stop"}]}

            data: [DONE]


            """
        let parts = SplitFeeding.partsAllWays(.openAIChat, body)
        #expect(parts == [
            .textDelta("Hello"),
            .logprobs([TokenLogprob(token: "Hello", logprob: -0.54, top: [TokenAlternative(token: "Hello", logprob: -0.54), TokenAlternative(token: "Hi", logprob: -2.39)])]),
            .textDelta("!"),
            .logprobs([TokenLogprob(token: "!", logprob: -0.33)]),
            .finish(FinishReason(.stop, raw: "stop")),
        ])
    }

    @Test func theLegacyCompletionsColumnsAreReadToo() {
        let body = """
            data: {"choices":[{"index":0,"text":" a time","logprobs":{"tokens":[" a"," time"],"token_logprobs":[-0.1,-0.2],"top_logprobs":[{" a":-0.1," the":-2.5},{" time":-0.2}]},"finish_reason":null}]}

            data: [DONE]


            """
        let parts = SplitFeeding.partsAllWays(.openAIChat, body)
        #expect(parts.contains(.logprobs([
            TokenLogprob(token: " a", logprob: -0.1, top: [TokenAlternative(token: " a", logprob: -0.1), TokenAlternative(token: " the", logprob: -2.5)]),
            TokenLogprob(token: " time", logprob: -0.2, top: [TokenAlternative(token: " time", logprob: -0.2)]),
        ])))
    }

    @Test func jsonPartsAreKeyedAndTheCompactFormRoundTrips() throws {
        let token = TokenLogprob(token: "Hi", logprob: -0.5, top: [TokenAlternative(token: "Hi", logprob: -0.5), TokenAlternative(token: "Hey", logprob: -1.25)])
        #expect(StreamPartJSON.object(for: .logprobs([token])) ==
            #"{"type":"logprobs","tokens":[{"token":"Hi","logprob":-0.5,"top":[{"token":"Hi","logprob":-0.5},{"token":"Hey","logprob":-1.25}]}]}"#)
        let compact = try JSONEncoder().encode([token])
        // The token is not repeated among its alternatives: its rank says where it was.
        #expect(String(decoding: compact, as: UTF8.self) == #"[["Hi",-0.5,[["Hey",-1.25]],0]]"#)
        #expect(try JSONDecoder().decode([TokenLogprob].self, from: compact) == [token])
        // Sessions written before kept the token inside its alternatives: they read the same.
        #expect(try JSONDecoder().decode([TokenLogprob].self, from: Data(#"[["Hi",-0.5,[["Hi",-0.5],["Hey",-1.25]]]]"#.utf8)) == [token])
        // Three decimals are kept (the rest is float noise from the server), a typed token's NaN too.
        let noisy = TokenLogprob(token: "a", logprob: -0.1263524889945984, top: [TokenAlternative(token: "b", logprob: -2.3407042026519775)])
        #expect(String(decoding: try JSONEncoder().encode([noisy]), as: UTF8.self) == #"[["a",-0.126,[["b",-2.341]]]]"#)
        #expect(abs(token.probability - 0.6065) < 0.001)
    }

    @Test func onlyAnthropicHasNone() {
        let without = [ProtocolName.anthropic, .openAIChat, .openAIResponses, .gemini, .ollama].filter { !$0.returnsLogprobs }
        #expect(without == [.anthropic])
    }
}
