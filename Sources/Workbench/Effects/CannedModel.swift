import Providers

/// A model that plays recorded parts at once: how a cached evaluation cell goes through the same path
/// (recording, reducer, matrix) as a live one without calling anything.
struct CannedModel: LanguageModel {
    let parts: [StreamPart]

    func stream(_ request: ModelRequest) -> AsyncStream<StreamPart> {
        AsyncStream { continuation in
            for part in parts { continuation.yield(part) }
            continuation.finish()
        }
    }
}
