import Foundation

/// `stream_options: {"include_usage": true}`: asks for the usage chunk before `[DONE]`.
struct OpenAIStreamOptions: Encodable, Equatable {
    var includeUsage = true
    enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
}
