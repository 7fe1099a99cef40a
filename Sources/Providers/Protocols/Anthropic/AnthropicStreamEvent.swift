import Foundation

/// One Anthropic Messages SSE payload; only the fields Refract reads, each decoded leniently.
struct AnthropicStreamEvent: Decodable {
    /// `content_block_start.content_block`.
    struct ContentBlock: Decodable {
        var type: String?
        var id: String?
        var name: String?
        var text: String?
        var thinking: String?

        enum CodingKeys: String, CodingKey { case type, id, name, text, thinking }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = c.lenient(String.self, .type)
            id = c.lenient(String.self, .id)
            name = c.lenient(String.self, .name)
            text = c.lenient(String.self, .text)
            thinking = c.lenient(String.self, .thinking)
        }
    }

    /// `content_block_delta.delta` or `message_delta.delta`.
    struct Delta: Decodable {
        var type: String?
        var text: String?
        var thinking: String?
        var partialJSON: String?
        var stopReason: String?

        enum CodingKeys: String, CodingKey {
            case type, text, thinking
            case partialJSON = "partial_json"
            case stopReason = "stop_reason"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = c.lenient(String.self, .type)
            text = c.lenient(String.self, .text)
            thinking = c.lenient(String.self, .thinking)
            partialJSON = c.lenient(String.self, .partialJSON)
            stopReason = c.lenient(String.self, .stopReason)
        }
    }

    /// `message_start.message`.
    struct Message: Decodable {
        var usage: AnthropicUsage?

        enum CodingKeys: String, CodingKey { case usage }

        init(from decoder: any Decoder) throws {
            usage = try decoder.container(keyedBy: CodingKeys.self).lenient(AnthropicUsage.self, .usage)
        }
    }

    var type: String?
    var index: Int?
    var message: Message?
    var contentBlock: ContentBlock?
    var delta: Delta?
    var usage: AnthropicUsage?
    var error: WireErrorPayload?

    enum CodingKeys: String, CodingKey {
        case type, index, message, delta, usage, error
        case contentBlock = "content_block"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = c.lenient(String.self, .type)
        index = c.lenient(Int.self, .index)
        message = c.lenient(Message.self, .message)
        contentBlock = c.lenient(ContentBlock.self, .contentBlock)
        delta = c.lenient(Delta.self, .delta)
        usage = c.lenient(AnthropicUsage.self, .usage)
        error = c.lenient(WireErrorPayload.self, .error)
    }
}
