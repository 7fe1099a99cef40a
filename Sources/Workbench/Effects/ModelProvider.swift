import Providers

/// Where the workbench gets models and the switcher's catalog; the app wires the real registry,
/// tests a scripted double.
public protocol ModelProvider: Sendable {
    /// The model for a `provider:model`; problems (no key, unknown provider) arrive as its `.error` part.
    func languageModel(for ref: ModelRef) -> any LanguageModel
    /// Every configured model with key, reachability and price. `probe` allows network checks.
    func catalog(probe: Bool) async -> [ModelEntry]
    /// The input tokens a provider counts for a request (Anthropic's count_tokens); nil where it cannot.
    func countInputTokens(_ request: ModelRequest, model: ModelRef) async -> Int?
    /// What a model Refract runs receives: the template applied and the tokens; nil for the others.
    func inspectPrompt(_ request: ModelRequest, model: ModelRef) async throws(ProviderError) -> PromptInspection?
    /// How likely the model finds each label as its answer (label mode); throws where it cannot score.
    func scoreLabels(_ request: ModelRequest, labels: [String], model: ModelRef) async throws(ProviderError) -> LabelScores
    /// How many tokens `text` is for `model`, counted by the model itself (llama.cpp `/tokenize`); nil elsewhere.
    func countTextTokens(_ text: String, model: ModelRef) async -> Int?
}

extension ModelProvider {
    public func countTextTokens(_ text: String, model: ModelRef) async -> Int? { nil }
    public func inspectPrompt(_ request: ModelRequest, model: ModelRef) async throws(ProviderError) -> PromptInspection? { nil }
    public func scoreLabels(_ request: ModelRequest, labels: [String], model: ModelRef) async throws(ProviderError) -> LabelScores {
        throw ProviderError(kind: .invalidInput, message: "label mode is not available here")
    }
}
