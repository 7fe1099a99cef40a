import Testing
@testable import Providers

/// Builds an Anthropic SSE body from (event, data) pairs.
private func sse(_ events: [(String, String)]) -> String {
    events.map { "event: \($0.0)\ndata: \($0.1)\n\n" }.joined()
}

private let messageStart = #"{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-x","stop_reason":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":3,"cache_read_input_tokens":55096,"output_tokens":2,"service_tier":"standard"}}      }"#
private let messageStop = #"{"type":"message_stop"   }"#

@Suite struct AnthropicMapperTests {
    @Test func textStreamWithPingsPaddingAndUsageOverwrite() {
        let body = sse([
            ("message_start", messageStart),
            ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}               }"#),
            ("ping", #"{"type": "ping"}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello! 👋"}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" Pelé"}}"#),
            ("content_block_stop", #"{"type":"content_block_stop","index":0    }"#),
            ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":181,"cache_read_input_tokens":0,"output_tokens":8}}"#),
            ("message_stop", messageStop),
        ])
        let parts = SplitFeeding.partsAllWays(.anthropic, body)
        #expect(parts == [
            .usage(Usage(input: 10, output: 2, cacheRead: 55096, cacheWrite: 3)),
            .textDelta("Hello! 👋"),
            .textDelta(" Pelé"),
            .usage(Usage(input: 181, output: 8, cacheRead: 0)),
            .finish(FinishReason(.stop, raw: "end_turn")),
        ])
        let run = SplitFeeding.run(parts)
        #expect(run.usage == Usage(input: 181, output: 8, cacheRead: 0, cacheWrite: 3))
        #expect(run.error == nil)
    }

    @Test func thinkingDeltasAreReasoningAndSignaturesAreIgnored() {
        let body = sse([
            ("message_start", messageStart),
            ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me think"}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":""}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM"}}"#),
            ("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
            ("content_block_start", #"{"type":"content_block_start","index":1,"content_block":{"type":"redacted_thinking","data":"EmwKAhgBEgy"}}"#),
            ("content_block_stop", #"{"type":"content_block_stop","index":1}"#),
            ("content_block_start", #"{"type":"content_block_start","index":2,"content_block":{"type":"text","text":""}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":2,"delta":{"type":"citations_delta","citation":{"type":"web_search_result_location"}}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"Answer"}}"#),
            ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":133}}"#),
            ("message_stop", messageStop),
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.anthropic, body))
        #expect(run.reasoning == "Let me think")
        #expect(run.text == "Answer")
        #expect(run.finish == FinishReason(.length, raw: "max_tokens"))
        #expect(run.usage?.output == 133)
    }

    @Test func toolUseBlocksBecomeToolCallsByBlockIndex() {
        let body = sse([
            ("message_start", messageStart),
            ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Checking."}}"#),
            ("content_block_start", #"{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{},"caller":{"type":"direct"}}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"locati"}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"on\": \"Paris\"}"}}"#),
            ("content_block_stop", #"{"type":"content_block_stop","index":1}"#),
            ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":65}}"#),
            ("message_stop", messageStop),
        ])
        let parts = SplitFeeding.partsAllWays(.anthropic, body)
        #expect(parts.contains(.toolCallDelta(ToolCallDelta(index: 1, id: "toolu_1", name: "get_weather"))))
        let run = SplitFeeding.run(parts)
        #expect(run.toolCalls == [RunAccumulator.ToolCall(index: 1, id: "toolu_1", name: "get_weather", arguments: "{\"location\": \"Paris\"}")])
        #expect(run.finish == FinishReason(.toolCalls, raw: "tool_use"))
    }

    @Test func serverToolInputAndUnknownBlocksAreIgnored() {
        let body = sse([
            ("message_start", messageStart),
            ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{}}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"query\": \"x\"}"}}"#),
            ("content_block_start", #"{"type":"content_block_start","index":1,"content_block":{"type":"compaction","content":null}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"compaction_delta","content":"summary"}}"#),
            ("brand_new_event", #"{"type":"brand_new_event","weird":[1,2,3]}"#),
            ("content_block_start", #"{"type":"content_block_start","index":2,"content_block":{"type":"text","text":""}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"ok"}}"#),
            ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":1}}"#),
            ("message_stop", messageStop),
        ])
        let parts = SplitFeeding.partsAllWays(.anthropic, body)
        let run = SplitFeeding.run(parts)
        #expect(run.toolCalls.isEmpty)
        #expect(run.text == "ok")
        #expect(run.warnings.isEmpty)
        #expect(run.error == nil)
    }

    @Test func finishReasonsAreNormalised() {
        let cases: [(String, FinishReason.Kind)] = [
            ("end_turn", .stop), ("stop_sequence", .stop), ("max_tokens", .length),
            ("tool_use", .toolCalls), ("refusal", .refusal), ("pause_turn", .other),
        ]
        for (raw, kind) in cases {
            #expect(AnthropicFinishReason.map(raw) == FinishReason(kind, raw: raw))
        }
    }

    @Test func missingMessageStopIsAStreamCut() {
        let body = sse([
            ("message_start", messageStart),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"partial"}}"#),
        ])
        let parts = SplitFeeding.partsAllWays(.anthropic, body)
        #expect(parts.last == .error(ProviderError(kind: .streamCut, message: "the stream ended before message_stop; the partial answer was kept")))
        #expect(SplitFeeding.run(parts).text == "partial")
    }

    @Test func errorEventFailsTheStreamAndTheRestIsIgnored() {
        let body = sse([
            ("message_start", messageStart),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"partial"}}"#),
            ("error", #"{"type": "error", "error": {"details": null, "type": "overloaded_error", "message": "Overloaded"}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"ignored"}}"#),
        ])
        let parts = SplitFeeding.partsAllWays(.anthropic, body)
        let run = SplitFeeding.run(parts)
        #expect(run.text == "partial")
        #expect(run.error?.kind == .overloaded)
        #expect(run.error?.message.contains("Overloaded") == true)
        #expect(run.error?.message.contains("partial answer was kept") == true)
        #expect(parts.filter { if case .error = $0 { true } else { false } }.count == 1)
    }

    @Test func apiErrorMidStreamIsAStreamError() {
        let body = "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}\n\n"
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.anthropic, body))
        #expect(run.error?.kind == .streamError)
        #expect(run.error?.message.contains("Internal server error") == true)
        #expect(run.error?.message.contains("partial answer") == false)
    }

    @Test func errorEventWhosePayloadIsNotJSONStillFails() {
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.anthropic, "event: error\ndata: upstream reset\n\n"))
        #expect(run.error?.kind == .streamError)
        #expect(run.error?.message.contains("upstream reset") == true)
    }

    @Test func undecodableEventGivesOneWarning() {
        let body = sse([("message_start", messageStart), ("content_block_delta", "{not json"), ("content_block_delta", "[also not]"), ("message_stop", messageStop)])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.anthropic, body))
        #expect(run.warnings.count == 1)
        #expect(run.error == nil)
    }

    @Test func lastEventWithoutTrailingNewlineStillTerminates() {
        let body = sse([("message_start", messageStart)]) + "event: message_stop\ndata: {\"type\":\"message_stop\"}"
        let parts = SplitFeeding.partsAllWays(.anthropic, body)
        #expect(SplitFeeding.run(parts).error == nil)
    }
}
