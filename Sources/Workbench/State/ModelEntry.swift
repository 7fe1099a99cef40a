import Providers

/// One `provider:model` as the switcher shows it: key, reachability, price.
public struct ModelEntry: Sendable, Equatable {
    /// Whether the provider's server answers.
    public enum Reachability: Sendable, Equatable {
        case unknown, checking, reachable, unreachable(String)
        /// Local models: installed, and whether the server runs yet.
        case installed, notInstalled
    }

    /// Whether the provider's server lists its models (kept apart from whether it answers at all).
    public enum Listing: Sendable, Equatable {
        /// Not asked: no probe, no key, or the server did not answer.
        case notAsked
        /// The server's list was read.
        case listed
        /// The server answered but has no model list: the configured models are shown as they are.
        case notListed
    }

    public var ref: ModelRef
    public var keyLabel: String
    public var hasKey: Bool
    public var reachability: Reachability
    public var price: Price?
    public var defaultMode: RequestMode
    public var summary: String?
    public var listing: Listing

    public init(ref: ModelRef, keyLabel: String, hasKey: Bool, reachability: Reachability, price: Price?, defaultMode: RequestMode, summary: String? = nil, listing: Listing = .notAsked) {
        self.ref = ref
        self.keyLabel = keyLabel
        self.hasKey = hasKey
        self.reachability = reachability
        self.price = price
        self.defaultMode = defaultMode
        self.summary = summary
        self.listing = listing
    }
}
