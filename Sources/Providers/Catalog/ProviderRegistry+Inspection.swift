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
        let textOnly = spec.isManagedLocal ? LocalModelCatalog.providerPrefix + ref.model : nil
        if let line = AttachmentPolicy.refusal(for: request, protocolName: spec.protocolName, textOnly: textOnly) {
            throw ProviderError(kind: .invalidInput, message: line)
        }
        var port: Int?
        if spec.isManagedLocal, let local = LocalModelCatalog.model(ref.model), case .running(let running) = localPool.status(of: local) { port = running }
        return try spec.requestPreview(request, key: spec.keyStatus(environment: environment), localPort: port)
    }
}
