import Foundation

/// Where and how to reach a provider's server.
public struct ProviderEndpoint: Sendable, Equatable {
    /// The API root, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:8080/v1`.
    public var baseURL: URL
    /// The secret, already read from the environment or config; nil for servers that need none.
    public var apiKey: String?
    /// Extra headers from the config (beta flags, organisation ids).
    public var extraHeaders: HeaderFields

    public init(baseURL: URL, apiKey: String? = nil, extraHeaders: HeaderFields = [:]) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.extraHeaders = extraHeaders
    }
}

/// One page of a provider's model list.
public struct ModelListPage: Sendable, Equatable {
    public var modelIDs: [String]
    /// Pass to the next `modelListRequest` to fetch more; nil on the last page.
    public var nextPageToken: String?

    public init(modelIDs: [String], nextPageToken: String? = nil) {
        self.modelIDs = modelIDs
        self.nextPageToken = nextPageToken
    }
}

/// A wire protocol: a pure request encoder, a pure event mapper and a pure error decoder.
/// The transport (`ProviderClient`) does the I/O around them.
public protocol WireProtocol: Sendable {
    var name: ProtocolName { get }
    /// The streaming HTTP request for `request`.
    func streamRequest(for request: ModelRequest, endpoint: ProviderEndpoint) throws(ProviderError) -> HTTPRequestSpec
    /// A framer for a response with this `Content-Type` (Gemini answers a JSON array without `alt=sse`).
    func makeFramer(contentType: String?) -> any StreamFramer
    /// A fresh mapper for one response to `request`.
    func makeMapper(for request: ModelRequest) -> any EventMapper
    /// The typed error for a non-2xx response (body already read, possibly truncated).
    func error(status: Int, headers: HeaderFields, body: Data, model: String) -> ProviderError
    /// The request that lists models.
    func modelListRequest(endpoint: ProviderEndpoint, pageToken: String?) -> HTTPRequestSpec
    /// Parses one page of the model list.
    func parseModelList(_ body: Data) throws(ProviderError) -> ModelListPage
}
