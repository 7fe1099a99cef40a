import Foundation
import Providers

/// What an attached file is, told by its first bytes (magic numbers), then by whether it is UTF-8 text.
public enum AttachmentKind: Sendable, Equatable {
    case text
    case image(mediaType: String)
    case pdf
    /// Bytes that are none of the above (a binary Refract cannot send).
    case binary

    /// The kind of `data`. Content decides, not the extension: a `.txt` that is a PNG is a PNG.
    public static func detect(_ data: Data) -> AttachmentKind {
        let head = [UInt8](data.prefix(16))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .image(mediaType: "image/png") }
        if starts([0xFF, 0xD8, 0xFF]) { return .image(mediaType: "image/jpeg") }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .image(mediaType: "image/gif") }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .image(mediaType: "image/webp") }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return isText(data) ? .text : .binary
    }

    /// Valid UTF-8 with no NUL byte (NUL is how most binaries give themselves away).
    static func isText(_ data: Data) -> Bool {
        if data.contains(0) { return false }
        return String(validating: data, as: UTF8.self) != nil
    }

    /// The kind a `ContextFile` records.
    public var contextKind: ContextFile.Kind? {
        switch self {
        case .text: .text
        case .image: .image
        case .pdf: .pdf
        case .binary: nil
        }
    }

    /// The media type sent and recorded.
    public var mediaType: String {
        switch self {
        case .text: "text/plain"
        case .image(let type): type
        case .pdf: "application/pdf"
        case .binary: "application/octet-stream"
        }
    }
}
