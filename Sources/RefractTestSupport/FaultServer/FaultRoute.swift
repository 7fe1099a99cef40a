/// Which protocol endpoint a request is for, decided from method, path, query and headers.
enum FaultRoute: Equatable {
    /// The streaming dialects the fault server speaks.
    enum Dialect: Equatable {
        case anthropic, openAIChat, openAICompletions, openAIResponses, ollamaChat, ollamaGenerate
        case gemini(sse: Bool)
    }

    /// The model-list formats.
    enum ListFormat: Equatable { case anthropic, openAI, gemini, ollama }

    case stream(Dialect, model: String)
    case modelList(ListFormat)
    case unknown

    init(_ request: HTTPServerRequest) {
        let path = request.path
        if request.method == "GET" {
            if path.hasSuffix("/api/tags") {
                self = .modelList(.ollama)
            } else if path.hasSuffix("/models") {
                self = .modelList(Self.listFormat(request))
            } else {
                self = .unknown
            }
            return
        }
        guard request.method == "POST" else { self = .unknown; return }
        if let range = path.range(of: "/models/", options: .backwards), path.hasSuffix(":streamGenerateContent") {
            let model = String(path[range.upperBound...].dropLast(":streamGenerateContent".count))
            self = .stream(.gemini(sse: request.queryValue("alt") == "sse"), model: model)
            return
        }
        let model = request.jsonBody?["model"] as? String ?? ""
        if path.hasSuffix("/api/chat") {
            self = .stream(.ollamaChat, model: model)
        } else if path.hasSuffix("/api/generate") {
            self = .stream(.ollamaGenerate, model: model)
        } else if path.hasSuffix("/messages") {
            self = .stream(.anthropic, model: model)
        } else if path.hasSuffix("/chat/completions") {
            self = .stream(.openAIChat, model: model)
        } else if path.hasSuffix("/completions") {
            self = .stream(.openAICompletions, model: model)
        } else if path.hasSuffix("/responses") {
            self = .stream(.openAIResponses, model: model)
        } else {
            self = .unknown
        }
    }

    private static func listFormat(_ request: HTTPServerRequest) -> ListFormat {
        if request.header("anthropic-version") != nil || request.header("x-api-key") != nil
            || request.queryValue("after_id") != nil || request.queryValue("limit") != nil {
            return .anthropic
        }
        if request.path.contains("v1beta") || request.header("x-goog-api-key") != nil
            || request.queryValue("key") != nil || request.queryValue("pageSize") != nil || request.queryValue("pageToken") != nil {
            return .gemini
        }
        return .openAI
    }
}
