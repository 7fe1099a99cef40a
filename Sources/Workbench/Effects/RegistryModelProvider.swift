import Foundation
import Providers

/// The workbench's models from the real provider registry: streams, and the switcher's catalog with
/// key status, reachability (probed with a short timeout) and prices.
public struct RegistryModelProvider: ModelProvider {
    public let registry: ProviderRegistry
    /// Seconds a reachability probe may take in all (each provider is probed once, concurrently, without retries).
    public var probeTimeout: Double = ProviderRegistry.probeTimeout

    public init(registry: ProviderRegistry) { self.registry = registry }

    public func languageModel(for ref: ModelRef) -> any LanguageModel { registry.languageModel(for: ref) }

    public func countTextTokens(_ text: String, model: ModelRef) async -> Int? {
        await registry.localTokenCount(text, model: model)
    }

    public func countInputTokens(_ request: ModelRequest, model: ModelRef) async -> Int? {
        await registry.countInputTokens(request, model: model)
    }

    public func inspectPrompt(_ request: ModelRequest, model: ModelRef) async throws(ProviderError) -> PromptInspection? {
        try await registry.inspectPrompt(request, model: model)
    }

    public func scoreLabels(_ request: ModelRequest, labels: [String], model: ModelRef) async throws(ProviderError) -> LabelScores {
        try await registry.scoreLabels(request, labels: labels, model: model)
    }

    public func catalog(probe: Bool) async -> [ModelEntry] {
        await withTaskGroup(of: (Int, [ModelEntry]).self) { group in
            for (index, spec) in registry.providers.enumerated() {
                group.addTask { (index, await entries(for: spec, probe: probe)) }
            }
            var byProvider: [(Int, [ModelEntry])] = []
            for await result in group { byProvider.append(result) }
            return byProvider.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    func entries(for spec: ProviderSpec, probe: Bool) async -> [ModelEntry] {
        let key = spec.keyStatus(environment: registry.environment)
        let hasKey: Bool = if case .missing = key { false } else { true }
        func entry(_ model: String, _ reach: ModelEntry.Reachability, _ listing: ModelEntry.Listing = .notAsked) -> ModelEntry {
            let ref = ModelRef(provider: spec.name, model: model)
            let summary = spec.isManagedLocal ? LocalModelCatalog.model(model)?.summary : nil
            return ModelEntry(ref: ref, keyLabel: key.label, hasKey: hasKey, reachability: reach,
                              price: registry.price(for: ref), defaultMode: spec.defaultMode(for: model), summary: summary, listing: listing)
        }
        if spec.isManagedLocal {
            return LocalModelCatalog.all.map { model in
                switch registry.localPool.status(of: model) {
                case .running: entry(model.id, .reachable)
                case .installed: entry(model.id, .installed)
                case .notInstalled: entry(model.id, .notInstalled)
                }
            }
        }
        guard probe, hasKey else { return spec.models.map { entry($0, .unknown) } }
        let listed = await withTimeout(probeTimeout) { try await registry.modelListing(spec, probe: true) }
        switch listed {
        case .success(.listed(let ids)):
            // Hosted providers list hundreds of ids (embeddings, audio); keep the declared ones there,
            // and take the server's list where nothing is declared (Ollama, your own servers).
            let models = spec.models.isEmpty ? ids.sorted() : spec.models
            let served = Set(ids)
            return models.map { entry($0, .reachable, served.contains($0) ? .listed : .notListed) }
        case .success(.notListed):
            // It answered, so it is reachable; its models are the configured ones.
            return spec.models.map { entry($0, .reachable, .notListed) }
        case .failure(let message):
            return spec.models.map { entry($0, .unreachable(message)) }
        }
    }

    enum ProbeResult { case success(ModelListing), failure(String) }

    func withTimeout(_ seconds: Double, _ body: @escaping @Sendable () async throws -> ModelListing) async -> ProbeResult {
        await withTaskGroup(of: ProbeResult?.self) { group in
            group.addTask {
                do { return .success(try await body()) } catch let error as ProviderError { return .failure(error.message) } catch { return .failure("\(error)") }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure("no answer within \(MeterFormat.seconds(seconds))")
        }
    }
}
