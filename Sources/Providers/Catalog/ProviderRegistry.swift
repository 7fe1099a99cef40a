import Foundation
import Platform

/// Turns `provider:model` into a streaming model: checks the name and the key, starts local servers,
/// and adds close model names to a "not found" error.
public final class ProviderRegistry: Sendable {
    public let providers: [ProviderSpec]
    public let environment: [String: String]
    public let prices: PriceTable
    public let localPool: LocalServerPool
    public let transport: any HTTPTransport
    public let readTimeout: Double
    public let retryPolicy: RetryPolicy

    public init(
        providers: [ProviderSpec], environment: [String: String], prices: PriceTable, localPool: LocalServerPool,
        transport: any HTTPTransport, readTimeout: Double, retryPolicy: RetryPolicy
    ) {
        self.providers = providers
        self.environment = environment
        self.prices = prices
        self.localPool = localPool
        self.transport = transport
        self.readTimeout = readTimeout
        self.retryPolicy = retryPolicy
    }

    public func spec(named name: String) -> ProviderSpec? { providers.first { $0.name == name } }

    /// The provider behind `ref`, or a typed error saying what to type instead.
    public func resolve(_ ref: ModelRef) throws(ProviderError) -> ProviderSpec {
        guard let spec = spec(named: ref.provider) else {
            let names = providers.map(\.name)
            let near = EditDistance.closest(to: ref.provider, in: names)
            let hint = near.isEmpty ? "" : " (did you mean \(near.map { "\($0):\(ref.model)" }.joined(separator: ", "))?)"
            throw ProviderError(kind: .config, message: "no provider called \"\(ref.provider)\"\(hint); known: \(names.joined(separator: ", ")). Add one under [providers.\(ref.provider)] in config.toml")
        }
        if spec.isManagedLocal, LocalModelCatalog.model(ref.model) == nil {
            let ids = LocalModelCatalog.all.map { "local:\($0.id)" }
            throw ProviderError(kind: .modelNotFound, message: "no local model called \"\(ref.model)\"; the local models are \(ids.joined(separator: ", "))")
        }
        if case .missing(let vars) = spec.keyStatus(environment: environment) {
            let variable = vars.first ?? "the key variable"
            throw ProviderError(kind: .missingKey, message: "\(ref.provider) needs an API key: set \(variable) (export \(variable)=…), or pick another model (local:\(LocalModelCatalog.smollm2.id) needs none)")
        }
        return spec
    }

    /// The model to stream from; a problem found before sending (unknown name, no key) becomes its one `.error` part.
    public func languageModel(for ref: ModelRef) -> any LanguageModel {
        let spec: ProviderSpec
        do { spec = try resolve(ref) } catch { return FailingModel(error: error) }
        if spec.isManagedLocal, let local = LocalModelCatalog.model(ref.model) {
            let inner = LocalModelClient(model: local, pool: localPool, makeClient: { self.client(spec, baseURL: $0) })
            return AttachmentCheckedModel(inner: inner, protocolName: spec.protocolName, textOnly: LocalModelCatalog.providerPrefix + local.id)
        }
        let declared = spec.models
        let inner = SuggestingModel(inner: client(spec, baseURL: spec.baseURL), model: ref.model, provider: spec.name, declared: declared)
        return AttachmentCheckedModel(inner: inner, protocolName: spec.protocolName, textOnly: nil)
    }

    func client(_ spec: ProviderSpec, baseURL: URL) -> ProviderClient {
        ProviderClient(
            wireProtocol: spec.protocolName.implementation(providerName: spec.displayName),
            endpoint: ProviderEndpoint(baseURL: baseURL, apiKey: spec.keyStatus(environment: environment).value, extraHeaders: spec.headers),
            transport: transport, retryPolicy: retryPolicy, readTimeout: readTimeout
        )
    }

    /// What the provider's server lists (local: the catalog, without starting anything).
    ///
    /// - Parameter probe: ask once, waiting at most `probeTimeout` seconds for each read, with no retries
    ///   (`refract models` and the switcher only want to know what answers now).
    public func modelListing(_ spec: ProviderSpec, probe: Bool = false) async throws(ProviderError) -> ModelListing {
        if spec.isManagedLocal { return .listed(LocalModelCatalog.all.map(\.id)) }
        if case .missing = spec.keyStatus(environment: environment) { return .listed(spec.models) }
        var client = client(spec, baseURL: spec.baseURL)
        if probe {
            client.retryPolicy = .none
            client.readTimeout = min(client.readTimeout, Self.probeTimeout)
        }
        return try await client.modelListing()
    }

    /// Seconds a reachability probe waits for an answer.
    public static let probeTimeout = 2.0

    public func price(for ref: ModelRef) -> Price? { prices.price(for: ref) }

    /// Input tokens as the provider counts them, where it has an endpoint for that (Anthropic's
    /// `count_tokens`, Gemini's `countTokens`); nil otherwise or when the count cannot be had.
    public func countInputTokens(_ request: ModelRequest, model ref: ModelRef, timeout: Double = 5) async -> Int? {
        guard let spec = try? resolve(ref), spec.protocolName.countsTokens else { return nil }
        let endpoint = ProviderEndpoint(baseURL: spec.baseURL, apiKey: spec.keyStatus(environment: environment).value, extraHeaders: spec.headers)
        let isAnthropic = spec.protocolName == .anthropic
        guard let http = try? (isAnthropic ? AnthropicTokenCount.request(for: request, endpoint: endpoint) : GeminiTokenCount.request(for: request, endpoint: endpoint)),
              let response = try? await transport.send(http, readTimeout: timeout), response.status == 200,
              let body = try? await response.body.collect(upTo: 64 * 1024) else { return nil }
        return isAnthropic ? AnthropicTokenCount.parse(body) : GeminiTokenCount.parse(body)
    }

    /// The mode a model runs in unless the user picks another (base models: raw completion).
    public func defaultMode(for ref: ModelRef) -> RequestMode { spec(named: ref.provider)?.defaultMode(for: ref.model) ?? .chat }

    /// Stops local servers and the HTTP client (at exit).
    public func shutdown() async {
        localPool.stopAll()
        if let t = transport as? AsyncHTTPTransport { await t.shutdown() }
    }
}

/// A model that can only fail: the error was known before any request.
struct FailingModel: LanguageModel {
    let error: ProviderError
    func stream(_ request: ModelRequest) -> AsyncStream<StreamPart> {
        AsyncStream { continuation in
            continuation.yield(.error(error))
            continuation.finish()
        }
    }
}

/// A local model: makes sure its server runs (starting it on first use), then streams from it.
struct LocalModelClient: LanguageModel {
    let model: LocalModel
    let pool: LocalServerPool
    let makeClient: @Sendable (URL) -> ProviderClient

    func stream(_ request: ModelRequest) -> AsyncStream<StreamPart> {
        let (stream, continuation) = AsyncStream<StreamPart>.makeStream()
        let task = Task {
            do throws(ProviderError) {
                let url = try await pool.baseURL(for: model)
                for await part in makeClient(url).stream(request) {
                    if Task.isCancelled { break }
                    continuation.yield(part)
                }
            } catch {
                continuation.yield(.error(error))
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

/// Adds "did you mean …" to a model-not-found error, from the server's list or the declared models.
struct SuggestingModel: LanguageModel {
    let inner: ProviderClient
    let model: String
    let provider: String
    let declared: [String]

    func stream(_ request: ModelRequest) -> AsyncStream<StreamPart> {
        let (stream, continuation) = AsyncStream<StreamPart>.makeStream()
        let task = Task {
            for await part in inner.stream(request) {
                if case .error(var error) = part, error.kind == .modelNotFound {
                    let known = ((try? await inner.modelListing())?.ids).flatMap { $0.isEmpty ? nil : $0 } ?? declared
                    let near = EditDistance.closest(to: model, in: known)
                    if !near.isEmpty { error.message += " Close names: \(near.map { "\(provider):\($0)" }.joined(separator: ", "))." }
                    continuation.yield(.error(error))
                } else {
                    continuation.yield(part)
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
