import Providers

/// One `provider:model` as the switcher shows it: key, reachability, price.
public struct ModelEntry: Sendable, Equatable {
    /// Whether the provider's server answers.
    public enum Reachability: Sendable, Equatable {
        case unknown, checking, reachable, unreachable(String)
        /// Local models: installed, and whether the server runs yet.
        case installed, notInstalled
    }

    public var ref: ModelRef
    public var keyLabel: String
    public var hasKey: Bool
    public var reachability: Reachability
    public var price: Price?
    public var defaultMode: RequestMode
    public var summary: String?

    public init(ref: ModelRef, keyLabel: String, hasKey: Bool, reachability: Reachability, price: Price?, defaultMode: RequestMode, summary: String? = nil) {
        self.ref = ref
        self.keyLabel = keyLabel
        self.hasKey = hasKey
        self.reachability = reachability
        self.price = price
        self.defaultMode = defaultMode
        self.summary = summary
    }
}
