import Foundation

/// `data:<media type>;base64,<bytes>`: how OpenAI's APIs take an image inline.
enum DataURL {
    static func of(_ attachment: MessageAttachment) -> String {
        "data:\(attachment.mediaType);base64,\(attachment.data.base64EncodedString())"
    }
}
