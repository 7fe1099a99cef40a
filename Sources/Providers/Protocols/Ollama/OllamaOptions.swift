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
}
