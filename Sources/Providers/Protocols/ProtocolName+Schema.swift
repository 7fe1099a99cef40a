import Foundation

extension ProtocolName {
    /// Whether a response schema is sent in the protocol's own field in this mode. Chat mode: every
    /// protocol has one. Raw completion has none that is portable (OpenAI's `/completions` takes no
    /// schema; llama.cpp's `json_schema` there is its own extension that OpenAI would refuse), so the
    /// schema goes into the prompt text instead.
    public func sendsSchemaNatively(mode: RequestMode) -> Bool { mode == .chat }
}
