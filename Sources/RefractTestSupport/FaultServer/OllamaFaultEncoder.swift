/// Ollama native NDJSON (`/api/chat`, or `/api/generate` with `generate`): one object per line, last has `"done":true`.
struct OllamaFaultEncoder: FaultStreamEncoder {
    let model: String
    /// True for `/api/generate` (`response` instead of `message`).
    let generate: Bool
    private var outputTokens = 0

    init(model: String, generate: Bool) {
        self.model = model
        self.generate = generate
    }

    var contentType: String { "application/x-ndjson" }

    private func line(content: [UInt8], thinking: Bool, tail: String) -> [UInt8] {
        var json = FaultBytes(#"{"model":"#)
        json.add(json: model)
        json.add(#","created_at":"2024-01-01T00:00:00.000000Z","#)
        if generate {
            json.add(thinking ? #""response":"","thinking":"# : #""response":"#)
            json.add(json: content)
        } else {
            json.add(thinking ? #""message":{"role":"assistant","content":"","thinking":"# : #""message":{"role":"assistant","content":"#)
            json.add(json: content)
            json.add("}")
        }
        json.add(tail)
        json.add("}\n")
        return json.bytes
    }

    mutating func start() -> [UInt8] { [] }

    mutating func reasoning(_ token: [UInt8]) -> [UInt8] {
        outputTokens += 1
        return line(content: token, thinking: true, tail: #","done":false"#)
    }

    mutating func text(_ token: [UInt8]) -> [UInt8] {
        outputTokens += 1
        return line(content: token, thinking: false, tail: #","done":false"#)
    }

    mutating func finish() -> [UInt8] {
        let context = generate ? #","context":[1,2,3]"# : ""
        let metrics = #","done":true,"done_reason":"stop"\#(context),"total_duration":1000000,"load_duration":100000,"prompt_eval_count":\#(FaultUsage.inputTokens),"prompt_eval_duration":200000,"eval_count":\#(outputTokens),"eval_duration":700000"#
        return line(content: [], thinking: false, tail: metrics)
    }

    mutating func midstreamError() -> [UInt8] {
        Array(#"{"error":"an error was encountered while running the model: unexpected EOF (fault server)"}"#.utf8) + [0x0A]
    }

    mutating func malformed() -> [UInt8] {
        let cut = generate ? #"{"model":"x","response":"bro"# : #"{"model":"x","message":{"role":"assistant","content":"bro"#
        return Array(cut.utf8) + [0x0A]
    }

    func errorBody(_ error: FaultHTTPError) -> [UInt8] {
        var body = FaultBytes(#"{"error":"#)
        body.add(json: error.status == 404 && error.customMessage == nil ? "model \"\(model)\" not found, try pulling it first" : error.message)
        body.add("}")
        return body.bytes
    }
}
