import Foundation

/// A message with images is sent with `content` as parts: `image_url` parts (data URLs), then a
/// `text` part; without images `content` stays a plain string.
extension OpenAIChatRequestBody.Message {
    private enum Keys: String, CodingKey { case role, content }

    private struct Part: Encodable {
        struct ImageURL: Encodable { var url: String }
        var type: String
        var text: String?
        var imageURL: ImageURL?
        enum CodingKeys: String, CodingKey { case type, text, imageURL = "image_url" }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(role, forKey: .role)
        guard !attachments.isEmpty else { return try c.encode(content, forKey: .content) }
        var parts = attachments.map { Part(type: "image_url", imageURL: Part.ImageURL(url: DataURL.of($0))) }
        if !content.isEmpty { parts.append(Part(type: "text", text: content)) }
        try c.encode(parts, forKey: .content)
    }
}
