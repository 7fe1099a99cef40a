import Foundation

/// `POST /v1/messages/count_tokens`: the input tokens a request will be billed for, before sending it.
public enum AnthropicTokenCount {
    struct Body: Encodable {
        var model: String
        var messages: [AnthropicRequestBody.Message]
        var system: String?
    }

    struct Answer: Decodable {
        var inputTokens: Int
        enum CodingKeys: String, CodingKey { case inputTokens = "input_tokens" }
    }

    /// The counting request for `request` (same headers as a message request).
    public static func request(for request: ModelRequest, endpoint: ProviderEndpoint) throws(ProviderError) -> HTTPRequestSpec {
        let full = AnthropicRequestBody(request)
        var headers = HeaderFields()
        headers.add("content-type", "application/json")
        headers.add("accept", "application/json")
        headers.add("anthropic-version", AnthropicProtocol.apiVersion)
        if let key = endpoint.apiKey { headers.add("x-api-key", key) }
        for field in endpoint.extraHeaders { headers.add(field.name, field.value) }
        let body: Data
        do { body = try JSONEncoder().encode(Body(model: full.model, messages: full.messages, system: full.system)) } catch {
            throw ProviderError(kind: .invalidInput, message: "cannot encode the token-count request: \(error)")
        }
        return HTTPRequestSpec(method: "POST", url: try EndpointURL.make(endpoint.baseURL, path: "messages/count_tokens"), headers: headers, body: body)
    }

    /// The count from the answer's body, nil when it is not the expected shape.
    public static func parse(_ body: Data) -> Int? {
        (try? JSONDecoder().decode(Answer.self, from: body))?.inputTokens
    }
}
