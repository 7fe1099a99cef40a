/// Anthropic Messages SSE: message_start, content blocks (thinking, text), message_delta, message_stop.
struct AnthropicFaultEncoder: FaultStreamEncoder {
    private enum Block { case thinking, text }
    let model: String
    let requestID: String
    private var blockIndex = -1
    private var openBlock: Block?
    private var outputTokens = 0

    init(model: String, requestID: String) {
        self.model = model
        self.requestID = requestID
    }

    var contentType: String { "text/event-stream; charset=utf-8" }

    private func event(_ name: String, _ data: FaultBytes) -> [UInt8] {
        Array("event: \(name)\ndata: ".utf8) + data.bytes + Array("\n\n".utf8)
    }

    mutating func start() -> [UInt8] {
        var data = FaultBytes(#"{"type":"message_start","message":{"id":"msg_fault","type":"message","role":"assistant","model":"#)
        data.add(json: model)
        data.add(#","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":\#(FaultUsage.inputTokens),"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}"#)
        return event("message_start", data) + event("ping", FaultBytes(#"{"type": "ping"}"#))
    }

    private mutating func open(_ block: Block) -> [UInt8] {
        if openBlock == block { return [] }
        var out = closeBlock()
        blockIndex += 1
        openBlock = block
        let content = block == .text ? #"{"type":"text","text":""}"# : #"{"type":"thinking","thinking":""}"#
        out += event("content_block_start", FaultBytes(#"{"type":"content_block_start","index":\#(blockIndex),"content_block":\#(content)}"#))
        return out
    }

    private mutating func closeBlock() -> [UInt8] {
        guard let block = openBlock else { return [] }
        openBlock = nil
        var out: [UInt8] = []
        if block == .thinking {
            out += event("content_block_delta", FaultBytes(#"{"type":"content_block_delta","index":\#(blockIndex),"delta":{"type":"signature_delta","signature":"ZmF1bHQ="}}"#))
        }
        out += event("content_block_stop", FaultBytes(#"{"type":"content_block_stop","index":\#(blockIndex)}"#))
        return out
    }

    mutating func reasoning(_ token: [UInt8]) -> [UInt8] {
        outputTokens += 1
        var out = open(.thinking)
        var data = FaultBytes(#"{"type":"content_block_delta","index":\#(blockIndex),"delta":{"type":"thinking_delta","thinking":"#)
        data.add(json: token)
        data.add("}}")
        out += event("content_block_delta", data)
        return out
    }

    mutating func text(_ token: [UInt8]) -> [UInt8] {
        outputTokens += 1
        var out = open(.text)
        var data = FaultBytes(#"{"type":"content_block_delta","index":\#(blockIndex),"delta":{"type":"text_delta","text":"#)
        data.add(json: token)
        data.add("}}")
        out += event("content_block_delta", data)
        return out
    }

    mutating func finish() -> [UInt8] {
        var out = closeBlock()
        out += event("message_delta", FaultBytes(#"{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":\#(outputTokens)}}"#))
        out += event("message_stop", FaultBytes(#"{"type":"message_stop"}"#))
        return out
    }

    mutating func midstreamError() -> [UInt8] {
        event("error", FaultBytes(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#))
    }

    mutating func malformed() -> [UInt8] {
        Array("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":\(max(blockIndex, 0)),\"delta\":{\"type\":\"text_del\n\n".utf8)
    }

    func errorBody(_ error: FaultHTTPError) -> [UInt8] {
        let type: String = switch error.status {
        case 400: "invalid_request_error"
        case 401: "authentication_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 413: "request_too_large"
        case 429: "rate_limit_error"
        case 529: "overloaded_error"
        case 500...: "api_error"
        default: "invalid_request_error"
        }
        var body = FaultBytes(#"{"type":"error","error":{"type":"\#(type)","message":"#)
        body.add(json: error.message)
        if error.quota { body.add(#","details":{"error_code":"enforced_spend_limit_reached"}"#) }
        body.add(#"},"request_id":"#)
        body.add(json: requestID)
        body.add("}")
        return body.bytes
    }
}
