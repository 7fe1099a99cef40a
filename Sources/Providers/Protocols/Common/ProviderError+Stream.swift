import Foundation

extension ProviderError {
    /// The body ended before the protocol's terminator.
    static func streamCut(before terminator: String) -> ProviderError {
        ProviderError(kind: .streamCut, message: "the stream ended before \(terminator); the partial answer was kept")
    }

    /// An error event inside a stream that had started (HTTP 200 was already sent).
    static func midStream(provider: String, payload: WireErrorPayload, partialKept: Bool) -> ProviderError {
        let kind = ErrorKindClassifier.streamKind(labels: payload.labels, impliedStatus: payload.impliedStatus)
        var said = ProviderText.oneLine(payload.message ?? "")
        if said.isEmpty { said = "no message" }
        if let label = payload.label, !label.isEmpty, label != payload.message { said += " [\(ProviderText.oneLine(label))]" }
        let advice: String
        switch kind {
        case .overloaded: advice = "the model is overloaded, try again in a moment"
        case .rateLimited: advice = "wait and try again"
        case .forbidden: advice = "check the account's plan and billing"
        default: advice = "try again"
        }
        let kept = partialKept ? "; the partial answer was kept" : ""
        return ProviderError(
            kind: kind,
            message: "\(provider) reported an error mid-stream: \(said); \(advice)\(kept)",
            status: payload.impliedStatus
        )
    }
}
