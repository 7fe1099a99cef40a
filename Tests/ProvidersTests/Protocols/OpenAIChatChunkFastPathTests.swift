import Foundation
import Testing
@testable import Providers

/// The hand-written chunk decoder gives exactly what `JSONDecoder` gives, or gives up.
@Suite struct OpenAIChatChunkFastPathTests {
    /// What the full decoder makes of `text` (the reference).
    private func full(_ text: String) -> OpenAIChatChunk? { WireJSON.decode(OpenAIChatChunk.self, from: text) }

    /// Every message of every recorded Chat Completions stream: the fast path agrees with the full decoder
    /// wherever it answers, and answers for most of the text chunks (else it would be no fast path).
    @Test func agreesOnEveryRecordedChunk() throws {
        var taken = 0
        var textChunks = 0
        for recorded in Recorded.all where recorded.protocolName == .openAIChat {
            for message in SplitFeeding.frames(SSEDecoder(), try recorded.body()) where !OpenAIChatEventMapper.isDone(message.data) {
                let fast = OpenAIChatChunkFastPath.decode(message.data)
                if let fast {
                    taken += 1
                    #expect(fast == full(message.data), "\(recorded.file): \(message.data.prefix(200))")
                }
                if message.data.contains(#""content":""#) { textChunks += 1 }
            }
        }
        #expect(textChunks > 100)
        #expect(taken * 10 >= textChunks * 9, "fast path took \(taken) of \(textChunks) text chunks")
    }

    /// Shapes the fast path takes, each checked against the full decoder.
    @Test(arguments: [
        #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":null}}]}"#,
        #"{"choices":[{"index":0,"delta":{"content":"Hello \"quoted\" \\ back\/slash\n\t\u00e9\u4e2d\ud83d\ude00"},"finish_reason":null,"logprobs":null}],"usage":null}"#,
        #"{"choices":[{"finish_reason":"stop","index":0,"delta":{}}],"created":1,"id":"x","model":"m","timings":{"prompt_n":5,"prompt_ms":1.5e1,"predicted_per_second":-0.25,"flags":[true,false,null,{"a":[]}]}}"#,
        #"  {"choices":[{"index":0,"delta":{"reasoning":"think","reasoning_content":"think"}}]}  "#,
        #"{"choices":[{"index":1,"delta":{"refusal":"no"}}],"obfuscation":"Qup1"}"#,
        #"{"choices":[{"index":0,"text":"legacy completion","finish_reason":null}]}"#,
        #"{"choices":null}"#,
        #"{"choices":[]}"#,
        #"{"choices":[{"index":0,"delta":null}]}"#,
        #"{"ch\u006fices":[{"index":0,"delta":{"content":"escaped key"}}]}"#,
    ])
    func takesCommonShapes(_ text: String) throws {
        let fast = try #require(OpenAIChatChunkFastPath.decode(text))
        #expect(fast == full(text))
    }

    /// Shapes left to the full decoder: unusual members, wrong types, repeated keys, escapes it does not
    /// take, and text that is not valid JSON (which the full decoder refuses too).
    @Test(arguments: [
        #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call","function":{"name":"f","arguments":""}}]}}]}"#,
        #"{"choices":[{"index":0,"delta":{"content":"a"},"logprobs":{"content":[]}}]}"#,
        #"{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2}}"#,
        #"{"error":{"message":"overloaded"}}"#,
        #"{"choices":[{"index":"0","delta":{"content":"a"}}]}"#,
        #"{"choices":[{"index":0,"delta":{"content":7}}]}"#,
        #"{"choices":[{"index":0,"delta":{"content":"a","content":"b"}}]}"#,
        #"{"choices":[{"index":0,"delta":{"content":"lone \ud83d surrogate"}}]}"#,
        #"{"choices":[{"index":0,"delta":{"content":"nul \u0000"}}]}"#,
        #"{"choices":[{"index":0.0,"delta":{"content":"a"}}]}"#,
        #"{"choices":[{"index":0,"delta":{"content":"a"}}]} trailing"#,
        #"{"choices":[{"index":0,"delta":{"content":"a"}}],"created":01}"#,
        #"{"choices":[{"index":0,"delta":{"content":"a"}}],"x":[1,,2]}"#,
        #"{"choices":[{"index":0,"delta":{"content":"a"}}],}"#,
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"raw\ttab\"}}]}",
        #"[1,2]"#,
        "",
    ])
    func leavesUnusualShapesToTheFullDecoder(_ text: String) {
        #expect(OpenAIChatChunkFastPath.decode(text) == nil)
    }

    /// The stream as a whole: the same parts as before the fast path, for text, reasoning and legacy completions.
    @Test func mapperPartsAreUnchanged() {
        let body = [
            #"{"choices":[{"index":0,"delta":{"role":"assistant","content":null}}]}"#,
            #"{"choices":[{"index":0,"delta":{"reasoning_content":"hm"}}]}"#,
            #"{"choices":[{"index":0,"delta":{"content":"Hi \u00e9"}}]}"#,
            #"{"choices":[{"index":0,"text":" there"}]}"#,
            #"{"choices":[{"index":0,"delta":{},"finish_reason":"length"}],"timings":{"predicted_n":3}}"#,
            "[DONE]",
        ].map { "data: \($0)\n\n" }.joined()
        #expect(SplitFeeding.partsAllWays(.openAIChat, body) == [
            .reasoningDelta("hm"), .textDelta("Hi é"), .textDelta(" there"), .finish(FinishReason(.length, raw: "length")),
        ])
    }
}
