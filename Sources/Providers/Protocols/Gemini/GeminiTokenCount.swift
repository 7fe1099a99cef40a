import Foundation

/// `POST models/{model}:countTokens`: the input tokens of a request as Gemini counts them, before sending it.
public enum GeminiTokenCount {
    /// The whole generate request goes inside, so the system instruction is counted too.
    struct Body: Encodable {
        struct Inner: Encodable {
            var model: String
            var contents: [GeminiRequestBody.Content]
            var systemInstruction: GeminiRequestBody.Content?
        }
        var generateContentRequest: Inner
    }

    struct Answer: Decodable {
        var totalTokens: Int
    }

    /// The counting request for `request` (same headers as a generate request).
    public static func request(for request: ModelRequest, endpoint: ProviderEndpoint) throws(ProviderError) -> HTTPRequestSpec {
        let full = GeminiRequestBody(request)
        var model = request.model
        if model.hasPrefix("models/") { model.removeFirst("models/".count) }
        let body = Body(generateContentRequest: .init(model: "models/\(model)", contents: full.contents, systemInstruction: full.systemInstruction))
        return HTTPRequestSpec(
            method: "POST",
            url: try EndpointURL.make(endpoint.baseURL, path: "models/\(EndpointURL.pathSegment(model)):countTokens"),
            headers: RequestHeaders.make(accept: "application/json", auth: RequestHeaders.keyHeader("x-goog-api-key", endpoint.apiKey), extra: endpoint.extraHeaders),
            body: try WireJSON.encodeBody(body)
        )
    }

    /// The count from the answer's body, nil when it is not the expected shape.
    public static func parse(_ body: Data) -> Int? {
        (try? JSONDecoder().decode(Answer.self, from: body))?.totalTokens
    }
}
