/// OpenAI Responses SSE: response.created … output_text.delta … response.completed (no `[DONE]`).
struct OpenAIResponsesFaultEncoder: FaultStreamEncoder {
    private enum Item { case reasoning, message }
    let model: String
    private var sequence = 0
    private var outputIndex = -1
    private var openItem: Item?
    private var text: [UInt8] = []
    private var textTokens = 0
    private var reasoningTokens = 0

    init(model: String) { self.model = model }

    var contentType: String { "text/event-stream; charset=utf-8" }

    private mutating func event(_ type: String, _ fields: FaultBytes) -> [UInt8] {
        defer { sequence += 1 }
        return Array("event: \(type)\ndata: {\"type\":\"\(type)\",\"sequence_number\":\(sequence)".utf8)
            + fields.bytes + Array("}\n\n".utf8)
    }

    private func response(status: String, extra: String = "") -> FaultBytes {
        var fields = FaultBytes(#","response":{"id":"resp_fault","object":"response","created_at":1700000000,"status":"\#(status)","model":"#)
        fields.add(json: model)
        fields.add(#","output":[]\#(extra)}"#)
        return fields
    }

    mutating func start() -> [UInt8] {
        event("response.created", response(status: "in_progress", extra: #","usage":null"#))
            + event("response.in_progress", response(status: "in_progress", extra: #","usage":null"#))
    }

    private mutating func open(_ item: Item) -> [UInt8] {
        if openItem == item { return [] }
        var out = closeItem()
        outputIndex += 1
        openItem = item
        switch item {
        case .reasoning:
            out += event("response.output_item.added", FaultBytes(#","output_index":\#(outputIndex),"item":{"id":"rs_fault","type":"reasoning","summary":[]}"#))
            out += event("response.reasoning_summary_part.added", FaultBytes(#","item_id":"rs_fault","output_index":\#(outputIndex),"summary_index":0,"part":{"type":"summary_text","text":""}"#))
        case .message:
            out += event("response.output_item.added", FaultBytes(#","output_index":\#(outputIndex),"item":{"id":"msg_fault","type":"message","status":"in_progress","role":"assistant","content":[]}"#))
            out += event("response.content_part.added", FaultBytes(#","item_id":"msg_fault","output_index":\#(outputIndex),"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}"#))
        }
        return out
    }

    private mutating func closeItem() -> [UInt8] {
        guard let item = openItem else { return [] }
        openItem = nil
        switch item {
        case .reasoning:
            return event("response.output_item.done", FaultBytes(#","output_index":\#(outputIndex),"item":{"id":"rs_fault","type":"reasoning","summary":[]}"#))
        case .message:
            var done = FaultBytes(#","item_id":"msg_fault","output_index":\#(outputIndex),"content_index":0,"text":"#)
            done.add(json: text)
            return event("response.output_text.done", done)
                + event("response.content_part.done", FaultBytes(#","item_id":"msg_fault","output_index":\#(outputIndex),"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}"#))
                + event("response.output_item.done", FaultBytes(#","output_index":\#(outputIndex),"item":{"id":"msg_fault","type":"message","status":"completed","role":"assistant","content":[]}"#))
        }
    }

    mutating func reasoning(_ token: [UInt8]) -> [UInt8] {
        reasoningTokens += 1
        var out = open(.reasoning)
        var fields = FaultBytes(#","item_id":"rs_fault","output_index":\#(outputIndex),"summary_index":0,"delta":"#)
        fields.add(json: token)
        out += event("response.reasoning_summary_text.delta", fields)
        return out
    }

    mutating func text(_ token: [UInt8]) -> [UInt8] {
        textTokens += 1
        // Large answers would double in memory; the done event only repeats the text anyway.
        if text.count < 1 << 20 { text += token }
        var out = open(.message)
        var fields = FaultBytes(#","item_id":"msg_fault","output_index":\#(outputIndex),"content_index":0,"delta":"#)
        fields.add(json: token)
        fields.add(#","logprobs":[]"#)
        out += event("response.output_text.delta", fields)
        return out
    }

    mutating func finish() -> [UInt8] {
        var out = closeItem()
        let output = textTokens + reasoningTokens
        let usage = #","usage":{"input_tokens":\#(FaultUsage.inputTokens),"input_tokens_details":{"cached_tokens":0},"output_tokens":\#(output),"output_tokens_details":{"reasoning_tokens":\#(reasoningTokens)},"total_tokens":\#(FaultUsage.inputTokens + output)}"#
        out += event("response.completed", response(status: "completed", extra: usage))
        return out
    }

    mutating func midstreamError() -> [UInt8] {
        let message = "The server had an error while processing your request. (fault server)"
        var error = FaultBytes(#","error":{"type":"server_error","code":"server_error","message":"#)
        error.add(json: message)
        error.add(#","param":null}"#)
        var failedExtra = FaultBytes(#","error":{"code":"server_error","message":"#)
        failedExtra.add(json: message)
        failedExtra.add("}")
        return event("error", error)
            + event("response.failed", response(status: "failed", extra: String(decoding: failedExtra.bytes, as: UTF8.self)))
    }

    mutating func malformed() -> [UInt8] {
        defer { sequence += 1 }
        return Array("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"sequence_number\":\(sequence),\"delta\":\"bro\n\n".utf8)
    }

    func errorBody(_ error: FaultHTTPError) -> [UInt8] {
        OpenAIChatFaultEncoder(model: model, legacy: false).errorBody(error)
    }
}
