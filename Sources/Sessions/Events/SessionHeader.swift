import Foundation

/// The first line of every session file: format version, identity, title and creation time.
public struct SessionHeader: Sendable, Equatable, Codable {
    /// The format version this code writes. It changes only on a breaking change; new event types and
    /// new fields do not bump it (readers ignore what they do not know).
    public static let currentVersion = 1

    public var version: Int
    public var id: String
    public var title: String
    public var created: Date
    public var refractVersion: String

    public init(version: Int = SessionHeader.currentVersion, id: String, title: String, created: Date, refractVersion: String) {
        self.version = version
        self.id = id
        self.title = title
        self.created = created
        self.refractVersion = refractVersion
    }

    enum CodingKeys: String, CodingKey {
        case version, id, title, created, refractVersion = "refract_version"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        created = try c.decodeTimestamp(forKey: .created)
        refractVersion = try c.decodeIfPresent(String.self, forKey: .refractVersion) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(SessionTimestamp.format(created), forKey: .created)
        try c.encode(refractVersion, forKey: .refractVersion)
    }
}
