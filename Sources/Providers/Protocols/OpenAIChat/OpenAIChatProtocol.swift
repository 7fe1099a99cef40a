import Foundation

/// OpenAI Chat Completions, also spoken by llama.cpp, vLLM, Ollama's /v1, LM Studio, OpenRouter and Groq:
/// `POST {base}/chat/completions` (or `/completions` in raw mode) streaming SSE, ending with `[DONE]`.
public struct OpenAIChatProtocol: WireProtocol {
    /// The API root used when the config names none.
    public static let defaultBaseURL = URL(string: "https://api.openai.com/v1")!

    /// How errors and warnings name the provider: the vendor for a built-in, the configured name and host otherwise.
    public let providerName: String

    private var errors: HTTPErrorMapping { HTTPErrorMapping(providerName: providerName, keyHint: "the API key configured for this provider, e.g. OPENAI_API_KEY") }

    public init(providerName: String = "the server") { self.providerName = providerName }

    public var name: ProtocolName { .openAIChat }

    public func streamRequest(for request: ModelRequest, endpoint: ProviderEndpoint) throws(ProviderError) -> HTTPRequestSpec {
        let path: String
        let body: Data
        switch request.mode {
        case .chat:
            path = "chat/completions"
            let isOpenAI = endpoint.baseURL.host?.lowercased() == "api.openai.com"
            body = try WireJSON.encodeBody(OpenAIChatRequestBody(request, useMaxCompletionTokens: isOpenAI), for: request)
        case .rawCompletion:
            path = "completions"
            body = try WireJSON.encodeBody(OpenAICompletionRequestBody(request))
        }
        return HTTPRequestSpec(
            method: "POST",
            url: try EndpointURL.make(endpoint.baseURL, path: path),
            headers: RequestHeaders.make(accept: "text/event-stream", auth: RequestHeaders.bearer(endpoint.apiKey), extra: endpoint.extraHeaders),
            body: body
        )
    }

    public func makeFramer(contentType: String?) -> any StreamFramer { SSEDecoder() }

    public func makeMapper(for request: ModelRequest) -> any EventMapper { OpenAIChatEventMapper(providerName: providerName) }

    public func error(status: Int, headers: HeaderFields, body: Data, model: String) -> ProviderError {
        errors.error(status: status, headers: headers, body: body, model: model)
    }

    public func modelListRequest(endpoint: ProviderEndpoint, pageToken: String?) -> HTTPRequestSpec {
        HTTPRequestSpec(
            method: "GET",
            url: EndpointURL.lenient(endpoint.baseURL, path: "models"),
            headers: RequestHeaders.make(accept: "application/json", auth: RequestHeaders.bearer(endpoint.apiKey), extra: endpoint.extraHeaders, hasJSONBody: false)
        )
    }

    public func parseModelList(_ body: Data) throws(ProviderError) -> ModelListPage {
        try OpenAIModelList.parse(body)
    }
}
