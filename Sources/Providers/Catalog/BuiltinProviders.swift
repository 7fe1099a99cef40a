import Foundation

/// The providers Refract knows without any configuration.
public enum BuiltinProviders {
    /// Names of the built-in providers, in the order lists show them.
    public static let names = ["local", "anthropic", "openai", "gemini", "ollama"]

    /// The built-ins, with base URLs taken from the environment where the vendors' SDKs read them.
    public static func all(environment: [String: String]) -> [ProviderSpec] {
        [
            ProviderSpec(
                name: "local", protocolName: .openAIChat, baseURL: URL(string: "http://127.0.0.1:0/v1")!,
                models: LocalModelCatalog.all.map(\.id), rawModels: Set(LocalModelCatalog.all.filter(\.isBaseModel).map(\.id)),
                concurrency: 4, isManagedLocal: true, vendor: "the local model server"
            ),
            ProviderSpec(
                name: "anthropic", protocolName: .anthropic,
                baseURL: url(environment["ANTHROPIC_BASE_URL"], default: "https://api.anthropic.com", appending: "v1"),
                apiKeyEnvironment: ["ANTHROPIC_API_KEY"], requiresKey: true,
                models: ["claude-opus-4-8", "claude-sonnet-4-6", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"],
                concurrency: 4, vendor: "Anthropic"
            ),
            ProviderSpec(
                name: "openai", protocolName: .openAIChat,
                baseURL: url(environment["OPENAI_BASE_URL"], default: "https://api.openai.com/v1", appending: nil),
                apiKeyEnvironment: ["OPENAI_API_KEY"], requiresKey: true,
                models: ["gpt-5.5", "gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "o4-mini"],
                concurrency: 4, vendor: "OpenAI"
            ),
            ProviderSpec(
                name: "gemini", protocolName: .gemini,
                baseURL: URL(string: "https://generativelanguage.googleapis.com/v1beta")!,
                apiKeyEnvironment: ["GEMINI_API_KEY", "GOOGLE_API_KEY"], requiresKey: true,
                models: ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite", "gemini-3-flash-preview"],
                concurrency: 4, vendor: "Gemini"
            ),
            ProviderSpec(
                name: "ollama", protocolName: .ollama,
                baseURL: ollamaURL(environment["OLLAMA_HOST"]),
                concurrency: 2, vendor: "Ollama"
            ),
        ]
    }

    /// `ANTHROPIC_BASE_URL` is the host (the SDK appends `/v1`); `OPENAI_BASE_URL` already includes `/v1`.
    static func url(_ value: String?, default fallback: String, appending suffix: String?) -> URL {
        guard let value, !value.isEmpty, let url = URL(string: value), url.scheme != nil else {
            let base = URL(string: fallback)!
            return suffix.map { base.appendingPathComponent($0) } ?? base
        }
        if let suffix, !url.path.hasSuffix("/\(suffix)") { return url.appendingPathComponent(suffix) }
        return url
    }

    /// `OLLAMA_HOST` may be `host`, `host:port`, or a full URL.
    static func ollamaURL(_ value: String?) -> URL {
        guard var host = value?.trimmingCharacters(in: .whitespaces), !host.isEmpty else {
            return URL(string: "http://127.0.0.1:11434")!
        }
        if !host.contains("://") { host = "http://" + host }
        guard var parts = URLComponents(string: host) else { return URL(string: "http://127.0.0.1:11434")! }
        if parts.host == "0.0.0.0" { parts.host = "127.0.0.1" }
        if parts.port == nil { parts.port = 11434 }
        return parts.url ?? URL(string: "http://127.0.0.1:11434")!
    }
}
