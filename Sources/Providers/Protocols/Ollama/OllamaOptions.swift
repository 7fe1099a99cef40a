import Foundation

/// Ollama's `options` object: sampling and length settings.
struct OllamaOptions: Encodable, Equatable {
    var temperature: Double?
    var topP: Double?
    var numPredict: Int?
    var stop: [String]?
    var seed: Int?

    enum CodingKeys: String, CodingKey {
        case temperature, stop, seed
        case topP = "top_p"
        case numPredict = "num_predict"
    }

    /// The options for `parameters`, or nil when none is set (the field is then left out).
    static func make(_ parameters: GenerationParameters) -> OllamaOptions? {
        let options = OllamaOptions(
            temperature: parameters.temperature,
            topP: parameters.topP,
            numPredict: parameters.maxTokens,
            stop: parameters.stop.isEmpty ? nil : parameters.stop,
            seed: parameters.seed
        )
        return options == OllamaOptions() ? nil : options
    }

    /// The top-level `logprobs` / `top_logprobs` pair for `parameters` (both nil when not asked for).
    static func logprobs(_ parameters: GenerationParameters) -> (Bool?, Int?) {
        guard let k = parameters.logprobs else { return (nil, nil) }
        return (true, k > 0 ? min(k, 20) : nil)
    }
}
