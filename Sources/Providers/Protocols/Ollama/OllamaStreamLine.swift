import Foundation

/// One NDJSON line of Ollama's `/api/chat` or `/api/generate` stream, decoded leniently.
struct OllamaStreamLine: Decodable {
    struct ToolCall: Decodable {
        var id: String?
        var name: String?
        var arguments: String?

        enum CodingKeys: String, CodingKey { case id, function }
        enum FunctionKeys: String, CodingKey { case name, arguments }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenient(String.self, .id)
            if let function = try? c.nestedContainer(keyedBy: FunctionKeys.self, forKey: .function) {
                name = function.lenient(String.self, .name)
                // Ollama sends the arguments as an object, not as JSON text.
                arguments = function.lenientJSONText(.arguments)
            }
        }
    }

    struct Message: Decodable {
        var content: String?
        var thinking: String?
        var toolCalls: [ToolCall]?

        enum CodingKeys: String, CodingKey {
            case content, thinking
            case toolCalls = "tool_calls"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            content = c.lenient(String.self, .content)
            thinking = c.lenient(String.self, .thinking)
            toolCalls = c.lenient([ToolCall].self, .toolCalls)
        }
    }

    var message: Message?
    /// `/api/generate` puts the text here.
    var response: String?
    /// `/api/generate` with thinking puts the reasoning here.
    var thinking: String?
    var done: Bool?
    var doneReason: String?
    var promptEvalCount: Int?
    var evalCount: Int?
    var error: WireErrorPayload?

    enum CodingKeys: String, CodingKey {
        case message, response, thinking, done, error
        case doneReason = "done_reason"
        case promptEvalCount = "prompt_eval_count"
        case evalCount = "eval_count"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        message = c.lenient(Message.self, .message)
        response = c.lenient(String.self, .response)
        thinking = c.lenient(String.self, .thinking)
        done = c.lenient(Bool.self, .done)
        doneReason = c.lenient(String.self, .doneReason)
        promptEvalCount = c.lenient(Int.self, .promptEvalCount)
        evalCount = c.lenient(Int.self, .evalCount)
        error = c.lenient(WireErrorPayload.self, .error)
    }
}
