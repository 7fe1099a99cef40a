import Foundation

/// Whether a request's images and PDFs can go to a model, decided before anything is sent: one line
/// that names the file and what to do, or nil when they can.
public enum AttachmentPolicy {
    /// - Parameters:
    ///   - textOnly: the model's full name when it reads text only (the embedded local models).
    public static func refusal(for request: ModelRequest, protocolName: ProtocolName, textOnly: String? = nil) -> String? {
        let parts = request.messages.flatMap(\.attachments)
        guard let first = parts.first else { return nil }
        if let textOnly {
            return "\(first.name) is \(article(first)): \(textOnly) reads text only — pick a model that takes \(plural(first)), or remove the attachment"
        }
        if request.mode == .rawCompletion {
            return "\(first.name) is \(article(first)): raw completion sends text only — run in chat mode (--chat), or remove the attachment"
        }
        let limits = AttachmentLimits.of(protocolName)
        let protocolLabel = protocolName.rawValue
        for part in parts {
            switch part.kind {
            case .pdf where !limits.takesPDF:
                return "\(part.name) is a PDF: \(protocolLabel) does not take PDFs (Anthropic and Gemini do) — pick one of their models, or remove the attachment"
            case .image where !limits.imageTypes.contains(part.mediaType):
                let names = limits.imageTypes.map(shortName).joined(separator: ", ")
                return "\(part.name) is \(shortName(part.mediaType)): \(protocolLabel) takes \(names) images — convert it, or remove the attachment"
            default: break
            }
            let encoded = AttachmentLimits.base64Length(part.data.count)
            if let max = limits.maxPartBase64, encoded > max {
                return "\(part.name) is \(megabytes(encoded)) as base64: \(protocolLabel) takes at most \(megabytes(max)) per \(part.kind == .pdf ? "PDF" : "image") — make it smaller"
            }
        }
        let images = parts.filter { $0.kind == .image }.count
        if images > limits.maxImages {
            return "\(images) images are attached: \(protocolLabel) takes at most \(limits.maxImages) in one request — attach fewer"
        }
        let total = parts.reduce(0) { $0 + AttachmentLimits.base64Length($1.data.count) }
        if total > limits.maxTotalBase64 {
            return "the attached images and PDFs come to \(megabytes(total)) as base64: \(protocolLabel) takes at most \(megabytes(limits.maxTotalBase64)) in one request — attach fewer or smaller files"
        }
        return nil
    }

    static func article(_ part: MessageAttachment) -> String { part.kind == .pdf ? "a PDF" : "an image" }
    static func plural(_ part: MessageAttachment) -> String { part.kind == .pdf ? "PDFs" : "images" }

    static func shortName(_ mediaType: String) -> String {
        switch mediaType {
        case "image/png": "PNG"
        case "image/jpeg": "JPEG"
        case "image/webp": "WebP"
        case "image/gif": "GIF"
        default: mediaType
        }
    }

    /// "5.0 MB" (MiB, one decimal).
    public static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / Double(AttachmentLimits.mb))
    }
}
