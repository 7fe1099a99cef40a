import Foundation

/// An input message with images is sent with `content` as parts: `input_image` parts (data URLs),
/// then an `input_text` part; without images `content` stays a plain string.
extension OpenAIResponsesRequestBody.InputMessage {
    private enum Keys: String, CodingKey { case role, content }

    private struct Part: Encodable {
        var type: String
        var text: String?
        var imageURL: String?
        enum CodingKeys: String, CodingKey { case type, text, imageURL = "image_url" }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(role, forKey: .role)
        guard !attachments.isEmpty else { return try c.encode(content, forKey: .content) }
        var parts = attachments.map { Part(type: "input_image", imageURL: DataURL.of($0)) }
        if !content.isEmpty { parts.append(Part(type: "input_text", text: content)) }
        try c.encode(parts, forKey: .content)
    }
}
