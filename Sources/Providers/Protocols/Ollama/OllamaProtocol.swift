import Foundation

/// Ollama's native API: `POST {base}/api/chat` (or `/api/generate` with `raw: true`) streaming NDJSON,
/// ending with a `"done": true` line.
public struct OllamaProtocol: WireProtocol {
    /// The server used when the config names none.
    public static let defaultBaseURL = URL(string: "http://localhost:11434")!

    /// How errors and warnings name the provider: the vendor for a built-in, the configured name and host otherwise.
    public let providerName: String

    private var errors: HTTPErrorMapping {
        HTTPErrorMapping(
            providerName: providerName,
            keyHint: "the key configured for this Ollama server",
            modelNotFoundAdvice: "run `ollama pull %@` on the server, or `refract models` to list the installed ones"
        )
    }

    public init(providerName: String = "Ollama") { self.providerName = providerName }

    public var name: ProtocolName { .ollama }

    public func streamRequest(for request: ModelRequest, endpoint: ProviderEndpoint) throws(ProviderError) -> HTTPRequestSpec {
        let path: String
        let body: Data
        switch request.mode {
        case .chat:
            path = "api/chat"
            body = try WireJSON.encodeBody(OllamaChatRequestBody(request), for: request)
        case .rawCompletion:
            path = "api/generate"
            body = try WireJSON.encodeBody(OllamaGenerateRequestBody(request))
        }
        return HTTPRequestSpec(
            method: "POST",
            url: try EndpointURL.make(endpoint.baseURL, path: path),
            headers: RequestHeaders.make(accept: "application/x-ndjson", auth: RequestHeaders.bearer(endpoint.apiKey), extra: endpoint.extraHeaders),
            body: body
        )
    }

    public func makeFramer(contentType: String?) -> any StreamFramer { NDJSONDecoder() }

    public func makeMapper(for request: ModelRequest) -> any EventMapper { OllamaEventMapper(providerName: providerName) }

    public func error(status: Int, headers: HeaderFields, body: Data, model: String) -> ProviderError {
        errors.error(status: status, headers: headers, body: body, model: model)
    }

    public func modelListRequest(endpoint: ProviderEndpoint, pageToken: String?) -> HTTPRequestSpec {
        HTTPRequestSpec(
            method: "GET",
            url: EndpointURL.lenient(endpoint.baseURL, path: "api/tags"),
            headers: RequestHeaders.make(accept: "application/json", auth: RequestHeaders.bearer(endpoint.apiKey), extra: endpoint.extraHeaders, hasJSONBody: false)
        )
    }

    public func parseModelList(_ body: Data) throws(ProviderError) -> ModelListPage {
        guard let list = WireJSON.decode(OllamaModelList.self, from: body) else {
            throw ProviderError(kind: .invalidResponse, message: "the Ollama model list was not the expected JSON (`models[].name`)")
        }
        return list.page
    }
}
