import Foundation

/// Writes one scripted turn as a streamed answer in a protocol's own wire format (the shapes in
/// PROVIDERS.md): tool-call ids, names and argument fragments where the protocol streams them,
/// whole calls where it sends them whole (Gemini, Ollama).
public enum ToolScriptEncoder {
    /// The content type and body for `turn` in `protocolName` (`openai-chat`, `openai-responses`, `anthropic`, `gemini`, `ollama`).
    public static func body(_ turn: ToolScriptTurn, protocolName: String) -> (contentType: String, body: String) {
        switch protocolName {
        case "anthropic": ("text/event-stream", anthropic(turn))
        case "openai-responses": ("text/event-stream", responses(turn))
        case "gemini": ("text/event-stream", gemini(turn))
        case "ollama": ("application/x-ndjson", ollama(turn))
        default: ("text/event-stream", openAIChat(turn))
        }
    }

    private static func q(_ s: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
        let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }

    /// The arguments in two fragments (split inside the text, so a decoder must concatenate).
    private static func halves(_ s: String) -> (String, String) {
        let cut = s.index(s.startIndex, offsetBy: s.count / 2)
        return (String(s[..<cut]), String(s[cut...]))
    }

    private static func sse(_ data: String, event: String? = nil) -> String {
        (event.map { "event: \($0)\n" } ?? "") + "data: \(data)\n\n"
    }

    static func openAIChat(_ turn: ToolScriptTurn) -> String {
        func chunk(_ delta: String, finish: String? = nil) -> String {
            sse(#"{"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":\#(delta),"finish_reason":\#(finish.map(q) ?? "null")}]}"#)
        }
        var out = ""
        switch turn {
        case .calls(let calls):
            for (i, call) in calls.enumerated() {
                let (a, b) = halves(call.arguments)
                out += chunk(#"{"role":"assistant","content":null,"tool_calls":[{"index":\#(i),"id":\#(q(call.id)),"type":"function","function":{"name":\#(q(call.name)),"arguments":""}}]}"#)
                out += chunk(#"{"tool_calls":[{"index":\#(i),"function":{"arguments":\#(q(a))}}]}"#)
                out += chunk(#"{"tool_calls":[{"index":\#(i),"function":{"arguments":\#(q(b))}}]}"#)
            }
            out += chunk("{}", finish: "tool_calls")
        case .text(let text):
            out += chunk(#"{"role":"assistant","content":\#(q(text))}"#)
            out += chunk("{}", finish: "stop")
        }
        out += sse(#"{"id":"c1","object":"chat.completion.chunk","model":"m","choices":[],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}"#)
        return out + sse("[DONE]")
    }

    static func anthropic(_ turn: ToolScriptTurn) -> String {
        var out = sse(#"{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"usage":{"input_tokens":10,"output_tokens":1}}}"#, event: "message_start")
        let stop: String
        switch turn {
        case .calls(let calls):
            for (i, call) in calls.enumerated() {
                let (a, b) = halves(call.arguments)
                out += sse(#"{"type":"content_block_start","index":\#(i),"content_block":{"type":"tool_use","id":\#(q(call.id)),"name":\#(q(call.name)),"input":{}}}"#, event: "content_block_start")
                out += sse(#"{"type":"content_block_delta","index":\#(i),"delta":{"type":"input_json_delta","partial_json":""}}"#, event: "content_block_delta")
                out += sse(#"{"type":"content_block_delta","index":\#(i),"delta":{"type":"input_json_delta","partial_json":\#(q(a))}}"#, event: "content_block_delta")
                out += sse(#"{"type":"content_block_delta","index":\#(i),"delta":{"type":"input_json_delta","partial_json":\#(q(b))}}"#, event: "content_block_delta")
                out += sse(#"{"type":"content_block_stop","index":\#(i)}"#, event: "content_block_stop")
            }
            stop = "tool_use"
        case .text(let text):
            out += sse(#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#, event: "content_block_start")
            out += sse(#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":\#(q(text))}}"#, event: "content_block_delta")
            out += sse(#"{"type":"content_block_stop","index":0}"#, event: "content_block_stop")
            stop = "end_turn"
        }
        out += sse(#"{"type":"message_delta","delta":{"stop_reason":"\#(stop)","stop_sequence":null},"usage":{"output_tokens":5}}"#, event: "message_delta")
        return out + sse(#"{"type":"message_stop"}"#, event: "message_stop")
    }

    static func responses(_ turn: ToolScriptTurn) -> String {
        var out = sse(#"{"type":"response.created","response":{"id":"resp_1","status":"in_progress"}}"#, event: "response.created")
        switch turn {
        case .calls(let calls):
            for (i, call) in calls.enumerated() {
                let (a, b) = halves(call.arguments)
                out += sse(#"{"type":"response.output_item.added","output_index":\#(i),"item":{"type":"function_call","id":"fc_\#(i)","call_id":\#(q(call.id)),"name":\#(q(call.name)),"arguments":""}}"#, event: "response.output_item.added")
                out += sse(#"{"type":"response.function_call_arguments.delta","output_index":\#(i),"item_id":"fc_\#(i)","delta":\#(q(a))}"#, event: "response.function_call_arguments.delta")
                out += sse(#"{"type":"response.function_call_arguments.delta","output_index":\#(i),"item_id":"fc_\#(i)","delta":\#(q(b))}"#, event: "response.function_call_arguments.delta")
            }
        case .text(let text):
            out += sse(#"{"type":"response.output_text.delta","item_id":"m1","output_index":0,"content_index":0,"delta":\#(q(text))}"#, event: "response.output_text.delta")
        }
        return out + sse(#"{"type":"response.completed","response":{"status":"completed","usage":{"input_tokens":10,"output_tokens":5}}}"#, event: "response.completed")
    }

    static func gemini(_ turn: ToolScriptTurn) -> String {
        let parts: String
        switch turn {
        case .calls(let calls):
            // Thinking models put a signature on the call's part, which the next request must echo.
            parts = calls.map { #"{"functionCall":{"name":\#(q($0.name)),"args":\#($0.arguments)},"thoughtSignature":\#(q("sig_" + $0.id))}"# }.joined(separator: ",")
        case .text(let text):
            parts = #"{"text":\#(q(text))}"#
        }
        return "data: " + #"{"candidates":[{"content":{"parts":[\#(parts)],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":5,"totalTokenCount":15}}"# + "\r\n\r\n"
    }

    static func ollama(_ turn: ToolScriptTurn) -> String {
        var out = ""
        switch turn {
        case .calls(let calls):
            let list = calls.map { #"{"function":{"name":\#(q($0.name)),"arguments":\#($0.arguments)}}"# }.joined(separator: ",")
            out += #"{"model":"m","message":{"role":"assistant","content":"","tool_calls":[\#(list)]},"done":false}"# + "\n"
        case .text(let text):
            out += #"{"model":"m","message":{"role":"assistant","content":\#(q(text))},"done":false}"# + "\n"
        }
        return out + #"{"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":10,"eval_count":5}"# + "\n"
    }
}
