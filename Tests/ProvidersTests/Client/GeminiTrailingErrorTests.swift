import Foundation
import RefractTestSupport
import Testing
@testable import Providers

/// Gemini over a real socket: a bare JSON error appended after the last chunk (the shape of the real
/// capture in vercel/ai#5217) must fail the run, keeping the text, as google-genai raises on it.
@Suite struct GeminiTrailingErrorTests {
    /// Two `alt=sse` events (the second an empty text with the finish reason)…
    static let chunks = "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"The answer is\"}],\"role\": \"model\"},\"index\": 0}],\"modelVersion\": \"gemini-2.0-flash\"}\r\n\r\n"
        + "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"\"}],\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 9,\"candidatesTokenCount\": 3,\"totalTokenCount\": 12},\"modelVersion\": \"gemini-2.0-flash\"}\r\n\r\n"
    /// …then the error, pretty-printed and without `data:`.
    static let trailingError = "{\n  \"error\": {\n    \"code\": 503,\n    \"message\": \"The model is overloaded. Please try again later.\",\n    \"status\": \"UNAVAILABLE\"\n  }\n}\n"

    @Test func aBareErrorAfterTheFinishReasonFailsTheRunAndKeepsTheText() async throws {
        let server = try HTTPServer { _, writer in
            writer.writeHead(status: 200, headers: [("Content-Type", "text/event-stream")])
            // The error comes in its own write, after a pause, as it would after the last chunk.
            _ = writer.write(Self.chunks)
            _ = writer.sleep(0.05)
            _ = writer.write(Self.trailingError)
            writer.end()
        }
        defer { server.stop() }
        let client = ProviderClient(
            wireProtocol: GeminiProtocol(),
            endpoint: ProviderEndpoint(baseURL: URL(string: server.baseURL.absoluteString + "/v1beta")!, apiKey: "k"),
            transport: SharedTestTransport.transport, retryPolicy: .none, readTimeout: 5
        )
        let parts = await client.collect(ModelRequest(model: "gemini-2.0-flash", messages: [ChatMessage(role: .user, content: "hi")]))
        var run = RunAccumulator()
        for part in parts { run.add(part) }
        #expect(run.text == "The answer is")
        let error = try #require(run.error)
        #expect(error.kind == .overloaded)
        #expect(error.message.contains("The model is overloaded. Please try again later."))
        #expect(error.message.contains("partial answer was kept"))
        #expect(run.reportedFinish?.kind == .error)
        #expect(run.usage?.output == 3)
    }
}
