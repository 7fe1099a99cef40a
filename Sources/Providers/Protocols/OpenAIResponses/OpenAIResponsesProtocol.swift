import Foundation

/// The OpenAI Responses API: `POST {base}/responses` streaming named SSE events, ending with
/// `response.completed` (or `.incomplete` / `.failed`); there is no `[DONE]`.
public struct OpenAIResponsesProtocol: WireProtocol {
    /// The API root used when the config names none.
    public static let defaultBaseURL = URL(string: "https://api.openai.com/v1")!

    /// How errors and warnings name the provider: the vendor for a built-in, the configured name and host otherwise.
    public let providerName: String

    private var errors: HTTPErrorMapping { HTTPErrorMapping(providerName: providerName, keyHint: "OPENAI_API_KEY or the key configured for this provider") }

    public init(providerName: String = "OpenAI") { self.providerName = providerName }

    public var name: ProtocolName { .openAIResponses }

    public func streamRequest(for request: ModelRequest, endpoint: ProviderEndpoint) throws(ProviderError) -> HTTPRequestSpec {
        guard request.mode == .chat else {
            throw ProviderError(kind: .invalidInput, message: "the OpenAI Responses API has no raw-completion mode: use the openai-chat protocol (`/completions`) for base models")
        }
        return HTTPRequestSpec(
            method: "POST",
            url: try EndpointURL.make(endpoint.baseURL, path: "responses"),
            headers: RequestHeaders.make(accept: "text/event-stream", auth: RequestHeaders.bearer(endpoint.apiKey), extra: endpoint.extraHeaders),
            body: try WireJSON.encodeBody(OpenAIResponsesRequestBody(request), for: request)
        )
    }

    public func makeFramer(contentType: String?) -> any StreamFramer { SSEDecoder() }

    public func makeMapper(for request: ModelRequest) -> any EventMapper { OpenAIResponsesEventMapper(providerName: providerName) }

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
