import Providers

/// The "what the model receives" overlay: the request as it would be sent now, and llama.cpp's template
/// and tokens for the local models once they arrive.
public struct InspectionState: Sendable, Equatable {
    public var model: ModelRef
    public var request: ModelRequest
    public var inspection: PromptInspection?
    /// "asking llama.cpp…", or why there is no template view.
    public var status: String?
    /// The HTTP request as it would be sent (keys replaced), or why it cannot be built.
    public var preview: Result<RequestPreview, ProviderError>?
    /// Examples that break the pattern (see `Prompt.exampleHazards`).
    public var exampleHazards: [String] = []
    public var scroll = 0

    public init(model: ModelRef, request: ModelRequest, status: String?) {
        self.model = model
        self.request = request
        self.status = status
    }

    /// The overlay's text, one entry per line before wrapping.
    public var lines: [String] {
        var out: [String] = []
        if request.mode == .rawCompletion {
            out += ["── raw completion: the text the model continues ──"] + request.rawPrompt.components(separatedBy: "\n")
        } else {
            for message in request.messages { out += ["── \(message.role.rawValue) ──"] + message.content.components(separatedBy: "\n") }
        }
        let p = request.parameters
        if !p.stop.isEmpty { out.append("── stop: " + p.stop.map { $0.debugDescription }.joined(separator: ", ") + " ──") }
        if let inspection {
            if request.mode == .chat { out += ["", "── with the chat template (llama.cpp) ──"] + inspection.templated.components(separatedBy: "\n") }
            out += ["", "── \(inspection.tokens.count) tokens (id:piece, ⟦special⟧, ␣ space, ⏎ newline) ──"]
            out.append(inspection.tokens.map(\.display).joined(separator: " "))
            out += inspection.hazards.map { "⚠ \($0)" }
        }
        out += exampleHazards.map { "⚠ \($0)" }
        switch preview {
        case .success(let preview):
            out += ["", "── the request: \(preview.method) \(preview.url) ──"] + preview.headers.map { "\($0.name): \($0.value)" }
            out.append(preview.body)
        case .failure(let error): out += ["", "── no request: \(error.message) ──"]
        case nil: break
        }
        if let status { out += ["", status] }
        return out
    }
}
