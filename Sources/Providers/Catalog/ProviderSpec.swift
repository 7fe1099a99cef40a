import Foundation

/// A configured provider: which protocol it speaks, where, with which key, and which models it offers.
public struct ProviderSpec: Sendable, Equatable {
    public var name: String
    public var protocolName: ProtocolName
    /// The API root. For the `local` provider this is filled in when its server starts.
    public var baseURL: URL
    /// Environment variables tried in order for the key.
    public var apiKeyEnvironment: [String]
    /// A key written in the config file (discouraged; a warning is shown when the file is readable by others).
    public var apiKeyFromConfig: String?
    /// Whether a request without a key is pointless (hosted APIs) or fine (local servers).
    public var requiresKey: Bool
    /// Models declared for the switcher; the server's own list adds to them when it can be fetched.
    public var models: [String]
    /// Models that are base models, driven in raw-completion mode by default.
    public var rawModels: Set<String>
    public var headers: HeaderFields
    /// How many runs may stream from this provider at once.
    public var concurrency: Int
    /// True for the embedded local models, whose servers Refract starts and stops.
    public var isManagedLocal: Bool
    /// The vendor's name ("Anthropic") for a built-in provider at its own address; nil for the user's own servers.
    public var vendor: String?

    public init(
        name: String, protocolName: ProtocolName, baseURL: URL, apiKeyEnvironment: [String] = [],
        apiKeyFromConfig: String? = nil, requiresKey: Bool = false, models: [String] = [], rawModels: Set<String> = [],
        headers: HeaderFields = [:], concurrency: Int = 4, isManagedLocal: Bool = false, vendor: String? = nil
    ) {
        self.name = name
        self.protocolName = protocolName
        self.baseURL = baseURL
        self.apiKeyEnvironment = apiKeyEnvironment
        self.apiKeyFromConfig = apiKeyFromConfig
        self.requiresKey = requiresKey
        self.models = models
        self.rawModels = rawModels
        self.headers = headers
        self.concurrency = concurrency
        self.isManagedLocal = isManagedLocal
        self.vendor = vendor
    }

    /// How messages name this provider: the vendor for a built-in, else the configured name and its host
    /// ("myproxy (127.0.0.1:8080)"), so an error from the user's own server never blames a vendor.
    public var displayName: String {
        if let vendor { return vendor }
        guard let host = baseURL.host, !host.isEmpty else { return name }
        return "\(name) (\(host)\(baseURL.port.map { ":\($0)" } ?? ""))"
    }

    /// Where this provider's key comes from, and whether it is there.
    public func keyStatus(environment: [String: String]) -> KeyStatus {
        for name in apiKeyEnvironment {
            if let value = environment[name], !value.isEmpty { return .present(value: value, source: "$\(name)") }
        }
        if let key = apiKeyFromConfig, !key.isEmpty { return .present(value: key, source: "config file") }
        return requiresKey ? .missing(variables: apiKeyEnvironment) : .notNeeded
    }

    /// The mode a model runs in unless the user picks another.
    public func defaultMode(for model: String) -> RequestMode { rawModels.contains(model) ? .rawCompletion : .chat }
}

/// Whether a provider's API key is available. The value is never printed.
public enum KeyStatus: Sendable, Equatable {
    case present(value: String, source: String)
    case missing(variables: [String])
    case notNeeded

    /// The key itself, when present.
    public var value: String? {
        if case .present(let value, _) = self { return value }
        return nil
    }

    /// A short label for lists: "key set ($OPENAI_API_KEY)", "no key: set $OPENAI_API_KEY", "no key needed".
    public var label: String {
        switch self {
        case .present(_, let source): "key set (\(source))"
        case .missing(let vars): vars.isEmpty ? "no key" : "no key: set $\(vars[0])"
        case .notNeeded: "no key needed"
        }
    }
}
