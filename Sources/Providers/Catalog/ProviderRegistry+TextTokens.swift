import Foundation

extension ProviderRegistry {
    /// How many tokens `text` is for a local model, as llama.cpp's `/tokenize` counts it (no special
    /// tokens); nil for other models, or when the server does not answer.
    public func localTokenCount(_ text: String, model ref: ModelRef, timeout: Double = 10) async -> Int? {
        guard let spec = try? resolve(ref), spec.isManagedLocal, let local = LocalModelCatalog.model(ref.model),
              let v1 = try? await localPool.baseURL(for: local) else { return nil }
        let root = v1.lastPathComponent == "v1" ? v1.deletingLastPathComponent() : v1
        guard let body = try? await post(LlamaPromptInspection.tokenizeRequest(text, addSpecial: false, root: root), timeout: timeout),
              let tokens = try? LlamaPromptInspection.parseTokens(body) else { return nil }
        return tokens.count
    }
}
