import Foundation

/// The outgoing side of a `ProviderClient` stream: enforces "nothing after `.error`", adds the request id
/// to errors that lack one, redacts messages, and remembers whether text or reasoning was shown.
struct PartOutput {
    let continuation: AsyncStream<StreamPart>.Continuation
    let redactor: ErrorRedactor
    /// The request id of the response being streamed, added to mid-stream errors.
    var requestID: String?
    /// True once a text or reasoning part went out: from then on nothing is retried.
    private(set) var contentShown = false
    /// True once an `.error` went out: the stream is over.
    private(set) var ended = false

    init(continuation: AsyncStream<StreamPart>.Continuation, redactor: ErrorRedactor) {
        self.continuation = continuation
        self.redactor = redactor
    }

    mutating func emit(_ parts: [StreamPart]) {
        for part in parts { emit(part) }
    }

    mutating func emit(_ part: StreamPart) {
        guard !ended else { return }
        switch part {
        case .textDelta(let text), .reasoningDelta(let text):
            if !text.isEmpty { contentShown = true }
            continuation.yield(part)
        case .warning(let message):
            continuation.yield(.warning(redactor.redact(message)))
        case .error(var error):
            ended = true
            if error.requestID == nil { error.requestID = requestID }
            continuation.yield(.error(redactor.redact(error)))
        default:
            continuation.yield(part)
        }
    }
}
