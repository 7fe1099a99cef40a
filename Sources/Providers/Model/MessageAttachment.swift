import Foundation

/// An image or document that goes to the model as its own part of a message, base64-encoded on the wire.
public struct MessageAttachment: Sendable, Equatable {
    /// What the bytes are; decides which protocols can take it.
    public enum Kind: String, Sendable, Equatable { case image, pdf }
    public var kind: Kind
    /// `image/png`, `image/jpeg`, `image/webp`, `image/gif`, `application/pdf`.
    public var mediaType: String
    /// The file name as the user attached it (shown, and given to APIs that take a name).
    public var name: String
    public var data: Data

    public init(kind: Kind, mediaType: String, name: String, data: Data) {
        self.kind = kind
        self.mediaType = mediaType
        self.name = name
        self.data = data
    }
}
