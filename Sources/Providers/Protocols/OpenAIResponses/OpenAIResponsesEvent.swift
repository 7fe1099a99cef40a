import Foundation

/// One OpenAI Responses stream event; only the fields Refract reads, each decoded leniently.
struct OpenAIResponsesEvent: Decodable {
    /// `response.output_item.added.item`.
    struct Item: Decodable {
        @Lenient var type: String?
        @Lenient var callID: String?
        @Lenient var name: String?
        @Lenient var arguments: String?

        enum CodingKeys: String, CodingKey {
            case type, name, arguments
            case callID = "call_id"
        }
    }

    /// The `response` object carried by `response.completed|incomplete|failed`.
    struct Response: Decodable {
        /// `incomplete_details`.
        struct IncompleteDetails: Decodable {
            @Lenient var reason: String?
        }

        @Lenient var usage: OpenAIResponsesUsage?
        @Lenient var error: WireErrorPayload?
        @Lenient var incompleteDetails: IncompleteDetails?

        enum CodingKeys: String, CodingKey {
            case usage, error
            case incompleteDetails = "incomplete_details"
        }

        var incompleteReason: String? { incompleteDetails?.reason }
    }

    @Lenient var type: String?
    @Lenient var delta: String?
    /// `response.output_text.delta` with `include: ["message.output_text.logprobs"]`: the delta's tokens.
    @Lenient var logprobs: [WireTokenLogprob]?
    @Lenient var outputIndex: Int?
    @Lenient var summaryIndex: Int?
    @Lenient var item: Item?
    @Lenient var response: Response?
    /// The wire nests the error (`{"type":"error","error":{…}}`)…
    @Lenient var error: WireErrorPayload?
    /// …while the SDK type declares it flat (`code`, `message`): both are read.
    @Lenient var code: FlexibleString?
    @Lenient var message: String?

    enum CodingKeys: String, CodingKey {
        case type, delta, item, response, error, code, message, logprobs
        case outputIndex = "output_index"
        case summaryIndex = "summary_index"
    }

    /// The error of an `error` event, nested or flat.
    var errorPayload: WireErrorPayload {
        error ?? WireErrorPayload(message: message, code: code)
    }
}
