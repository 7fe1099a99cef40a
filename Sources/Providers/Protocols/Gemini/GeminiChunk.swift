import Foundation

/// One Gemini `GenerateContentResponse` chunk; only the fields Refract reads, each decoded leniently.
struct GeminiChunk: Decodable {
    struct FunctionCall: Decodable {
        @Lenient var id: String?
        @Lenient var name: String?
        @Lenient var args: JSONValue?
    }

    struct Part: Decodable {
        @Lenient var text: String?
        @Lenient var thought: Bool?
        @Lenient var functionCall: FunctionCall?
        /// Gemini's opaque note on its thinking, to be sent back with the part it came on.
        @Lenient var thoughtSignature: String?
    }

    struct Candidate: Decodable {
        /// `candidates[].content`.
        struct Content: Decodable {
            @Lenient var parts: [Part]?
        }

        @Lenient var index: Int?
        @Lenient var content: Content?
        @Lenient var finishReason: String?
        @Lenient var logprobsResult: GeminiLogprobsResult?

        var parts: [Part] { content?.parts ?? [] }
    }

    /// `promptFeedback`: set when the prompt itself was blocked.
    struct PromptFeedback: Decodable {
        @Lenient var blockReason: String?
    }

    @Lenient var candidates: [Candidate]?
    @Lenient var usageMetadata: GeminiUsageMetadata?
    @Lenient var promptFeedback: PromptFeedback?
    @Lenient var error: WireErrorPayload?

    var blockReason: String? { promptFeedback?.blockReason }
}
