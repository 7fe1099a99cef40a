/// How a response body's end is signalled on the wire.
public enum ResponseBodyFraming: Sendable, Equatable {
    /// `Content-Length: n`; writing a different number of bytes is the handler's choice (a lie to test clients).
    case contentLength(Int)
    /// `Transfer-Encoding: chunked`: each `write` is one chunk; `end()` sends the terminating chunk.
    case chunked
    /// No length: the body ends when the server closes the connection (`Connection: close`).
    case closeDelimited
}
