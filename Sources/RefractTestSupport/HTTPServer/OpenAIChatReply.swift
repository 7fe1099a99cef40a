import Foundation

/// A whole OpenAI chat-completions stream answering with `text`, for in-test servers that play a model.
public enum OpenAIChatReply {
    /// The SSE body: the text in one delta, a stop with usage, then `[DONE]`.
    public static func sse(_ text: String, promptTokens: Int = 10, completionTokens: Int? = nil) -> String {
        let content = String(decoding: (try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])) ?? Data("[\"\"]".utf8), as: UTF8.self)
            .dropFirst().dropLast()
        let output = completionTokens ?? max(1, text.count / 4)
        return """
            data: {"id":"t","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":\(content)},"finish_reason":null}]}

            data: {"id":"t","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":\(promptTokens),"completion_tokens":\(output),"total_tokens":\(promptTokens + output)}}

            data: [DONE]


            """
    }

    /// Answers one request with `text` as a stream.
    public static func respond(_ writer: ResponseWriter, text: String) {
        writer.respond(status: 200, headers: [("Content-Type", "text/event-stream")], body: sse(text))
    }

    /// The last user message of a chat request, or "" when there is none.
    public static func lastUserMessage(_ request: HTTPServerRequest) -> String {
        guard let messages = request.jsonBody?["messages"] as? [[String: Any]] else { return "" }
        return messages.last { $0["role"] as? String == "user" }?["content"] as? String ?? ""
    }
}
