import Foundation

/// A model named the way Refract names it everywhere: `provider:model`.
public struct ModelRef: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public var provider: String
    public var model: String

    public init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }

    /// Parses `provider:model`; the model part may itself contain colons (`ollama:llama3:8b`).
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let provider = String(text[..<colon])
        let model = String(text[text.index(after: colon)...])
        guard !provider.isEmpty, !model.isEmpty, !provider.contains(where: \.isWhitespace) else { return nil }
        self.init(provider: provider, model: model)
    }

    public var description: String { "\(provider):\(model)" }

    public static func < (lhs: ModelRef, rhs: ModelRef) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ref = ModelRef(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected provider:model, got \(text)"))
        }
        self = ref
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
