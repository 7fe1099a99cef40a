import Foundation

/// A message with images is sent with `content` as parts: `image_url` parts (data URLs), then a
/// `text` part; without images `content` stays a plain string.
extension OpenAIChatRequestBody.Message {
    struct Part: Encodable, Equatable {
        struct ImageURL: Encodable, Equatable { var url: String }
        var type: String
        var text: String?
        var imageURL: ImageURL?
        enum CodingKeys: String, CodingKey { case type, text, imageURL = "image_url" }
    }

    /// The images as data URLs, then the text when there is any.
    var contentParts: [Part] {
        var parts = attachments.map { Part(type: "image_url", imageURL: Part.ImageURL(url: DataURL.of($0))) }
        if let content, !content.isEmpty { parts.append(Part(type: "text", text: content)) }
        return parts
    }
}
