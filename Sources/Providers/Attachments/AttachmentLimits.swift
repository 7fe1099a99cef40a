import Foundation

/// What one wire protocol takes as native parts: which media types, and how much (base64 bytes, as sent).
/// Figures are the vendors' documented limits (see docs/attachments.md); Ollama documents none, so
/// Refract uses Gemini's inline 20 MB as its own bound there.
public struct AttachmentLimits: Sendable, Equatable {
    /// Media types taken as images; empty: no images.
    public var imageTypes: [String]
    public var takesPDF: Bool
    /// The most base64 bytes one part may have (nil: no per-part limit).
    public var maxPartBase64: Int?
    /// The most base64 bytes all parts of one request may have together.
    public var maxTotalBase64: Int
    /// The most image parts in one request.
    public var maxImages: Int

    static let mb = 1024 * 1024

    /// The limits of `name`.
    public static func of(_ name: ProtocolName) -> AttachmentLimits {
        let all = ["image/png", "image/jpeg", "image/webp", "image/gif"]
        switch name {
        // Anthropic: 5 MB per image (base64), 100 images, 32 MB per request; PDFs as document blocks.
        case .anthropic: return AttachmentLimits(imageTypes: all, takesPDF: true, maxPartBase64: 5 * mb, maxTotalBase64: 32 * mb, maxImages: 100)
        // OpenAI (Chat and Responses): PNG, JPEG, WebP, non-animated GIF; 50 MB per request, 500 images.
        case .openAIChat, .openAIResponses:
            return AttachmentLimits(imageTypes: all, takesPDF: false, maxPartBase64: nil, maxTotalBase64: 50 * mb, maxImages: 500)
        // Gemini inline data: PNG, JPEG, WebP (no GIF); the whole request at most 20 MB.
        case .gemini:
            return AttachmentLimits(imageTypes: ["image/png", "image/jpeg", "image/webp"], takesPDF: true, maxPartBase64: nil, maxTotalBase64: 20 * mb, maxImages: 3000)
        // Ollama: `images` on the message; its vision models read PNG and JPEG.
        case .ollama: return AttachmentLimits(imageTypes: ["image/png", "image/jpeg"], takesPDF: false, maxPartBase64: nil, maxTotalBase64: 20 * mb, maxImages: 100)
        }
    }

    /// The base64 length of `bytes` raw bytes.
    public static func base64Length(_ bytes: Int) -> Int { (bytes + 2) / 3 * 4 }
}
