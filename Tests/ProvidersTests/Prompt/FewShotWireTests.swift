import Foundation
import RefractTestSupport
import Testing
@testable import Providers

/// Few-shot examples as each provider receives them: the real client and transport send a prompt with
/// two examples to the fault server on a socket, and the test reads back the exact body the server got.
/// The encoders' unit tests check shapes with one assistant turn; these check that a whole prompt
/// (system, instruction in the first user turn only, filled variables, several turns) survives the wire.
@Suite(.serialized) struct FewShotWireTests {
    /// A model name the fault server answers with two tokens and a clean finish.
    static let model = "ok,tokens=2"

    static let prompt = Prompt(
        system: "Answer with one word.",
        instruction: "Classify the sentiment.",
        input: "{{review}}",
        variables: ["review": "The \"battery\" died.", "thing": "screen"],
        examples: [
            FewShotExample(input: "I love the {{thing}}.", output: "positive"),
            FewShotExample(input: "It broke on day two.", output: "negative"),
        ]
    )

    static let parameters = GenerationParameters(temperature: 0, maxTokens: 16, seed: 7)

    struct Received {
        let path: String
        let body: String
        let text: String
    }

    /// Sends `prompt` in `mode` over `wire` and returns what the server received and what came back.
    func send(_ wire: any WireProtocol, basePath: String, mode: RequestMode, prompt: Prompt = Self.prompt) async throws -> Received {
        let server = try FaultServer()
        defer { server.stop() }
        let client = ProviderClient(
            wireProtocol: wire, endpoint: ProviderEndpoint(baseURL: URL(string: server.baseURL.absoluteString + basePath)!, apiKey: "sk-wire-test"),
            transport: SharedTestTransport.transport, retryPolicy: .none, readTimeout: 5, clock: VirtualClock(), jitter: { 0 }
        )
        let request = try prompt.request(model: Self.model, parameters: Self.parameters, mode: mode)
        let parts = await client.collect(request)
        let requests = server.http.requests
        try #require(requests.count == 1)
        return Received(path: requests[0].path, body: requests[0].bodyText, text: parts.text)
    }

    @Test func anthropicGetsUserAndAssistantTurnsAndATopLevelSystem() async throws {
        let got = try await send(AnthropicProtocol(), basePath: "/v1", mode: .chat)
        #expect(got.path == "/v1/messages")
        #expect(got.body == #"{"max_tokens":16,"messages":[{"content":"Classify the sentiment.\n\nI love the screen.","role":"user"},{"content":"positive","role":"assistant"},{"content":"It broke on day two.","role":"user"},{"content":"negative","role":"assistant"},{"content":"The \"battery\" died.","role":"user"}],"model":"ok,tokens=2","stream":true,"system":"Answer with one word.","temperature":0}"#)
        #expect(got.text == FaultText.answer(tokens: 2))
    }

    @Test func openAIChatGetsSystemUserAndAssistantRoles() async throws {
        let got = try await send(OpenAIChatProtocol(), basePath: "/v1", mode: .chat)
        #expect(got.path == "/v1/chat/completions")
        #expect(got.body == #"{"max_tokens":16,"messages":[{"content":"Answer with one word.","role":"system"},{"content":"Classify the sentiment.\n\nI love the screen.","role":"user"},{"content":"positive","role":"assistant"},{"content":"It broke on day two.","role":"user"},{"content":"negative","role":"assistant"},{"content":"The \"battery\" died.","role":"user"}],"model":"ok,tokens=2","seed":7,"stream":true,"stream_options":{"include_usage":true},"temperature":0}"#)
        #expect(got.text == FaultText.answer(tokens: 2))
    }

    @Test func openAIResponsesGetsInputItemsWithRolesAndTheSystemAsInstructions() async throws {
        let got = try await send(OpenAIResponsesProtocol(), basePath: "/v1", mode: .chat)
        #expect(got.path == "/v1/responses")
        #expect(got.body == #"{"input":[{"content":"Classify the sentiment.\n\nI love the screen.","role":"user"},{"content":"positive","role":"assistant"},{"content":"It broke on day two.","role":"user"},{"content":"negative","role":"assistant"},{"content":"The \"battery\" died.","role":"user"}],"instructions":"Answer with one word.","max_output_tokens":16,"model":"ok,tokens=2","stream":true,"temperature":0}"#)
        #expect(got.text == FaultText.answer(tokens: 2))
    }

    @Test func geminiGetsUserAndModelContentsAndASystemInstruction() async throws {
        let got = try await send(GeminiProtocol(), basePath: "/v1beta", mode: .chat)
        #expect(got.path == "/v1beta/models/ok,tokens=2:streamGenerateContent")
        #expect(got.body == #"{"contents":[{"parts":[{"text":"Classify the sentiment.\n\nI love the screen."}],"role":"user"},{"parts":[{"text":"positive"}],"role":"model"},{"parts":[{"text":"It broke on day two."}],"role":"user"},{"parts":[{"text":"negative"}],"role":"model"},{"parts":[{"text":"The \"battery\" died."}],"role":"user"}],"generationConfig":{"maxOutputTokens":16,"seed":7,"temperature":0},"systemInstruction":{"parts":[{"text":"Answer with one word."}]}}"#)
        #expect(got.text == FaultText.answer(tokens: 2))
    }

    @Test func ollamaChatGetsSystemUserAndAssistantMessages() async throws {
        let got = try await send(OllamaProtocol(), basePath: "", mode: .chat)
        #expect(got.path == "/api/chat")
        #expect(got.body == #"{"messages":[{"content":"Answer with one word.","role":"system"},{"content":"Classify the sentiment.\n\nI love the screen.","role":"user"},{"content":"positive","role":"assistant"},{"content":"It broke on day two.","role":"user"},{"content":"negative","role":"assistant"},{"content":"The \"battery\" died.","role":"user"}],"model":"ok,tokens=2","options":{"num_predict":16,"seed":7,"temperature":0},"stream":true}"#)
        #expect(got.text == FaultText.answer(tokens: 2))
    }

    /// The text a base model continues: system and instruction once, each example as `Input:`/`Output:`,
    /// the real input with its output left open, and a stop before the model invents the next pair.
    static let pattern = "Answer with one word.\n\nClassify the sentiment.\n\nInput: I love the screen.\nOutput: positive\n\nInput: It broke on day two.\nOutput: negative\n\nInput: The \"battery\" died.\nOutput:"

    @Test func rawModeSendsThePatternToCompletionsWithTheNextInputAsStop() async throws {
        let got = try await send(OpenAIChatProtocol(), basePath: "/v1", mode: .rawCompletion)
        #expect(got.path == "/v1/completions")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(got.body.utf8)) as? [String: Any])
        #expect(body["prompt"] as? String == Self.pattern)
        #expect(body["stop"] as? [String] == ["\nInput:"])
        #expect(body["messages"] == nil)
        #expect(got.body == #"{"max_tokens":16,"model":"ok,tokens=2","prompt":"Answer with one word.\n\nClassify the sentiment.\n\nInput: I love the screen.\nOutput: positive\n\nInput: It broke on day two.\nOutput: negative\n\nInput: The \"battery\" died.\nOutput:","seed":7,"stop":["\nInput:"],"stream":true,"stream_options":{"include_usage":true},"temperature":0}"#)
        #expect(got.text == FaultText.answer(tokens: 2))
    }

    @Test func rawModeSendsThePatternToOllamaGenerateAsRaw() async throws {
        let got = try await send(OllamaProtocol(), basePath: "", mode: .rawCompletion)
        #expect(got.path == "/api/generate")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(got.body.utf8)) as? [String: Any])
        #expect(body["prompt"] as? String == Self.pattern)
        #expect(body["raw"] as? Bool == true)
        #expect(got.body == #"{"model":"ok,tokens=2","options":{"num_predict":16,"seed":7,"stop":["\nInput:"],"temperature":0},"prompt":"Answer with one word.\n\nClassify the sentiment.\n\nInput: I love the screen.\nOutput: positive\n\nInput: It broke on day two.\nOutput: negative\n\nInput: The \"battery\" died.\nOutput:","raw":true,"stream":true}"#)
        #expect(got.text == FaultText.answer(tokens: 2))
    }

    @Test func aCustomRawFormatReachesTheServerWithItsOwnStop() async throws {
        var prompt = Self.prompt
        prompt.system = ""
        prompt.rawFormat = RawExampleFormat(inputPrefix: "Review: ", outputPrefix: "Sentiment: ", separator: "\n###\n")
        let got = try await send(OpenAIChatProtocol(), basePath: "/v1", mode: .rawCompletion, prompt: prompt)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(got.body.utf8)) as? [String: Any])
        #expect(body["prompt"] as? String == "Classify the sentiment.\n###\nReview: I love the screen.\nSentiment: positive\n###\nReview: It broke on day two.\nSentiment: negative\n###\nReview: The \"battery\" died.\nSentiment:")
        #expect(body["stop"] as? [String] == ["\nReview:"])
    }
}
