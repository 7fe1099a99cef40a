import Foundation

/// A message with images or PDFs is sent with `content` as blocks: `image` and `document` blocks
/// (`source` of type `base64`), then a `text` block; without them `content` stays a plain string.
extension AnthropicRequestBody.Message {
    struct Block: Encodable, Equatable {
        struct Source: Encodable, Equatable {
            var type = "base64"
            var mediaType: String
            var data: String
            enum CodingKeys: String, CodingKey { case type, mediaType = "media_type", data }
        }
        var type: String
        var text: String?
        var source: Source?
    }

    /// The attachments as blocks, then the text when there is any.
    var attachmentBlocks: [Block] {
        var blocks = attachments.map {
            Block(type: $0.kind == .pdf ? "document" : "image", source: Block.Source(mediaType: $0.mediaType, data: $0.data.base64EncodedString()))
        }
        if !content.isEmpty { blocks.append(Block(type: "text", text: content)) }
        return blocks
    }
}
