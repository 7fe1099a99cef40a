import Foundation
import Testing
@testable import Providers

/// Builds a Gemini `alt=sse` body: CRLF-framed `data:` events.
private func sse(_ chunks: [String]) -> String {
    chunks.map { "data: \($0)\r\n\r\n" }.joined()
}

private func chunk(_ parts: String, finish: String? = nil, usage: String? = nil) -> String {
    var text = #"{"candidates": [{"content": {"parts": \#(parts),"role": "model"},"#
    if let finish { text += #""finishReason": "\#(finish)","# }
    text += #""index": 0}]"#
    if let usage { text += #","usageMetadata": \#(usage)"# }
    return text + #","modelVersion": "gemini-2.5-flash","responseId": "ru1g"}"#
}

@Suite struct GeminiTests {
    private let wire = GeminiProtocol()

    @Test func textThoughtsUsageAndFinishOverCRLFFraming() {
        let body = sse([
            chunk(#"[{"text": "Considering","thought": true}]"#, usage: #"{"promptTokenCount": 18,"totalTokenCount": 53,"thoughtsTokenCount": 35}"#),
            chunk(#"[{"text": "1\n2\n13\n1"}]"#, usage: #"{"promptTokenCount": 18,"candidatesTokenCount": 31,"totalTokenCount": 84,"thoughtsTokenCount": 35}"#),
            chunk(#"[{"text": "4\n15"}]"#, finish: "STOP", usage: #"{"promptTokenCount": 18,"candidatesTokenCount": 80,"totalTokenCount": 133,"thoughtsTokenCount": 35,"cachedContentTokenCount": 4}"#),
        ])
        let parts = SplitFeeding.partsAllWays(.gemini, body)
        let run = SplitFeeding.run(parts)
        #expect(run.reasoning == "Considering")
        #expect(run.text == "1\n2\n13\n14\n15")
        #expect(run.usage == Usage(input: 18, output: 115, cacheRead: 4, reasoning: 35))
        #expect(run.finish == FinishReason(.stop, raw: "STOP"))
        #expect(run.error == nil)
        #expect(parts.first == .reasoningDelta("Considering"))
    }

    @Test func functionCallArrivesWholeAsOneDelta() {
        let body = sse([
            chunk(#"[{"functionCall": {"name": "get_country","args": {"code": "FR","n": 2}},"thoughtSignature": "EjQK"}]"#),
            chunk(#"[{"text": ""}]"#, finish: "STOP", usage: #"{"promptTokenCount": 29,"candidatesTokenCount": 10,"thoughtsTokenCount": 202}"#),
        ])
        let parts = SplitFeeding.partsAllWays(.gemini, body)
        var call = ToolCallDelta(index: 0, name: "get_country", argumentsDelta: #"{"code":"FR","n":2}"#)
        call.signature = "EjQK"
        #expect(parts.first == .toolCallDelta(call))
        let run = SplitFeeding.run(parts)
        #expect(run.finish == FinishReason(.toolCalls, raw: "STOP"))
        #expect(run.usage?.output == 212)
    }

    @Test func finishReasonsAreNormalised() {
        let cases: [(String, FinishReason.Kind)] = [
            ("STOP", .stop), ("MAX_TOKENS", .length), ("SAFETY", .contentFilter), ("RECITATION", .contentFilter),
            ("BLOCKLIST", .contentFilter), ("PROHIBITED_CONTENT", .contentFilter), ("SPII", .contentFilter),
            ("IMAGE_SAFETY", .contentFilter), ("LANGUAGE", .other), ("MALFORMED_FUNCTION_CALL", .other),
        ]
        for (raw, kind) in cases {
            #expect(GeminiFinishReason.map(raw, calledFunctions: false) == FinishReason(kind, raw: raw))
        }
    }

    @Test func noFinishReasonIsAStreamCut() {
        let parts = SplitFeeding.partsAllWays(.gemini, sse([chunk(#"[{"text": "1, 2"}]"#)]))
        #expect(parts == [.textDelta("1, 2"), .error(ProviderError(kind: .streamCut, message: "the stream ended before a finishReason; the partial answer was kept"))])
    }

    @Test func bareJSONErrorAfterDataEventsFailsTheStream() {
        let body = sse([chunk(#"[{"text": "partial"}]"#)]) + """
        {
          "error": {
            "code": 503,
            "message": "The model is overloaded. Please try again later.",
            "status": "UNAVAILABLE"
          }
        }

        """
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.gemini, body))
        #expect(run.text == "partial")
        #expect(run.error?.kind == .overloaded)
        #expect(run.error?.message.contains("The model is overloaded") == true)
    }

    @Test func errorAfterTheFinishReasonFailsTheRunAndKeepsTheText() {
        let body = sse([chunk(#"[{"text": "done"}]"#), chunk(#"[{"text": ""}]"#, finish: "STOP")])
            + "{\n  \"error\": {\"code\": 503, \"message\": \"overloaded\", \"status\": \"UNAVAILABLE\"}\n}\n"
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.gemini, body))
        #expect(run.text == "done")
        #expect(run.error?.kind == .overloaded)
        #expect(run.error?.message.contains("partial answer was kept") == true)
        #expect(run.warnings.isEmpty)
    }

    @Test func errorAsADataChunkFailsTheStream() {
        let body = sse([#"{"error": {"code": 429, "message": "Resource has been exhausted", "status": "RESOURCE_EXHAUSTED"}}"#])
        #expect(SplitFeeding.run(SplitFeeding.partsAllWays(.gemini, body)).error?.kind == .rateLimited)
    }

    @Test func jsonArrayBodyIsDecodedWithTheArrayFramer() {
        let body = "[{\n  \"candidates\": [\n    {\n      \"content\": {\n        \"parts\": [\n          {\n            \"text\": \"**Considering** {braces}\",\n            \"thought\": true\n          }\n        ],\n        \"role\": \"model\"\n      },\n      \"index\": 0\n    }\n  ],\n  \"usageMetadata\": {\n    \"promptTokenCount\": 11,\n    \"totalTokenCount\": 11\n  }\n}\n,\r\n{\n  \"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Scoop\"}], \"role\": \"model\"}, \"finishReason\": \"STOP\", \"index\": 0}],\n  \"usageMetadata\": {\"promptTokenCount\": 11, \"candidatesTokenCount\": 2, \"thoughtsTokenCount\": 291}\n}\n]"
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.gemini, body))
        #expect(run.reasoning == "**Considering** {braces}")
        #expect(run.text == "Scoop")
        #expect(run.usage == Usage(input: 11, output: 293, reasoning: 291))
        #expect(run.finish?.kind == .stop)
        #expect(wire.makeFramer(contentType: "application/json; charset=UTF-8") is JSONArrayStreamDecoder)
        #expect(wire.makeFramer(contentType: "text/event-stream") is SSEDecoder)
    }

    @Test func blockedPromptFinishesAsContentFilter() {
        let body = sse([#"{"promptFeedback": {"blockReason": "SAFETY"}, "usageMetadata": {"promptTokenCount": 7}}"#])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.gemini, body))
        #expect(run.finish == FinishReason(.contentFilter, raw: "SAFETY"))
        #expect(run.error == nil)
    }

    @Test func unknownPartsAndFieldsAreIgnored() {
        let body = sse([
            #"{"candidates": [{"content": {"parts": [{"inlineData": {"mimeType": "image/png", "data": "iVBO"}}, {"executableCode": {"code": "print(1)"}}, {"text": "ok", "newField": {"x": [1]}}]}, "index": 0, "safetyRatings": [], "citationMetadata": {}}], "usageMetadata": {"promptTokenCount": "not a number", "candidatesTokenCount": 1}, "futureField": true}"#,
            chunk(#"[{"text": "!"}]"#, finish: "STOP"),
        ])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.gemini, body))
        #expect(run.text == "ok!")
        #expect(run.usage == Usage(output: 1))
        #expect(run.warnings.isEmpty)
        #expect(run.error == nil)
    }

    @Test func otherCandidatesGiveOneWarning() {
        let body = sse([#"{"candidates": [{"content": {"parts": [{"text": "a"}]}, "index": 0}, {"content": {"parts": [{"text": "b"}]}, "index": 1, "finishReason": "STOP"}]}"#, chunk(#"[{"text": "c"}]"#, finish: "STOP")])
        let run = SplitFeeding.run(SplitFeeding.partsAllWays(.gemini, body))
        #expect(run.text == "ac")
        #expect(run.warnings.count == 1)
    }

    @Test func requestEncodesCamelCaseBodyAndKeyHeader() throws {
        let spec = try wire.streamRequest(for: ProtocolTestValues.chatRequest, endpoint: ProtocolTestValues.endpoint("https://generativelanguage.googleapis.com/v1beta", key: "AIzaSyTestKey123456"))
        #expect(spec.url.absoluteString == "https://generativelanguage.googleapis.com/v1beta/models/some-model:streamGenerateContent?alt=sse")
        #expect(spec.headers["x-goog-api-key"] == "AIzaSyTestKey123456")
        #expect(spec.headers["Authorization"] == nil)
        #expect(ProtocolTestValues.bodyText(spec) == #"{"contents":[{"parts":[{"text":"Hi"}],"role":"user"},{"parts":[{"text":"Hello"}],"role":"model"},{"parts":[{"text":"Name a colour"}],"role":"user"}],"generationConfig":{"maxOutputTokens":100,"seed":42,"stopSequences":["END"],"temperature":0.5,"topP":0.9},"systemInstruction":{"parts":[{"text":"Be brief."}]}}"#)
        var prefixed = ProtocolTestValues.bareRequest
        prefixed.model = "models/gemini-2.5-flash"
        let bare = try wire.streamRequest(for: prefixed, endpoint: ProtocolTestValues.endpoint("https://generativelanguage.googleapis.com/v1beta/"))
        #expect(bare.url.absoluteString == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
        #expect(ProtocolTestValues.bodyText(bare) == #"{"contents":[{"parts":[{"text":"Hi"}],"role":"user"}]}"#)
        #expect(throws: ProviderError.self) {
            try wire.streamRequest(for: ProtocolTestValues.rawRequest, endpoint: ProtocolTestValues.endpoint("https://generativelanguage.googleapis.com/v1beta"))
        }
    }

    @Test func rateLimitUsesRetryDelayFromTheBody() {
        let body = #"{"error":{"code":429,"message":"You exceeded your current quota.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"34.4s"}]}}"#
        let error = wire.error(status: 429, headers: [:], body: ProtocolTestValues.data(body), model: "gemini-x")
        #expect(error.kind == .rateLimited)
        #expect(error.retryAfter == 34.4)
    }

    @Test func invalidKeyOn400IsUnauthorizedAndRedacted() {
        let body = #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key. (AIzaSyAbCdEfGhIjKlMnOp)","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}"#
        let error = wire.error(status: 400, headers: [:], body: ProtocolTestValues.data(body), model: "gemini-x")
        #expect(error.kind == .unauthorized)
        #expect(error.message.contains("GEMINI_API_KEY"))
        #expect(!error.message.contains("AIzaSyAbCdEfGhIjKlMnOp"))
    }

    @Test func modelListFiltersGenerateContentAndStripsPrefix() throws {
        let spec = wire.modelListRequest(endpoint: ProtocolTestValues.endpoint("https://generativelanguage.googleapis.com/v1beta", key: "AIzaKey"), pageToken: "tok2")
        #expect(spec.url.absoluteString == "https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000&pageToken=tok2")
        #expect(spec.headers["x-goog-api-key"] == "AIzaKey")
        let body = #"{"models":[{"name":"models/gemini-2.5-flash","supportedGenerationMethods":["generateContent","countTokens"]},{"name":"models/text-embedding-004","supportedGenerationMethods":["embedContent"]}],"nextPageToken":"tok3"}"#
        #expect(try wire.parseModelList(ProtocolTestValues.data(body)) == ModelListPage(modelIDs: ["gemini-2.5-flash"], nextPageToken: "tok3"))
        #expect(try wire.parseModelList(ProtocolTestValues.data(#"{"models":[]}"#)) == ModelListPage(modelIDs: []))
    }
}
