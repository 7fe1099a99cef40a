import Foundation
import Testing
@testable import Providers

@Suite struct OllamaTests {
    private let wire = OllamaProtocol()

    @Test func chatLinesThinkingUsageAndDone() {
        let body = """
        {"model":"qwen3","created_at":"2025-10-26T17:15:24Z","message":{"role":"assistant","content":"","thinking":"Hmm"},"done":false}
        {"model":"qwen3","created_at":"2025-10-26T17:15:24Z","message":{"role":"assistant","content":"That's"},"done":false}
        {"model":"qwen3","created_at":"2025-10-26T17:15:24Z","message":{"role":"assistant","content":" é!"},"done":false}
        {"model":"qwen3","created_at":"2025-10-26T17:15:24Z","message":{"role":"assistant","content":""},"done":true, "done_reason": "stop","total_duration":1,"prompt_eval_count":26,"eval_count":298}

        """
        let parts = SplitFeeding.partsAllWays(.ollama, body)
        #expect(parts == [
            .reasoningDelta("Hmm"),
            .textDelta("That's"),
            .textDelta(" é!"),
            .usage(Usage(input: 26, output: 298)),
            .finish(FinishReason(.stop, raw: "stop")),
        ])
    }

    @Test func generateLinesAndMissingMetrics() {
        let body = "{\"model\":\"gemma4\",\"response\":\"That\",\"done\":false}\r\n{\"model\":\"gemma4\",\"response\":\"!\",\"done\":true, \"done_reason\": \"length\"}"
        let parts = SplitFeeding.partsAllWays(.ollama, body)
        #expect(parts == [.textDelta("That"), .textDelta("!"), .finish(FinishReason(.length, raw: "length"))])
    }

    @Test func wholeToolCallsBecomeOneDeltaEach() {
        let body = """
        {"message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Paris"}}},{"id":"call_2","function":{"index":1,"name":"get_time","arguments":{}}}]},"done":false}
        {"message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":5,"eval_count":6}

        """
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.ollama, body))
        #expect(run.toolCalls == [
            RunAccumulator.ToolCall(index: 0, id: nil, name: "get_weather", arguments: #"{"city":"Paris"}"#),
            RunAccumulator.ToolCall(index: 1, id: "call_2", name: "get_time", arguments: "{}"),
        ])
        #expect(run.finish == FinishReason(.toolCalls, raw: "stop"))
    }

    @Test func unknownFieldsAreIgnored() {
        let body = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"a\",\"images\":null,\"extra\":{\"k\":1}},\"done\":false,\"new\":[1]}\n{\"done\":true,\"done_reason\":\"unload\",\"eval_count\":\"x\",\"prompt_eval_count\":3}\n"
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.ollama, body))
        #expect(run.text == "a")
        #expect(run.usage == Usage(input: 3))
        #expect(run.finish == FinishReason(.other, raw: "unload"))
        #expect(run.warnings.isEmpty)
    }

    @Test func errorLineFailsTheStream() {
        let body = "{\"response\":\" Yes\",\"done\":false}\n{\"error\":\"an error was encountered while running the model\"}\n{\"response\":\"ignored\",\"done\":false}\n"
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.ollama, body))
        #expect(run.text == " Yes")
        #expect(run.error?.kind == .streamError)
        #expect(run.error?.message.contains("an error was encountered while running the model") == true)
    }

    @Test func missingDoneIsAStreamCut() {
        let parts = SplitFeeding.partsAllWays(.ollama, "{\"response\":\"a\",\"done\":false}\n")
        #expect(parts.last == .error(ProviderError(kind: .streamCut, message: "the stream ended before the \"done\": true line; the partial answer was kept")))
    }

    @Test func garbageLineGivesOneWarningAndDecodingGoesOn() {
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.ollama, "not json\nalso not\n{\"response\":\"ok\",\"done\":true}\n"))
        #expect(run.warnings.count == 1)
        #expect(run.text == "ok")
        #expect(run.error == nil)
    }

    @Test func chatRequestEncodesOptions() throws {
        let spec = try wire.streamRequest(for: ProtocolTestValues.chatRequest, endpoint: ProtocolTestValues.endpoint("http://localhost:11434", key: nil))
        #expect(spec.url.absoluteString == "http://localhost:11434/api/chat")
        #expect(spec.headers["Accept"] == "application/x-ndjson")
        #expect(spec.headers["Authorization"] == nil)
        #expect(ProtocolTestValues.bodyText(spec) == #"{"messages":[{"content":"Be brief.","role":"system"},{"content":"Hi","role":"user"},{"content":"Hello","role":"assistant"},{"content":"Name a colour","role":"user"}],"model":"some-model","options":{"num_predict":100,"seed":42,"stop":["END"],"temperature":0.5,"top_p":0.9},"stream":true}"#)
        let bare = try wire.streamRequest(for: ProtocolTestValues.bareRequest, endpoint: ProtocolTestValues.endpoint("http://localhost:11434/", key: nil))
        #expect(ProtocolTestValues.bodyText(bare) == #"{"messages":[{"content":"Hi","role":"user"}],"model":"some-model","stream":true}"#)
    }

    @Test func rawRequestUsesGenerateWithRaw() throws {
        let spec = try wire.streamRequest(for: ProtocolTestValues.rawRequest, endpoint: ProtocolTestValues.endpoint("http://gpu-box:11434", key: "tok"))
        #expect(spec.url.absoluteString == "http://gpu-box:11434/api/generate")
        #expect(spec.headers["Authorization"] == "Bearer tok")
        #expect(ProtocolTestValues.bodyText(spec) == #"{"model":"base-model","options":{"num_predict":20},"prompt":"Once upon\n\na time","raw":true,"stream":true}"#)
    }

    @Test func errorsAndModelList() throws {
        let notFound = wire.error(status: 404, headers: [:], body: ProtocolTestValues.data(#"{"error":"model \"llama9\" not found, try pulling it first"}"#), model: "llama9")
        #expect(notFound.kind == .modelNotFound)
        #expect(notFound.message.contains("ollama pull llama9"))
        #expect(notFound.message.contains("try pulling it first"))
        let spec = wire.modelListRequest(endpoint: ProtocolTestValues.endpoint("http://localhost:11434", key: nil), pageToken: nil)
        #expect(spec.url.absoluteString == "http://localhost:11434/api/tags")
        let page = try wire.parseModelList(ProtocolTestValues.data(#"{"models":[{"name":"llama3:8b","model":"llama3:8b","size":1},{"name":"qwen3:0.6b"}]}"#))
        #expect(page == ModelListPage(modelIDs: ["llama3:8b", "qwen3:0.6b"]))
        #expect(wire.makeFramer(contentType: "application/x-ndjson") is NDJSONDecoder)
    }
}
