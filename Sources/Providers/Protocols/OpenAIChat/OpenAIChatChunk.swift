import Foundation

/// One OpenAI Chat Completions stream chunk (also the legacy `/completions` one), decoded leniently.
///
/// Compatible servers add fields (`timings`, `x_groq`, `provider`, `obfuscation`); they are ignored.
struct OpenAIChatChunk: Decodable {
    struct ToolCall: Decodable {
        var index: Int?
        var id: String?
        var name: String?
        var arguments: String?

        enum CodingKeys: String, CodingKey { case index, id, function }
        enum FunctionKeys: String, CodingKey { case name, arguments }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            index = c.lenient(Int.self, .index)
            id = c.lenient(String.self, .id)
            if let function = try? c.nestedContainer(keyedBy: FunctionKeys.self, forKey: .function) {
                name = function.lenient(String.self, .name)
                arguments = function.lenientJSONText(.arguments)
            }
        }
    }

    struct Delta: Decodable {
        var content: String?
        var refusal: String?
        var reasoning: String?
        var reasoningContent: String?
        var toolCalls: [ToolCall]?

        enum CodingKeys: String, CodingKey {
            case content, refusal, reasoning
            case reasoningContent = "reasoning_content"
            case toolCalls = "tool_calls"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            content = c.lenient(String.self, .content)
            refusal = c.lenient(String.self, .refusal)
            reasoning = c.lenient(String.self, .reasoning)
            reasoningContent = c.lenient(String.self, .reasoningContent)
            toolCalls = c.lenient([ToolCall].self, .toolCalls)
        }
    }

    struct Choice: Decodable {
        var index: Int?
        var delta: Delta?
        /// `/completions` streams put the text here instead of in `delta`.
        var text: String?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta, text
            case finishReason = "finish_reason"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            index = c.lenient(Int.self, .index)
            delta = c.lenient(Delta.self, .delta)
            text = c.lenient(String.self, .text)
            finishReason = c.lenient(String.self, .finishReason)
        }
    }

    var choices: [Choice]?
    var usage: OpenAIChatUsage?
    var error: WireErrorPayload?

    enum CodingKeys: String, CodingKey { case choices, usage, error }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        choices = c.lenient([Choice].self, .choices)
        usage = c.lenient(OpenAIChatUsage.self, .usage)
        error = c.lenient(WireErrorPayload.self, .error)
    }
}
