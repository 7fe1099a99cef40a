import Foundation
import Providers

/// What a list of attachments shows for one file (the workbench's context list, `refract prompt --show`):
/// name, kind, size, tokens, pixel size, hash. Pure: built from a loaded `ContextFile`.
public struct AttachmentSummary: Sendable, Equatable {
    public var name: String
    public var kind: ContextFile.Kind
    public var mediaType: String
    public var bytes: Int
    /// Text files: the token count, real when `tokensCounted`, else the characters ÷ 4 estimate.
    public var tokens: Int?
    public var tokensCounted: Bool
    /// Images: width × height from the header, when it says.
    public var pixelSize: ImagePixelSize?
    public var sha256: String

    /// The summary of `file`; `countedTokens` is a real count (llama.cpp `/tokenize`) when one was had.
    public init(_ file: ContextFile, countedTokens: Int? = nil) {
        name = file.path
        kind = file.kind
        mediaType = file.mediaType
        bytes = file.bytes
        sha256 = file.sha256
        tokensCounted = countedTokens != nil
        if file.kind == .text {
            let characters = file.content.map { String(decoding: $0, as: UTF8.self).unicodeScalars.count } ?? file.bytes
            tokens = countedTokens ?? TokenEstimate.tokens(characters: characters)
        }
        pixelSize = file.kind == .image ? file.content.flatMap(ImagePixelSize.read) : nil
    }

    /// One line: `docs/a.md · text · 3.4 KB · ≈ 870 tokens`, `cat.png · image/png 640×480 · 41.0 KB`.
    /// Control characters in the name are shown inert (a file name is untrusted text).
    public var line: String {
        var parts = [Self.inert(name)]
        switch kind {
        case .text: parts.append("text")
        case .image: parts.append(mediaType + (pixelSize.map { " \($0)" } ?? ""))
        case .pdf: parts.append("PDF")
        }
        parts.append(AttachmentRules.size(bytes))
        if let tokens { parts.append("\(tokensCounted ? "" : "≈ ")\(tokens) tokens") }
        return parts.joined(separator: " · ")
    }

    /// `text` with every control character replaced by U+FFFD.
    public static func inert(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
    }
}
