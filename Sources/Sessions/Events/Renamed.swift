import Foundation

/// The session got a new title (appended, since files are never rewritten).
public struct Renamed: Sendable, Equatable, Codable {
    public var title: String
    public var at: Date?

    public init(title: String, at: Date? = nil) {
        self.title = title
        self.at = at
    }

    enum CodingKeys: String, CodingKey { case title, at }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        at = try c.decodeTimestampIfPresent(forKey: .at)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        if let at { try c.encode(SessionTimestamp.format(at), forKey: .at) }
    }
}
