import Foundation

/// The JSON body of `POST /responses` with `stream: true`.
struct OpenAIResponsesRequestBody: Encodable, Equatable {
    struct InputMessage: Encodable, Equatable {
        var role: String
        var content: String
        /// Images, sent as `input_image` parts (see `OpenAIResponsesRequestBody+Attachments`).
        var attachments: [MessageAttachment] = []
    }

    /// One input item: a message, or a tool step (`function_call`, `function_call_output`).
    enum InputItem: Encodable, Equatable {
        case message(InputMessage)
        case item(JSONValue)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .message(let m): try m.encode(to: encoder)
            case .item(let v): try v.encode(to: encoder)
            }
        }
    }

    var model: String
    var instructions: String?
    var input: [InputItem]
    var stream = true
    var maxOutputTokens: Int?
    var temperature: Double?
    var topP: Double?
    /// Alternatives per token; with `include` asking for them, each text delta carries its tokens.
    var topLogprobs: Int?
    var include: [String]?
    /// Structured output: `text: {format: {type: json_schema, name, schema, strict}}`.
    var text: OpenAIResponsesText?
    var tools: [JSONValue]?
    var toolChoice: JSONValue?

    enum CodingKeys: String, CodingKey {
        case model, instructions, input, stream, temperature, include, text, tools
        case toolChoice = "tool_choice"
        case maxOutputTokens = "max_output_tokens"
        case topP = "top_p"
        case topLogprobs = "top_logprobs"
    }

    init(_ request: ModelRequest) {
        model = request.model
        instructions = request.systemPrompt
        input = request.conversation.flatMap { message -> [InputItem] in
            if let items = OpenAIResponsesTools.items(message) { return items.map(InputItem.item) }
            return [.message(InputMessage(role: message.role == .assistant ? "assistant" : "user", content: message.content, attachments: message.attachments))]
        }
        tools = OpenAIResponsesTools.tools(request.tools)
        toolChoice = OpenAIResponsesTools.choice(request.toolChoice, hasTools: tools != nil)
        maxOutputTokens = request.parameters.maxTokens
        temperature = request.parameters.temperature
        topP = request.parameters.topP
        if let k = request.parameters.logprobs {
            topLogprobs = min(max(k, 0), 20)
            include = ["message.output_text.logprobs"]
        }
        text = request.responseSchema.map(OpenAIResponsesText.init)
        // The Responses API has no stop sequences and no seed: they are left out.
    }
}
