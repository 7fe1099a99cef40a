import Foundation
import Providers

/// A model that waits for a place under the provider's concurrency limit before it streams, so judge
/// calls share the limit with the runs they grade.
struct LimitedModel: LanguageModel {
    let base: any LanguageModel
    let limiter: ConcurrencyLimiter
    let provider: String

    func stream(_ request: ModelRequest) -> AsyncStream<StreamPart> {
        let (stream, continuation) = AsyncStream<StreamPart>.makeStream()
        let task = Task {
            let ran: Void? = await limiter.withPermit(provider) {
                for await part in base.stream(request) { continuation.yield(part) }
            }
            if ran == nil { continuation.yield(.error(ProviderError(kind: .cancelled, message: "stopped before it started"))) }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
