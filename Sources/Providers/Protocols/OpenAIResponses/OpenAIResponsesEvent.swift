import Foundation

/// One OpenAI Responses stream event; only the fields Refract reads, each decoded leniently.
struct OpenAIResponsesEvent: Decodable {
    /// `response.output_item.added.item`.
    struct Item: Decodable {
        var type: String?
        var callID: String?
        var name: String?
        var arguments: String?

        enum CodingKeys: String, CodingKey {
            case type, name, arguments
            case callID = "call_id"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = c.lenient(String.self, .type)
            callID = c.lenient(String.self, .callID)
            name = c.lenient(String.self, .name)
            arguments = c.lenient(String.self, .arguments)
        }
    }

    /// The `response` object carried by `response.completed|incomplete|failed`.
    struct Response: Decodable {
        var usage: OpenAIResponsesUsage?
        var incompleteReason: String?
        var error: WireErrorPayload?

        enum CodingKeys: String, CodingKey {
            case usage, error
            case incompleteDetails = "incomplete_details"
        }
        enum IncompleteKeys: String, CodingKey { case reason }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            usage = c.lenient(OpenAIResponsesUsage.self, .usage)
            error = c.lenient(WireErrorPayload.self, .error)
            if let details = try? c.nestedContainer(keyedBy: IncompleteKeys.self, forKey: .incompleteDetails) {
                incompleteReason = details.lenient(String.self, .reason)
            }
        }
    }

    var type: String?
    var delta: String?
    var outputIndex: Int?
    var summaryIndex: Int?
    var item: Item?
    var response: Response?
    /// The wire nests the error (`{"type":"error","error":{…}}`)…
    var error: WireErrorPayload?
    /// …while the SDK type declares it flat (`code`, `message`): both are read.
    var code: FlexibleString?
    var message: String?

    enum CodingKeys: String, CodingKey {
        case type, delta, item, response, error, code, message
        case outputIndex = "output_index"
        case summaryIndex = "summary_index"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = c.lenient(String.self, .type)
        delta = c.lenient(String.self, .delta)
        outputIndex = c.lenient(Int.self, .outputIndex)
        summaryIndex = c.lenient(Int.self, .summaryIndex)
        item = c.lenient(Item.self, .item)
        response = c.lenient(Response.self, .response)
        error = c.lenient(WireErrorPayload.self, .error)
        code = c.lenient(FlexibleString.self, .code)
        message = c.lenient(String.self, .message)
    }

    /// The error of an `error` event, nested or flat.
    var errorPayload: WireErrorPayload {
        error ?? WireErrorPayload(message: message, code: code)
    }
}
