import Foundation
import Testing
@testable import Providers

/// Builds a Responses SSE body: `event: <type>` + `data: <json>` per event.
private func sse(_ events: [String]) -> String {
    events.map { data -> String in
        let type = data.range(of: #""type":"([a-z_.]+)""#, options: .regularExpression).map { String(data[$0].dropFirst(8).dropLast()) } ?? "unknown"
        return "event: \(type)\ndata: \(data)\n\n"
    }.joined()
}

private let created = #"{"type":"response.created","response":{"id":"resp_1","status":"in_progress","error":null,"incomplete_details":null,"usage":null},"sequence_number":0}"#
private let completedUsage = #"{"input_tokens":11,"input_tokens_details":{"cached_tokens":2},"output_tokens":5,"output_tokens_details":{"reasoning_tokens":3},"total_tokens":16}"#

@Suite struct OpenAIResponsesTests {
    private let wire = OpenAIResponsesProtocol()

    @Test func textFlowEndsWithCompletedAndUsage() {
        let body = sse([
            created,
            #"{"type":"response.in_progress","response":{"id":"resp_1"},"sequence_number":1}"#,
            #"{"type":"response.output_item.added","item":{"id":"msg_1","type":"message","status":"in_progress","content":[],"role":"assistant"},"output_index":0,"sequence_number":2}"#,
            #"{"type":"response.content_part.added","content_index":0,"item_id":"msg_1","output_index":0,"part":{"type":"output_text","text":""},"sequence_number":3}"#,
            #"{"type":"response.output_text.delta","content_index":0,"delta":"po","item_id":"msg_1","logprobs":[],"obfuscation":"mZh","output_index":0,"sequence_number":4}"#,
            #"{"type":"response.output_text.delta","content_index":0,"delta":"ng","item_id":"msg_1","logprobs":[],"output_index":0,"sequence_number":5}"#,
            #"{"type":"response.output_text.done","content_index":0,"item_id":"msg_1","output_index":0,"sequence_number":6,"text":"pong"}"#,
            #"{"type":"response.completed","response":{"id":"resp_1","status":"completed","usage":\#(completedUsage)},"sequence_number":7}"#,
        ])
        let parts = SplitFeeding.partsAllWays(.openAIResponses, body)
        #expect(parts == [
            .textDelta("po"),
            .textDelta("ng"),
            .usage(Usage(input: 11, output: 5, cacheRead: 2, reasoning: 3)),
            .finish(FinishReason(.stop, raw: "completed")),
        ])
    }

    @Test func reasoningSummaryPartsAreKeptApart() {
        let body = sse([
            #"{"type":"response.reasoning_summary_text.delta","item_id":"rs_1","output_index":0,"summary_index":0,"delta":"First."}"#,
            #"{"type":"response.reasoning_summary_text.delta","item_id":"rs_1","output_index":0,"summary_index":1,"delta":"Second."}"#,
            #"{"type":"response.reasoning_text.delta","item_id":"rs_1","output_index":0,"delta":" Raw."}"#,
            #"{"type":"response.completed","response":{"usage":\#(completedUsage)}}"#,
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIResponses, body))
        #expect(run.reasoning == "First.\n\nSecond. Raw.")
    }

    @Test func functionCallArgumentsStreamByOutputIndex() {
        let body = sse([
            created,
            #"{"type":"response.output_item.added","item":{"id":"fc_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_sV","name":"multiply"},"output_index":1,"sequence_number":2}"#,
            #"{"type":"response.function_call_arguments.delta","delta":"{\"a\":","item_id":"fc_1","output_index":1,"sequence_number":3}"#,
            #"{"type":"response.function_call_arguments.delta","delta":"1231,\"b\":2331}","item_id":"fc_1","output_index":1,"sequence_number":4}"#,
            #"{"type":"response.function_call_arguments.done","arguments":"{\"a\":1231,\"b\":2331}","item_id":"fc_1","output_index":1}"#,
            #"{"type":"response.completed","response":{"usage":{"input_tokens":58,"output_tokens":23,"total_tokens":81}}}"#,
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIResponses, body))
        #expect(run.toolCalls == [RunAccumulator.ToolCall(index: 1, id: "call_sV", name: "multiply", arguments: #"{"a":1231,"b":2331}"#)])
        #expect(run.finish == FinishReason(.toolCalls, raw: "completed"))
        #expect(run.usage == Usage(input: 58, output: 23))
    }

    @Test func refusalOnlyAnswerFinishesAsRefusal() {
        let body = sse([
            #"{"type":"response.refusal.delta","delta":"I can't help with that."}"#,
            #"{"type":"response.completed","response":{"usage":null}}"#,
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIResponses, body))
        #expect(run.text == "I can't help with that.")
        #expect(run.finish == FinishReason(.refusal, raw: "completed"))
    }

    @Test func incompleteMapsByReason() {
        let length = sse([#"{"type":"response.incomplete","response":{"status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"usage":{"input_tokens":1,"output_tokens":9}}}"#])
        #expect(SplitFeeding.run(SplitFeeding.partsAllWays(.openAIResponses, length)).finish == FinishReason(.length, raw: "max_output_tokens"))
        let filter = sse([#"{"type":"response.incomplete","response":{"incomplete_details":{"reason":"content_filter"}}}"#])
        #expect(SplitFeeding.run(SplitFeeding.partsAllWays(.openAIResponses, filter)).finish == FinishReason(.contentFilter, raw: "content_filter"))
    }

    @Test func nestedErrorEventThenFailedGivesOneError() {
        // openai-08's shape: the wire nests the error, then sends response.failed.
        let body = sse([
            created,
            #"{"type":"error","sequence_number":2,"error":{"type":"insufficient_quota","code":"insufficient_quota","message":"You exceeded your current quota, please check your plan and billing details.","param":null}}"#,
            #"{"type":"response.failed","sequence_number":3,"response":{"status":"failed","error":{"code":"insufficient_quota","message":"You exceeded your current quota"}}}"#,
        ])
        let parts = SplitFeeding.partsAllWays(.openAIResponses, body)
        #expect(parts.count == 1)
        let run = SplitFeeding.run(parts)
        #expect(run.error?.kind == .forbidden)
        #expect(run.error?.message.contains("You exceeded your current quota") == true)
    }

    @Test func flatErrorEventIsReadToo() {
        let body = sse([#"{"type":"error","code":"server_error","message":"The server had an error","param":null,"sequence_number":4}"#])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIResponses, body))
        #expect(run.error?.kind == .streamError)
        #expect(run.error?.message.contains("The server had an error") == true)
        #expect(run.error?.message.contains("server_error") == true)
    }

    @Test func responseFailedAloneFails() {
        let body = sse([#"{"type":"response.output_text.delta","delta":"par"}"#, #"{"type":"response.failed","response":{"status":"failed","error":{"code":"server_error","message":"Something went wrong"}}}"#])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.openAIResponses, body))
        #expect(run.text == "par")
        #expect(run.error?.message.contains("Something went wrong") == true)
    }

    @Test func missingCompletedIsAStreamCutAndUnknownEventsAreIgnored() {
        let body = sse([
            created,
            #"{"type":"response.web_search_call.searching","output_index":0,"item_id":"ws_1"}"#,
            #"{"type":"response.output_text.annotation.added","annotation":{"type":"url_citation"}}"#,
            #"{"type":"response.output_text.delta","delta":"hi"}"#,
        ])
        let parts = SplitFeeding.partsAllWays(.openAIResponses, body)
        #expect(parts == [.textDelta("hi"), .error(ProviderError(kind: .streamCut, message: "the stream ended before response.completed; the partial answer was kept"))])
    }

    @Test func requestEncodesInstructionsAndInput() throws {
        let spec = try wire.streamRequest(for: ProtocolTestValues.chatRequest, endpoint: ProtocolTestValues.endpoint("https://api.openai.com/v1"))
        #expect(spec.url.absoluteString == "https://api.openai.com/v1/responses")
        #expect(spec.headers["Authorization"] == "Bearer sk-test-secret-key")
        #expect(spec.headers["Accept"] == "text/event-stream")
        #expect(ProtocolTestValues.bodyText(spec) == #"{"input":[{"content":"Hi","role":"user"},{"content":"Hello","role":"assistant"},{"content":"Name a colour","role":"user"}],"instructions":"Be brief.","max_output_tokens":100,"model":"some-model","stream":true,"temperature":0.5,"top_p":0.9}"#)
        #expect(throws: ProviderError.self) {
            try wire.streamRequest(for: ProtocolTestValues.rawRequest, endpoint: ProtocolTestValues.endpoint("https://api.openai.com/v1"))
        }
    }

    @Test func modelListAndErrors() throws {
        let spec = wire.modelListRequest(endpoint: ProtocolTestValues.endpoint("https://api.openai.com/v1"), pageToken: nil)
        #expect(spec.url.absoluteString == "https://api.openai.com/v1/models")
        #expect(try wire.parseModelList(ProtocolTestValues.data(#"{"data":[{"id":"gpt-5.5"}]}"#)).modelIDs == ["gpt-5.5"])
        let error = wire.error(status: 503, headers: [:], body: ProtocolTestValues.data(#"{"error":{"message":"Slow down","type":"server_error"}}"#), model: "m")
        #expect(error.kind == .overloaded)
    }
}
