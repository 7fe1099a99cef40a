import Foundation

/// A model that refuses, before anything is sent (and before a local server is started), a request
/// whose images or PDFs its protocol or model cannot take (`AttachmentPolicy`).
struct AttachmentCheckedModel: LanguageModel {
    let inner: any LanguageModel
    let protocolName: ProtocolName
    /// The model's full name when it reads text only.
    let textOnly: String?

    func stream(_ request: ModelRequest) -> AsyncStream<StreamPart> {
        guard let line = AttachmentPolicy.refusal(for: request, protocolName: protocolName, textOnly: textOnly) else {
            return inner.stream(request)
        }
        return FailingModel(error: ProviderError(kind: .invalidInput, message: line)).stream(request)
    }
}
