import Foundation
import Providers

/// Everything a config file can set, with defaults for what it does not.
public struct RefractConfig: Sendable {
    /// The file this came from; nil when none was found (all defaults).
    public var file: URL?
    public var defaultModel: ModelRef?
    public var theme: String?
    /// Seconds without a byte before a stream is declared stalled.
    public var readTimeout: Double = 60
    public var maxRetries: Int = 2
    public var sessionsDirectory: String?
    /// Ask before a comparison whose estimate exceeds this many USD.
    public var budgetUSD: Double?
    /// Built-in providers, overridden and extended by the file.
    public var providers: [ProviderSpec]
    /// Price rows from the file; they win over the shipped table.
    public var prices = PriceTable()
    /// Command name → key specs (`run = ["C-r", "F5"]`); parsed by the workbench keymap.
    public var keyBindings: [String: [String]] = [:]
    public var local = LocalServerPool.Settings()
    /// Things worth telling the user that do not stop Refract (a key in a world-readable file).
    public var warnings: [String] = []

    public init(providers: [ProviderSpec]) { self.providers = providers }

    public func provider(named name: String) -> ProviderSpec? { providers.first { $0.name == name } }

    /// Every declared `provider:model`, in provider order.
    public var declaredModels: [ModelRef] {
        providers.flatMap { p in p.models.map { ModelRef(provider: p.name, model: $0) } }
    }

    /// The model to open with: the config's choice, else the embedded local model (never a paid
    /// model the user did not pick).
    public var startingModel: ModelRef { defaultModel ?? LocalModelCatalog.defaultModel }
}
