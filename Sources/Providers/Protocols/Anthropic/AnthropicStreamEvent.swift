import Foundation

/// One Anthropic Messages SSE payload; only the fields Refract reads, each decoded leniently.
struct AnthropicStreamEvent: Decodable {
    /// `content_block_start.content_block`.
    struct ContentBlock: Decodable {
        @Lenient var type: String?
        @Lenient var id: String?
        @Lenient var name: String?
        @Lenient var text: String?
        @Lenient var thinking: String?
    }

    /// `content_block_delta.delta` or `message_delta.delta`.
    struct Delta: Decodable {
        @Lenient var type: String?
        @Lenient var text: String?
        @Lenient var thinking: String?
        @Lenient var partialJSON: String?
        @Lenient var stopReason: String?

        enum CodingKeys: String, CodingKey {
            case type, text, thinking
            case partialJSON = "partial_json"
            case stopReason = "stop_reason"
        }
    }

    /// `message_start.message`.
    struct Message: Decodable {
        @Lenient var usage: AnthropicUsage?
    }

    @Lenient var type: String?
    @Lenient var index: Int?
    @Lenient var message: Message?
    @Lenient var contentBlock: ContentBlock?
    @Lenient var delta: Delta?
    @Lenient var usage: AnthropicUsage?
    @Lenient var error: WireErrorPayload?

    enum CodingKeys: String, CodingKey {
        case type, index, message, delta, usage, error
        case contentBlock = "content_block"
    }
}
