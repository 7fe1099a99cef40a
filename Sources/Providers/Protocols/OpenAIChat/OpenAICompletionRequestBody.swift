import Foundation

/// The JSON body of the legacy `POST /completions` (raw-completion mode for base models).
struct OpenAICompletionRequestBody: Encodable, Equatable {
    var model: String
    var prompt: String
    var stream = true
    var streamOptions = OpenAIStreamOptions()
    var temperature: Double?
    var topP: Double?
    var maxTokens: Int?
    var stop: [String]?
    var seed: Int?
    /// How many alternatives to return with each token's log-probability.
    var logprobs: Int?

    enum CodingKeys: String, CodingKey {
        case model, prompt, stream, temperature, stop, seed, logprobs
        case streamOptions = "stream_options"
        case topP = "top_p"
        case maxTokens = "max_tokens"
    }

    init(_ request: ModelRequest) {
        model = request.model
        prompt = request.rawPrompt
        temperature = request.parameters.temperature
        topP = request.parameters.topP
        maxTokens = request.parameters.maxTokens
        stop = request.parameters.stop.isEmpty ? nil : request.parameters.stop
        seed = request.parameters.seed
        logprobs = request.parameters.logprobs
    }
}
