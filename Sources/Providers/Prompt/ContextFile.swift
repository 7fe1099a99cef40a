import Foundation

/// A file attached to a prompt as context: text goes into the prompt, images and PDFs as their own parts.
/// Sessions keep what identifies it (path, kind, size, SHA-256), never its bytes.
public struct ContextFile: Sendable, Equatable, Codable {
    /// How the file reaches the model.
    public enum Kind: String, Sendable, Equatable, Codable { case text, image, pdf }

    /// The path as shown: relative to the prompt file's folder (or the working folder) when inside it.
    public var path: String
    /// The absolute path it was read from: where a replay looks for it again.
    public var location: String?
    public var kind: Kind
    /// `text/plain`, `image/png`, `image/jpeg`, `image/webp`, `image/gif`, `application/pdf`.
    public var mediaType: String
    public var bytes: Int
    /// Lowercase hex SHA-256 of the bytes: how a replay tells that the file changed since.
    public var sha256: String
    /// The bytes, when loaded; nil for a file read back from a session.
    public var content: Data?

    public init(path: String, location: String? = nil, kind: Kind, mediaType: String, bytes: Int, sha256: String, content: Data? = nil) {
        self.path = path
        self.location = location
        self.kind = kind
        self.mediaType = mediaType
        self.bytes = bytes
        self.sha256 = sha256
        self.content = content
    }

    enum CodingKeys: String, CodingKey { case path, location = "file", kind, mediaType = "media_type", bytes, sha256 }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        location = try c.decodeIfPresent(String.self, forKey: .location)
        kind = (try? c.decode(Kind.self, forKey: .kind)) ?? .text
        mediaType = try c.decodeIfPresent(String.self, forKey: .mediaType) ?? "application/octet-stream"
        bytes = try c.decodeIfPresent(Int.self, forKey: .bytes) ?? 0
        sha256 = try c.decodeIfPresent(String.self, forKey: .sha256) ?? ""
        content = nil
    }

    /// Never the bytes: a session line stays small and holds no file contents.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encode(kind, forKey: .kind)
        try c.encode(mediaType, forKey: .mediaType)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(sha256, forKey: .sha256)
    }

    /// The part this file becomes when it is an image or a PDF (nil for text, or when not loaded).
    public var messageAttachment: MessageAttachment? {
        guard let content else { return nil }
        switch kind {
        case .text: return nil
        case .image: return MessageAttachment(kind: .image, mediaType: mediaType, name: path, data: content)
        case .pdf: return MessageAttachment(kind: .pdf, mediaType: mediaType, name: path, data: content)
        }
    }
}
