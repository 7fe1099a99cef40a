import Foundation

/// One embedded local model: a GGUF installed by `scripts/setup-local-model`.
public struct LocalModel: Sendable, Equatable {
    /// The id used after `local:`.
    public var id: String
    /// The file name inside `<local-model dir>/models/`.
    public var fileName: String
    /// Base models continue text; they are driven in raw-completion mode by default.
    public var isBaseModel: Bool
    public var summary: String
}

/// The embedded local models Refract can serve with no key and no network.
public enum LocalModelCatalog {
    public static let smollm2 = LocalModel(
        id: "smollm2-135m-instruct", fileName: "smollm2-135m-instruct.gguf", isBaseModel: false,
        summary: "SmolLM2 135M Instruct (Q4_1): follows instructions"
    )
    public static let gemma3 = LocalModel(
        id: "gemma3-270m", fileName: "gemma3-270m.gguf", isBaseModel: true,
        summary: "Gemma 3 270M base (Q4_K_M): continues text"
    )
    public static let all = [smollm2, gemma3]

    /// The model called `name`, written as `refract local status` prints it (`local:NAME`) or bare (`NAME`).
    public static func model(_ name: String) -> LocalModel? {
        let id = name.hasPrefix(providerPrefix) ? String(name.dropFirst(providerPrefix.count)) : name
        return all.first { $0.id == id }
    }

    /// `local:`, the provider part of every local model's full name.
    public static let providerPrefix = "local:"

    /// The model used when no API key is configured.
    public static let defaultModel = ModelRef(provider: "local", model: smollm2.id)
}
