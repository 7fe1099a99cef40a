/// Gemini `streamGenerateContent`: with `alt=sse` CRLF-separated `data:` events, else one JSON array
/// streamed element by element. No terminator: the last chunk carries `finishReason`, then EOF.
struct GeminiFaultEncoder: FaultStreamEncoder {
    let model: String
    /// True for `alt=sse`; false for the JSON-array form.
    let sse: Bool
    private var elements = 0
    private var textTokens = 0
    private var reasoningTokens = 0

    init(model: String, sse: Bool) {
        self.model = model
        self.sse = sse
    }

    var contentType: String { sse ? "text/event-stream" : "application/json; charset=UTF-8" }

    private mutating func element(_ json: [UInt8]) -> [UInt8] {
        defer { elements += 1 }
        if sse { return Array("data: ".utf8) + json + Array("\r\n\r\n".utf8) }
        return Array((elements == 0 ? "[" : "\n,\r\n").utf8) + json
    }

    private func usage(final: Bool) -> String {
        let candidates = final || textTokens > 0 ? #","candidatesTokenCount":\#(textTokens)"# : ""
        let thoughts = reasoningTokens > 0 ? #","thoughtsTokenCount":\#(reasoningTokens)"# : ""
        let total = FaultUsage.inputTokens + textTokens + reasoningTokens
        return #""usageMetadata":{"promptTokenCount":\#(FaultUsage.inputTokens)\#(candidates),"totalTokenCount":\#(total)\#(thoughts)}"#
    }

    private mutating func chunk(part: [UInt8], thought: Bool, finish: Bool) -> [UInt8] {
        var json = FaultBytes(#"{"candidates":[{"content":{"parts":[{"text":"#)
        json.add(json: part)
        if thought { json.add(#","thought":true"#) }
        json.add(#"}],"role":"model"}"#)
        if finish { json.add(#","finishReason":"STOP""#) }
        json.add(#","index":0}],\#(usage(final: finish)),"modelVersion":"#)
        json.add(json: model)
        json.add(#","responseId":"fault"}"#)
        return element(json.bytes)
    }

    mutating func start() -> [UInt8] { [] }

    mutating func reasoning(_ token: [UInt8]) -> [UInt8] {
        reasoningTokens += 1
        return chunk(part: token, thought: true, finish: false)
    }

    mutating func text(_ token: [UInt8]) -> [UInt8] {
        textTokens += 1
        return chunk(part: token, thought: false, finish: false)
    }

    mutating func finish() -> [UInt8] { chunk(part: [], thought: false, finish: true) }

    /// A bare, pretty-printed error object with no `data:` (what Gemini appends when it fails mid-stream).
    mutating func midstreamError() -> [UInt8] {
        let object = "{\n  \"error\": {\n    \"code\": 503,\n    \"message\": \"The model is overloaded. Please try again later. (fault server)\",\n    \"status\": \"UNAVAILABLE\"\n  }\n}\n"
        if sse { return Array(object.utf8) }
        return element(Array(object.utf8))
    }

    mutating func malformed() -> [UInt8] {
        element(Array(#"{"candidates":[{"content":{"parts":[{"text":"bro"#.utf8))
    }

    mutating func closing() -> [UInt8] {
        guard !sse else { return [] }
        return Array((elements == 0 ? "[]" : "\n]").utf8)
    }

    func errorBody(_ error: FaultHTTPError) -> [UInt8] {
        let status: String = switch error.status {
        case 400: "INVALID_ARGUMENT"
        case 401: "UNAUTHENTICATED"
        case 403: "PERMISSION_DENIED"
        case 404: "NOT_FOUND"
        case 429: "RESOURCE_EXHAUSTED"
        case 500: "INTERNAL"
        case 503: "UNAVAILABLE"
        case 504: "DEADLINE_EXCEEDED"
        default: "UNKNOWN"
        }
        var body = FaultBytes("{\n  \"error\": {\n    \"code\": \(error.status),\n    \"message\": ")
        body.add(json: error.status == 401 ? "API key not valid. Please pass a valid API key. (fault server)" : error.message)
        body.add(",\n    \"status\": \"\(status)\"")
        if let delay = error.retryDelaySeconds {
            body.add(",\n    \"details\": [\n      {\n        \"@type\": \"type.googleapis.com/google.rpc.RetryInfo\",\n        \"retryDelay\": \"\(delay)s\"\n      }\n    ]")
        }
        body.add("\n  }\n}\n")
        return body.bytes
    }
}
