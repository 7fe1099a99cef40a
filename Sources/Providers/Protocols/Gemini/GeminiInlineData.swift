import Foundation

/// Gemini's `inlineData` part: an image or a PDF, base64, with its MIME type.
struct GeminiInlineData: Encodable, Equatable {
    var mimeType: String
    var data: String

    /// One part per attachment, before the turn's text (Gemini's advice for images and PDFs).
    static func parts(of attachments: [MessageAttachment]) -> [GeminiRequestBody.Part] {
        attachments.map { GeminiRequestBody.Part(text: nil, inlineData: GeminiInlineData(mimeType: $0.mediaType, data: $0.data.base64EncodedString())) }
    }
}
