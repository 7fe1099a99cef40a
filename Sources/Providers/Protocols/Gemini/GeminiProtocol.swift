import Foundation

/// The Gemini Developer API: `POST {base}/models/{model}:streamGenerateContent?alt=sse`, CRLF-framed SSE
/// with no terminator. Without `alt=sse` the answer is a streamed JSON array, which is also understood.
public struct GeminiProtocol: WireProtocol {
    /// The API root used when the config names none.
    public static let defaultBaseURL = URL(string: "https://generativelanguage.googleapis.com/v1beta")!

    /// How errors and warnings name the provider: the vendor for a built-in, the configured name and host otherwise.
    public let providerName: String

    private var errors: HTTPErrorMapping { HTTPErrorMapping(providerName: providerName, keyHint: "GEMINI_API_KEY or the key configured for this provider") }

    public init(providerName: String = "Gemini") { self.providerName = providerName }

    public var name: ProtocolName { .gemini }

    public func streamRequest(for request: ModelRequest, endpoint: ProviderEndpoint) throws(ProviderError) -> HTTPRequestSpec {
        guard request.mode == .chat else {
            throw ProviderError(kind: .invalidInput, message: "the Gemini API has no raw-completion mode: use chat mode, or an OpenAI-compatible or Ollama server for base models")
        }
        var model = request.model
        if model.hasPrefix("models/") { model.removeFirst("models/".count) }
        let path = "models/\(EndpointURL.pathSegment(model)):streamGenerateContent"
        return HTTPRequestSpec(
            method: "POST",
            url: try EndpointURL.make(endpoint.baseURL, path: path, query: [URLQueryItem(name: "alt", value: "sse")]),
            headers: RequestHeaders.make(accept: "text/event-stream", auth: RequestHeaders.keyHeader("x-goog-api-key", endpoint.apiKey), extra: endpoint.extraHeaders),
            body: try WireJSON.encodeBody(GeminiRequestBody(request), for: request)
        )
    }

    /// SSE normally; the JSON-array framer when the server answers `application/json` (no `alt=sse`).
    public func makeFramer(contentType: String?) -> any StreamFramer {
        if let contentType, contentType.lowercased().contains("application/json") {
            return JSONArrayStreamDecoder()
        }
        return SSEDecoder()
    }

    public func makeMapper(for request: ModelRequest) -> any EventMapper { GeminiEventMapper(providerName: providerName) }

    public func error(status: Int, headers: HeaderFields, body: Data, model: String) -> ProviderError {
        errors.error(status: status, headers: headers, body: body, model: model)
    }

    public func modelListRequest(endpoint: ProviderEndpoint, pageToken: String?) -> HTTPRequestSpec {
        var query = [URLQueryItem(name: "pageSize", value: "1000")]
        if let pageToken { query.append(URLQueryItem(name: "pageToken", value: pageToken)) }
        return HTTPRequestSpec(
            method: "GET",
            url: EndpointURL.lenient(endpoint.baseURL, path: "models", query: query),
            headers: RequestHeaders.make(accept: "application/json", auth: RequestHeaders.keyHeader("x-goog-api-key", endpoint.apiKey), extra: endpoint.extraHeaders, hasJSONBody: false)
        )
    }

    public func parseModelList(_ body: Data) throws(ProviderError) -> ModelListPage {
        guard let list = WireJSON.decode(GeminiModelList.self, from: body) else {
            throw ProviderError(kind: .invalidResponse, message: "the Gemini model list was not the expected JSON (`models[].name`)")
        }
        return list.page
    }
}
