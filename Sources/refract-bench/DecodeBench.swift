import Foundation
import Providers

/// `refract-bench decode`: framer + event mapper throughput on a generated ~10 MB stream per protocol.
enum DecodeBench {
    static let protocols: [ProtocolName] = [.openAIChat, .anthropic, .ollama, .gemini]

    static func run(_ options: Options) {
        let megabytes = options.double("mb", 10)
        let reps = options.int("reps", 5)
        let readSize = options.int("read-size", 16 * 1024)
        let names = options.optional("protocol").map { $0.split(separator: ",").compactMap { ProtocolName(rawValue: String($0)) } } ?? protocols
        for name in names {
            let body = Array(generate(name, bytes: Int(megabytes * 1_048_576)).utf8)
            if let dir = options.optional("write") {
                let url = URL(fileURLWithPath: dir).appendingPathComponent("\(name.rawValue).body")
                try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: url.path, contents: Data(body))
            }
            var seconds: [Double] = []
            var cpu: [Double] = []
            var parts = 0
            var textParts = 0
            for _ in 0..<reps {
                let c0 = Measure.cpu()
                let t0 = Measure.now()
                let (count, text) = decode(name, body, readSize: readSize)
                seconds.append(Measure.now() - t0)
                cpu.append(Measure.cpu() - c0)
                parts = count
                textParts = text
            }
            let t = Measure.median(seconds)
            var report = Report("decode.\(name.rawValue)")
            report.add("framing", name == .gemini ? "json-array" : name == .ollama ? "ndjson" : "sse")
            report.add("body_mb", Double(body.count) / 1_048_576)
            report.add("read_size", readSize)
            report.add("parts", parts)
            report.add("text_parts", textParts)
            report.add("reps", reps)
            report.add("median_s", t, digits: 4)
            report.add("cpu_median_s", Measure.median(cpu), digits: 4)
            report.add("mb_per_s", Double(body.count) / 1_048_576 / t, digits: 1)
            report.add("parts_per_s", Double(parts) / t, digits: 0)
            report.emit()
        }
    }

    /// Feeds the body in reads of `readSize` bytes through the protocol's real framer and mapper.
    static func decode(_ name: ProtocolName, _ body: [UInt8], readSize: Int) -> (parts: Int, text: Int) {
        let implementation = name.implementation
        var framer = implementation.makeFramer(contentType: name == .gemini ? "application/json" : "text/event-stream")
        var mapper = implementation.makeMapper(for: ModelRequest(model: "", messages: []))
        var parts = 0
        var text = 0
        func count(_ produced: [StreamPart]) {
            parts += produced.count
            for part in produced { if case .textDelta = part { text += 1 } }
        }
        body.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(raw.count, start + readSize)
                for message in framer.feed(UnsafeRawBufferPointer(rebasing: raw[start..<end])) { count(mapper.map(message)) }
                start = end
            }
        }
        for message in framer.finish() { count(mapper.map(message)) }
        count(mapper.finish())
        return (parts, text)
    }

    /// A body of about `bytes` bytes as the protocol's servers send it, one token per event
    /// (Gemini: about 20 tokens per array element, as it batches).
    static func generate(_ name: ProtocolName, bytes: Int) -> String {
        var out = ""
        out.reserveCapacity(bytes + 4096)
        let tokens = Tokens.make(4096)
        var i = 0
        func token() -> String {
            defer { i += 1 }
            return tokens[i % tokens.count]
        }
        switch name {
        case .openAIChat:
            // llama.cpp's server, as `refract run` against the local model sees it.
            let head = #"{"choices":[{"finish_reason":null,"index":0,"delta":{"content":"#
            let tail = #"}}],"created":1767225600,"id":"chatcmpl-9tX3mV1bq2Zc4sKQ0e","model":"smollm2-135m-instruct","system_fingerprint":"b5800-1a2b3c4d","object":"chat.completion.chunk"}"#
            out += #"data: {"choices":[{"finish_reason":null,"index":0,"delta":{"role":"assistant","content":null}}],"created":1767225600,"id":"chatcmpl-9tX3mV1bq2Zc4sKQ0e","model":"smollm2-135m-instruct","system_fingerprint":"b5800-1a2b3c4d","object":"chat.completion.chunk"}"# + "\n\n"
            while out.utf8.count < bytes { out += "data: " + head + JSONStringEscaper.quoted(token()) + tail + "\n\n" }
            out += #"data: {"choices":[{"finish_reason":"length","index":0,"delta":{}}],"created":1767225600,"id":"chatcmpl-9tX3mV1bq2Zc4sKQ0e","model":"smollm2-135m-instruct","object":"chat.completion.chunk","timings":{"prompt_n":20,"predicted_n":\#(i)}}"# + "\n\n"
            out += #"data: {"choices":[],"usage":{"prompt_tokens":20,"completion_tokens":\#(i),"total_tokens":\#(i + 20)}}"# + "\n\n"
            out += "data: [DONE]\n\n"
        case .anthropic:
            out += "event: message_start\n" + #"data: {"type":"message_start","message":{"model":"claude-haiku-4-5-20251001","id":"msg_01T8kTq7cYyYJeQ5DxcVUc6D","type":"message","role":"assistant","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}"# + "\n\n"
            out += "event: content_block_start\n" + #"data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"# + "\n\n"
            var n = 0
            while out.utf8.count < bytes {
                out += "event: content_block_delta\n" + #"data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"# + JSONStringEscaper.quoted(token()) + "}}\n\n"
                n += 1
                if n % 200 == 0 { out += "event: ping\n" + #"data: {"type": "ping"}"# + "\n\n" }
            }
            out += "event: content_block_stop\n" + #"data: {"type":"content_block_stop","index":0}"# + "\n\n"
            out += "event: message_delta\n" + #"data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":\#(i)}}"# + "\n\n"
            out += "event: message_stop\n" + #"data: {"type":"message_stop"}"# + "\n\n"
        case .ollama:
            while out.utf8.count < bytes {
                out += #"{"model":"llama3.2","created_at":"2025-10-26T17:15:24.097767Z","message":{"role":"assistant","content":"# + JSONStringEscaper.quoted(token()) + #"},"done":false}"# + "\n"
            }
            out += #"{"model":"llama3.2","created_at":"2025-10-26T17:15:29.097767Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"length","total_duration":5000000000,"prompt_eval_count":20,"eval_count":\#(i)}"# + "\n"
        case .gemini, .openAIResponses:
            out += "["
            var first = true
            while out.utf8.count < bytes {
                var text = ""
                for _ in 0..<20 { text += token() }
                if !first { out += "\n,\r\n" }
                first = false
                out += #"{"candidates": [{"content": {"parts": [{"text": "# + JSONStringEscaper.quoted(text) + #"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 18,"candidatesTokenCount": \#(i),"totalTokenCount": \#(i + 18)},"modelVersion": "gemini-2.5-flash","responseId": "ru1garvBEoOiqtsP2fznmQw"}"#
            }
            out += "\n,\r\n" + #"{"candidates": [{"content": {"parts": [{"text": ""}],"role": "model"},"finishReason": "MAX_TOKENS","index": 0}],"usageMetadata": {"promptTokenCount": 18,"candidatesTokenCount": \#(i),"totalTokenCount": \#(i + 18)},"modelVersion": "gemini-2.5-flash"}"# + "]"
        }
        return out
    }
}
