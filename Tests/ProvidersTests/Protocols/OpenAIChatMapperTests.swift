import Testing
@testable import Providers

/// Builds an OpenAI-style SSE body: one `data:` event per chunk.
private func sse(_ chunks: [String]) -> String {
    chunks.map { "data: \($0)\n\n" }.joined()
}

private func chunk(_ delta: String, finish: String? = nil, index: Int = 0) -> String {
    let finishText = finish.map { "\"\($0)\"" } ?? "null"
    return #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-x","choices":[{"index":\#(index),"delta":\#(delta),"logprobs":null,"finish_reason":\#(finishText)}],"usage":null,"obfuscation":"Qup1"}"#
}

private let usageChunk = #"{"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":14,"completion_tokens":30,"total_tokens":44,"prompt_tokens_details":{"cached_tokens":4,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":12}}}"#

@Suite struct OpenAIChatMapperTests {
    @Test func textUsageFinishAndDone() {
        let body = sse([
            chunk(#"{"role":"assistant","content":"","refusal":null}"#),
            chunk(#"{"content":"Hello —"}"#),
            chunk(#"{"content":" it’s"}"#),
            chunk("{}", finish: "stop"),
            usageChunk,
            "[DONE]",
        ])
        let parts = SplitFeeding.partsAllWays(.openAIChat, body)
        #expect(parts == [
            .textDelta("Hello —"),
            .textDelta(" it’s"),
            .finish(FinishReason(.stop, raw: "stop")),
            .usage(Usage(input: 14, output: 30, cacheRead: 4, reasoning: 12)),
        ])
    }

    @Test func cacheWriteTokensCountInUsageAndCost() throws {
        let usage = #"{"choices":[],"usage":{"prompt_tokens":1000,"completion_tokens":10,"prompt_tokens_details":{"cached_tokens":200,"cache_write_tokens":300}}}"#
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, sse([chunk(#"{"content":"ok"}"#, finish: "stop"), usage, "[DONE]"])))
        let reported = try #require(run.usage)
        #expect(reported == Usage(input: 1000, output: 10, cacheRead: 200, cacheWrite: 300))
        // 500 plain input at 1, 200 cache reads at 0.5, 300 cache writes at 2, 10 output at 4 (USD per million).
        let price = Price(input: 1, output: 4, cacheRead: 0.5, cacheWrite: 2, source: "test")
        let cost = try #require(CostCalculator.cost(of: reported, at: price, protocol: .openAIChat))
        #expect(abs(cost - (500 * 1 + 200 * 0.5 + 300 * 2 + 10 * 4) / 1_000_000) < 1e-12)
    }

    @Test func reasoningFieldsAreReasoningAndMirroredCopiesCountOnce() {
        let body = sse([
            chunk(#"{"reasoning_content":"think A"}"#),
            chunk(#"{"reasoning":"think B","channel":"analysis"}"#),
            chunk(#"{"reasoning":" both","reasoning_content":" both"}"#),
            chunk(#"{"content":"answer"}"#, finish: "stop"),
            "[DONE]",
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body))
        #expect(run.reasoning == "think Athink B both")
        #expect(run.text == "answer")
    }

    @Test func parallelToolCallsMergeByIndex() {
        let body = sse([
            chunk(#"{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}]}"#),
            chunk(#"{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": "}}]}"#),
            chunk(#"{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_stock","arguments":""}}]}"#),
            chunk(#"{"tool_calls":[{"index":0,"function":{"arguments":"\"Edinburgh\"}"}}]}"#),
            chunk(#"{"tool_calls":[{"index":1,"function":{"arguments":"{\"ticker\": \"AAPL\"}"}}]}"#),
            chunk("{}", finish: "tool_calls"),
            "[DONE]",
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body))
        #expect(run.toolCalls == [
            RunAccumulator.ToolCall(index: 0, id: "call_a", name: "get_weather", arguments: #"{"city": "Edinburgh"}"#),
            RunAccumulator.ToolCall(index: 1, id: "call_b", name: "get_stock", arguments: #"{"ticker": "AAPL"}"#),
        ])
        #expect(run.finish == FinishReason(.toolCalls, raw: "tool_calls"))
    }

    @Test func onlyTheFirstChoiceIsShownWithOneWarning() {
        let body = sse([
            chunk(#"{"content":"zero"}"#, index: 0),
            chunk(#"{"content":"one"}"#, index: 1),
            chunk(#"{"content":"two"}"#, index: 2),
            chunk(#"{"content":"!"}"#, index: 1),
            chunk("{}", finish: "stop", index: 0),
            chunk("{}", finish: "length", index: 1),
            "[DONE]",
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body))
        #expect(run.text == "zero")
        #expect(run.warnings.count == 1)
        #expect(run.finish?.kind == .stop)
    }

    @Test func refusalIsTextAndMakesTheFinishARefusal() {
        let body = sse([
            chunk(#"{"role":"assistant","content":null,"refusal":""}"#),
            chunk(#"{"refusal":"I'm"}"#),
            chunk(#"{"refusal":" sorry"}"#),
            chunk("{}", finish: "stop"),
            "[DONE]",
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body))
        #expect(run.text == "I'm sorry")
        #expect(run.finish == FinishReason(.refusal, raw: "stop"))
    }

    @Test func finishReasonsAreNormalised() {
        #expect(OpenAIChatFinishReason.map("length", onlyRefusal: false) == FinishReason(.length, raw: "length"))
        #expect(OpenAIChatFinishReason.map("content_filter", onlyRefusal: false) == FinishReason(.contentFilter, raw: "content_filter"))
        #expect(OpenAIChatFinishReason.map("function_call", onlyRefusal: false) == FinishReason(.toolCalls, raw: "function_call"))
        #expect(OpenAIChatFinishReason.map("eos", onlyRefusal: false) == FinishReason(.other, raw: "eos"))
    }

    @Test func doneIsRecognisedOnItsBytesWithSpacesAroundIt() {
        #expect(OpenAIChatEventMapper.isDone("[DONE]"))
        #expect(OpenAIChatEventMapper.isDone("  [DONE]\t"))
        #expect(!OpenAIChatEventMapper.isDone("[DONE] later"))
        #expect(!OpenAIChatEventMapper.isDone("[DONE"))
        #expect(!OpenAIChatEventMapper.isDone(""))
        #expect(!OpenAIChatEventMapper.isDone(#"{"choices":[]}"#))
        let parts = SplitFeeding.partsAllWays(.openAIChat, sse([chunk(#"{"content":"a"}"#), " [DONE] "]))
        #expect(parts == [.textDelta("a")])
    }

    @Test func missingDoneIsAStreamCut() {
        let parts = SplitFeeding.partsAllWays(.openAIChat, sse([chunk(#"{"content":"Hi"}"#)]))
        #expect(parts == [.textDelta("Hi"), .error(ProviderError(kind: .streamCut, message: "the stream ended before [DONE]; the partial answer was kept"))])
    }

    @Test func openRouterTopLevelErrorInAnOrdinaryChunkAfterCommentKeepAlives() {
        let body = ": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\n" + sse([
            #"{"id":"gen-1","provider":"Minimax","choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":"We need","reasoning_details":[{"type":"reasoning.text","text":"We need"}]},"finish_reason":null,"native_finish_reason":null}]}"#,
            #"{"id":"gen-1","choices":[{"index":0,"delta":{"content":"","reasoning":null,"reasoning_details":[]},"finish_reason":"length","native_finish_reason":"length"}]}"#,
            #"{"id":"gen-1","error":{"code":400,"message":"Token limit reached"},"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":{"prompt_tokens":43,"completion_tokens":10,"total_tokens":53,"cost":0,"completion_tokens_details":{"reasoning_tokens":11,"image_tokens":0}}}"#,
            "[DONE]",
        ])
        let parts = SplitFeeding.partsAllWays(.openAIChat, body)
        let run = SplitFeeding.run(parts)
        #expect(run.reasoning == "We need")
        #expect(run.usage == Usage(input: 43, output: 10, reasoning: 11))
        #expect(run.finish == FinishReason(.length, raw: "length"))
        #expect(run.error?.kind == .streamError)
        #expect(run.error?.message.contains("Token limit reached") == true)
        #expect(run.reportedFinish?.kind == .error)
    }

    @Test func groqNamedErrorEventWithoutDone() {
        let body = sse([chunk(#"{"reasoning":"thinking","channel":"analysis"}"#)])
            + "event: error\ndata: {\"error\":{\"message\":\"Tool call validation failed\",\"type\":\"invalid_request_error\",\"code\":\"tool_use_failed\",\"status_code\":400}}\n\n"
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body))
        #expect(run.reasoning == "thinking")
        #expect(run.error?.kind == .streamError)
        #expect(run.error?.status == 400)
        #expect(run.error?.message.contains("Tool call validation failed") == true)
    }

    @Test func vllmDataErrorWithIntegerCode() {
        let body = sse([chunk(#"{"content":"a"}"#), #"{"error":{"message":"The engine is overloaded","type":"ServiceUnavailableError","param":null,"code":503}}"#, "[DONE]"])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body))
        #expect(run.text == "a")
        #expect(run.error?.kind == .overloaded)
    }

    @Test func emptyToolCallFragmentsAreSkipped() {
        let body = sse([chunk(#"{"tool_calls":[{"index":0,"function":{"arguments":""}}]}"#), "[DONE]"])
        #expect(SplitFeeding.partsAllWays(.openAIChat, body).isEmpty)
    }

    @Test func rateLimitErrorMidStreamIsRateLimited() {
        let body = sse([#"{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}"#])
        #expect(SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body)).error?.kind == .rateLimited)
    }

    @Test func unknownFieldsAndTypeChangesInIgnoredFieldsAreHarmless() {
        let body = sse([
            #"{"choices":[{"index":0,"delta":{"content":"x","reasoning":{"unexpected":"object"}},"finish_reason":null}],"timings":{"prompt_n":5,"predicted_n":1},"x_groq":{"id":"req"}}"#,
            #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}"#,
            "[DONE]",
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body))
        #expect(run.text == "x")
        #expect(run.reasoning == "")
        #expect(run.usage == Usage(input: 5, output: 1))
        #expect(run.warnings.isEmpty)
    }

    @Test func legacyCompletionsTextIsMapped() {
        let body = sse([
            #"{"id":"cmpl-1","object":"text_completion","choices":[{"text":" there","index":0,"logprobs":null,"finish_reason":null}]}"#,
            #"{"id":"cmpl-1","object":"text_completion","choices":[{"text":" was","index":0,"logprobs":null,"finish_reason":"length"}]}"#,
            "[DONE]",
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body))
        #expect(run.text == " there was")
        #expect(run.finish?.kind == .length)
    }

    @Test func toolCallArgumentsSentAsAnObjectBecomeJSONText() {
        let body = sse([
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":{"b":2,"a":"x"}}}]},"finish_reason":"tool_calls"}]}"#,
            "[DONE]",
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIChat, body))
        #expect(run.toolCalls.first?.arguments == #"{"a":"x","b":2}"#)
    }
}
