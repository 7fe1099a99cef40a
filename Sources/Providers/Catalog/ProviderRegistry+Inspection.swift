import Foundation

extension ProviderRegistry {
    /// What a local model receives for `request`: the template applied and the tokens, as llama.cpp itself
    /// computes them (starting the model's server if it is not up). Nil for models Refract does not run.
    public func inspectPrompt(_ request: ModelRequest, model ref: ModelRef, timeout: Double = 10) async throws(ProviderError) -> PromptInspection? {
        guard let spec = try? resolve(ref), spec.isManagedLocal, let local = LocalModelCatalog.model(ref.model) else { return nil }
        // The pool's URLs end in /v1 (the OpenAI-compatible API); these endpoints sit at the root.
        let v1 = try await localPool.baseURL(for: local)
        let root = v1.lastPathComponent == "v1" ? v1.deletingLastPathComponent() : v1
        let raw = request.mode == .rawCompletion
        let templated: String
        if raw {
            templated = request.rawPrompt
        } else {
            templated = try LlamaPromptInspection.parseTemplated(try await post(LlamaPromptInspection.applyTemplateRequest(request, root: root), timeout: timeout))
        }
        let tokens = try LlamaPromptInspection.parseTokens(
            try await post(LlamaPromptInspection.tokenizeRequest(templated, addSpecial: raw, root: root), timeout: timeout)
        )
        return PromptInspection(templated: templated, tokens: tokens, contextTokens: localPool.settings.contextPerSlot)
    }

    func post(_ spec: HTTPRequestSpec, timeout: Double) async throws(ProviderError) -> Data {
        let response = try await transport.send(spec, readTimeout: timeout)
        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        guard response.isSuccess else {
            throw ProviderError(kind: .invalidResponse, message: "llama.cpp answered HTTP \(response.status) to \(spec.url.path)", status: response.status)
        }
        return body
    }
}

extension ProviderRegistry {
    /// The request `ref` would be sent for `request`, secrets replaced. A local model's server address is
    /// the one it runs at, when it runs (`PORT` otherwise): nothing is started for this.
    public func requestPreview(_ request: ModelRequest, model ref: ModelRef) throws(ProviderError) -> RequestPreview {
        // A missing key does not stop the preview (resolve would): the request is shown without one.
        guard let spec = spec(named: ref.provider) else { _ = try resolve(ref); throw ProviderError(kind: .invalidInput, message: "unknown provider") }
        var baseURL = spec.baseURL
        var notRunning = false
        if spec.isManagedLocal, let local = LocalModelCatalog.model(ref.model) {
            if case .running(let port) = localPool.status(of: local) { baseURL = URL(string: "http://127.0.0.1:\(port)/v1")! }
            else { notRunning = true }
        }
        let key = spec.keyStatus(environment: environment)
        let wire = spec.protocolName.implementation(providerName: spec.displayName)
        // A stand-in for a missing key, so its header is shown (labelled) where it will go.
        let value = key.value ?? (key == .notNeeded ? nil : "refract-missing-key-stand-in")
        let http = try wire.streamRequest(for: request, endpoint: ProviderEndpoint(baseURL: baseURL, apiKey: value, extraHeaders: spec.headers))
        let label = switch key {
        case .present(_, let source): "‹key from \(source)›"
        case .missing(let vars): "‹no key: set $\(vars.first ?? "the key variable")›"
        case .notNeeded: "‹none›"
        }
        var preview = RequestPreview(http, apiKey: value, keyLabel: label)
        // The catalog's address has port 0: the real one is chosen when the server starts.
        if notRunning { preview.url = preview.url.replacingOccurrences(of: "127.0.0.1:0/", with: "127.0.0.1:PORT/") }
        return preview
    }
}
