import Foundation

/// The Anthropic Messages API: `POST {base}/messages` streaming SSE, ending with `message_stop`.
public struct AnthropicProtocol: WireProtocol {
    /// The API root used when the config names none.
    public static let defaultBaseURL = URL(string: "https://api.anthropic.com/v1")!
    /// The `anthropic-version` header every request carries.
    public static let apiVersion = "2023-06-01"
    /// `max_tokens` is required by Anthropic; this is sent when the request sets none.
    public static let defaultMaxTokens = 4096

    /// How errors and warnings name the provider: the vendor for a built-in, the configured name and host otherwise.
    public let providerName: String

    private var errors: HTTPErrorMapping { HTTPErrorMapping(providerName: providerName, keyHint: "ANTHROPIC_API_KEY or the key configured for this provider") }

    public init(providerName: String = "Anthropic") { self.providerName = providerName }

    public var name: ProtocolName { .anthropic }

    public func streamRequest(for request: ModelRequest, endpoint: ProviderEndpoint) throws(ProviderError) -> HTTPRequestSpec {
        guard request.mode == .chat else {
            throw ProviderError(kind: .invalidInput, message: "the Anthropic Messages API has no raw-completion mode: use chat mode, or an OpenAI-compatible or Ollama server for base models")
        }
        return HTTPRequestSpec(
            method: "POST",
            url: try EndpointURL.make(endpoint.baseURL, path: "messages"),
            headers: headers(endpoint, accept: "text/event-stream"),
            body: try WireJSON.encodeBody(AnthropicRequestBody(request), for: request)
        )
    }

    public func makeFramer(contentType: String?) -> any StreamFramer { SSEDecoder() }

    public func makeMapper(for request: ModelRequest) -> any EventMapper { AnthropicEventMapper(providerName: providerName) }

    public func error(status: Int, headers: HeaderFields, body: Data, model: String) -> ProviderError {
        errors.error(status: status, headers: headers, body: body, model: model)
    }

    public func modelListRequest(endpoint: ProviderEndpoint, pageToken: String?) -> HTTPRequestSpec {
        var query = [URLQueryItem(name: "limit", value: "1000")]
        if let pageToken { query.append(URLQueryItem(name: "after_id", value: pageToken)) }
        return HTTPRequestSpec(
            method: "GET",
            url: EndpointURL.lenient(endpoint.baseURL, path: "models", query: query),
            headers: headers(endpoint, accept: "application/json", hasJSONBody: false)
        )
    }

    public func parseModelList(_ body: Data) throws(ProviderError) -> ModelListPage {
        guard let list = WireJSON.decode(AnthropicModelList.self, from: body) else {
            throw ProviderError(kind: .invalidResponse, message: "the Anthropic model list was not the expected JSON (`data[].id`)")
        }
        return list.page
    }

    private func headers(_ endpoint: ProviderEndpoint, accept: String, hasJSONBody: Bool = true) -> HeaderFields {
        var auth = RequestHeaders.keyHeader("x-api-key", endpoint.apiKey)
        auth.add("anthropic-version", Self.apiVersion)
        return RequestHeaders.make(accept: accept, auth: auth, extra: endpoint.extraHeaders, hasJSONBody: hasJSONBody)
    }
}
