import Foundation
import Testing
@testable import Providers

/// Requests and helpers shared by the protocol tests.
enum ProtocolTestValues {
    static let chatRequest = ModelRequest(
        model: "some-model",
        messages: [
            ChatMessage(role: .system, content: "Be brief."),
            ChatMessage(role: .user, content: "Hi"),
            ChatMessage(role: .assistant, content: "Hello"),
            ChatMessage(role: .user, content: "Name a colour"),
        ],
        parameters: GenerationParameters(temperature: 0.5, topP: 0.9, maxTokens: 100, stop: ["END"], seed: 42)
    )

    static let bareRequest = ModelRequest(model: "some-model", messages: [ChatMessage(role: .user, content: "Hi")])

    static let rawRequest = ModelRequest(
        model: "base-model",
        messages: [ChatMessage(role: .system, content: "Once upon"), ChatMessage(role: .user, content: "a time")],
        parameters: GenerationParameters(maxTokens: 20),
        mode: .rawCompletion
    )

    static func endpoint(_ base: String, key: String? = "sk-test-secret-key", extra: HeaderFields = [:]) -> ProviderEndpoint {
        ProviderEndpoint(baseURL: URL(string: base)!, apiKey: key, extraHeaders: extra)
    }

    static func bodyText(_ spec: HTTPRequestSpec) -> String {
        String(decoding: spec.body ?? Data(), as: UTF8.self)
    }

    static func data(_ text: String) -> Data { Data(text.utf8) }
}
