/// OpenAI Chat Completions SSE (`data: {chunk}`, `data: [DONE]`); with `legacy` the `/completions` text chunks.
struct OpenAIChatFaultEncoder: FaultStreamEncoder {
    let model: String
    /// True for `/v1/completions` (`choices[].text`, object `text_completion`).
    let legacy: Bool
    private var textTokens = 0
    private var reasoningTokens = 0

    init(model: String, legacy: Bool) {
        self.model = model
        self.legacy = legacy
    }

    var contentType: String { "text/event-stream" }

    private func chunk(choices: String, extra: String = "") -> [UInt8] {
        let object = legacy ? "text_completion" : "chat.completion.chunk"
        let id = legacy ? "cmpl-fault" : "chatcmpl-fault"
        var data = FaultBytes(#"data: {"id":"\#(id)","object":"\#(object)","created":1700000000,"model":"#)
        data.add(json: model)
        data.add(#","system_fingerprint":"fp_fault","choices":\#(choices)\#(extra)}"#)
        data.add("\n\n")
        return data.bytes
    }

    private func choice(delta: FaultBytes, finish: String?) -> String {
        let reason = finish.map { "\"\($0)\"" } ?? "null"
        let inner = String(decoding: delta.bytes, as: UTF8.self)
        return legacy
            ? #"[{"index":0,\#(inner),"logprobs":null,"finish_reason":\#(reason)}]"#
            : #"[{"index":0,"delta":\#(inner),"logprobs":null,"finish_reason":\#(reason)}]"#
    }

    /// Builds a choice around raw token bytes without decoding them (they may be invalid UTF-8).
    private func tokenChunk(field: String, token: [UInt8]) -> [UInt8] {
        let object = legacy ? "text_completion" : "chat.completion.chunk"
        let id = legacy ? "cmpl-fault" : "chatcmpl-fault"
        var data = FaultBytes(#"data: {"id":"\#(id)","object":"\#(object)","created":1700000000,"model":"#)
        data.add(json: model)
        data.add(#","system_fingerprint":"fp_fault","choices":[{"index":0,"#)
        data.add(legacy ? #""text":"# : #""delta":{"\#(field)":"#)
        data.add(json: token)
        data.add(legacy ? "" : "}")
        data.add(#","logprobs":null,"finish_reason":null}]}"#)
        data.add("\n\n")
        return data.bytes
    }

    mutating func start() -> [UInt8] {
        legacy ? [] : chunk(choices: choice(delta: FaultBytes(#"{"role":"assistant","content":"","refusal":null}"#), finish: nil))
    }

    mutating func reasoning(_ token: [UInt8]) -> [UInt8] {
        reasoningTokens += 1
        return legacy ? [] : tokenChunk(field: "reasoning_content", token: token)
    }

    mutating func text(_ token: [UInt8]) -> [UInt8] {
        textTokens += 1
        return tokenChunk(field: "content", token: token)
    }

    mutating func finish() -> [UInt8] {
        var out = chunk(choices: choice(delta: FaultBytes(legacy ? #""text":"""# : "{}"), finish: "stop"))
        let completion = textTokens + reasoningTokens
        let usage = #","usage":{"prompt_tokens":\#(FaultUsage.inputTokens),"completion_tokens":\#(completion),"total_tokens":\#(FaultUsage.inputTokens + completion),"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":\#(reasoningTokens)}}"#
        out += chunk(choices: "[]", extra: usage)
        out += Array("data: [DONE]\n\n".utf8)
        return out
    }

    mutating func midstreamError() -> [UInt8] {
        Array(#"data: {"error":{"message":"The server had an error while processing your request. (fault server)","type":"server_error","param":null,"code":null}}"#.utf8)
            + Array("\n\n".utf8)
    }

    mutating func malformed() -> [UInt8] {
        let cut = legacy
            ? #"data: {"id":"cmpl-fault","object":"text_completion","choices":[{"index":0,"text":"bro"#
            : #"data: {"id":"chatcmpl-fault","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"bro"#
        return Array((cut + "\n\n").utf8)
    }

    func errorBody(_ error: FaultHTTPError) -> [UInt8] {
        let (type, code): (String, String?) = switch error.status {
        case 401: ("invalid_request_error", "invalid_api_key")
        case 403: ("permission_error", nil)
        case 404: ("invalid_request_error", "model_not_found")
        case 429: error.quota ? ("insufficient_quota", "insufficient_quota") : ("requests", "rate_limit_exceeded")
        case 500...: ("server_error", nil)
        default: ("invalid_request_error", nil)
        }
        var body = FaultBytes(#"{"error":{"message":"#)
        body.add(json: error.message)
        body.add(#","type":"\#(type)","param":null,"code":\#(code.map { "\"\($0)\"" } ?? "null")}}"#)
        return body.bytes
    }
}
