import Foundation

extension ProviderRegistry {
    /// Label mode: how likely `ref` finds each label as the start of its answer to `request`, scored
    /// token by token (each label token's log-probability given the prompt and the label tokens before
    /// it) by llama.cpp — the local models. Other providers throw: their APIs give at most 20 alternatives
    /// for generated tokens and cannot score a given continuation.
    public func scoreLabels(_ request: ModelRequest, labels: [String], model ref: ModelRef, timeout: Double = 120) async throws(ProviderError) -> LabelScores {
        guard !labels.isEmpty else { throw ProviderError(kind: .invalidInput, message: "label mode needs labels: labels = [\"positive\", \"negative\"] in the prompt file") }
        guard let spec = try? resolve(ref), spec.isManagedLocal, let local = LocalModelCatalog.model(ref.model),
              let inspection = try await inspectPrompt(request, model: ref, timeout: timeout) else {
            throw ProviderError(kind: .invalidInput, message: "label mode scores labels with llama.cpp, which runs the local models: \(ref) cannot (pick local:\(LocalModelCatalog.smollm2.id) or local:\(LocalModelCatalog.gemma3.id))")
        }
        let v1 = try await localPool.baseURL(for: local)
        let root = v1.lastPathComponent == "v1" ? v1.deletingLastPathComponent() : v1
        let prompt = inspection.tokens.map(\.id)
        var steps: [[Int]: [Int: Double]] = [:]
        var scores: [LabelScores.Score] = []
        for label in labels {
            let scored = LlamaLabelScoring.continuation(label, mode: request.mode, promptText: inspection.templated)
            let tokens = try LlamaPromptInspection.parseTokens(try await post(LlamaPromptInspection.tokenizeRequest(scored, addSpecial: false, root: root), timeout: timeout))
            var labelSteps: [[Int: Double]] = []
            for i in tokens.indices {
                // Labels that share a start share its steps (and llama.cpp's prompt cache makes each cheap).
                let context = prompt + tokens[..<i].map(\.id)
                if steps[context] == nil {
                    steps[context] = try LlamaLabelScoring.parseNextTokens(try await post(LlamaLabelScoring.nextTokenRequest(prompt: context, root: root), timeout: timeout))
                }
                labelSteps.append(steps[context] ?? [:])
            }
            scores.append(LlamaLabelScoring.score(label: label, scored: scored, tokens: tokens, steps: labelSteps))
        }
        return LabelScores(scores: scores, alternatives: LlamaLabelScoring.alternatives)
    }
}
