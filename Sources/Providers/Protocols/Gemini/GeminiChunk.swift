import Foundation

/// One Gemini `GenerateContentResponse` chunk; only the fields Refract reads, each decoded leniently.
struct GeminiChunk: Decodable {
    struct FunctionCall: Decodable {
        var id: String?
        var name: String?
        var args: JSONValue?

        enum CodingKeys: String, CodingKey { case id, name, args }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenient(String.self, .id)
            name = c.lenient(String.self, .name)
            args = c.lenient(JSONValue.self, .args)
        }
    }

    struct Part: Decodable {
        var text: String?
        var thought: Bool?
        var functionCall: FunctionCall?

        enum CodingKeys: String, CodingKey { case text, thought, functionCall }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = c.lenient(String.self, .text)
            thought = c.lenient(Bool.self, .thought)
            functionCall = c.lenient(FunctionCall.self, .functionCall)
        }
    }

    struct Candidate: Decodable {
        var index: Int?
        var parts: [Part]
        var finishReason: String?

        enum CodingKeys: String, CodingKey { case index, content, finishReason }
        enum ContentKeys: String, CodingKey { case parts }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            index = c.lenient(Int.self, .index)
            finishReason = c.lenient(String.self, .finishReason)
            let content = try? c.nestedContainer(keyedBy: ContentKeys.self, forKey: .content)
            parts = content?.lenient([Part].self, .parts) ?? []
        }
    }

    var candidates: [Candidate]?
    var usageMetadata: GeminiUsageMetadata?
    var blockReason: String?
    var error: WireErrorPayload?

    enum CodingKeys: String, CodingKey { case candidates, usageMetadata, promptFeedback, error }
    enum FeedbackKeys: String, CodingKey { case blockReason }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        candidates = c.lenient([Candidate].self, .candidates)
        usageMetadata = c.lenient(GeminiUsageMetadata.self, .usageMetadata)
        error = c.lenient(WireErrorPayload.self, .error)
        if let feedback = try? c.nestedContainer(keyedBy: FeedbackKeys.self, forKey: .promptFeedback) {
            blockReason = feedback.lenient(String.self, .blockReason)
        }
    }
}
