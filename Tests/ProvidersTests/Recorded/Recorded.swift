import Foundation
import Testing
@testable import Providers

/// One recorded stream (see `Streams/README.md` for where each came from) and what it must decode to.
///
/// The expected figures were computed independently of Refract (a separate Python parse, cross-checked with
/// the shared fixtures' INDEX.md) and are the same as `scripts/check-fixtures` uses.
struct Recorded: Sendable, CustomTestStringConvertible {
    /// How the file holds the body.
    enum Wrapping: Sendable {
        /// The body as received.
        case raw
        /// One `data:` payload per line (the recorder dropped the SSE framing): rebuilt as `data: <line>` + blank line.
        case dataLines
        /// As `dataLines`, and the recorder also dropped the final `data: [DONE]`, which is put back.
        case dataLinesAndDone
    }

    let file: String
    let protocolName: ProtocolName
    let wrapping: Wrapping
    /// Unicode scalars of the answer, and how it starts.
    let text: (count: Int, prefix: String)
    let reasoningScalars: Int
    /// The reported finish (`error` when the run failed), nil when the stream has none.
    let finish: String?
    let usage: Usage
    let errorKind: String?

    init(_ file: String, _ protocolName: ProtocolName, _ wrapping: Wrapping, text: (Int, String), reasoning: Int, finish: String?, usage: Usage, error: String?) {
        self.file = file
        self.protocolName = protocolName
        self.wrapping = wrapping
        self.text = text
        reasoningScalars = reasoning
        self.finish = finish
        self.usage = usage
        errorKind = error
    }

    var testDescription: String { file }

    /// The folder of the recorded files, beside this source file.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Streams")

    /// The response body, rebuilt as SSE where the recorder kept only the payloads.
    func body() throws -> [UInt8] {
        let bytes = try Array(Data(contentsOf: Self.folder.appendingPathComponent(file)))
        guard wrapping != .raw else { return bytes }
        var out: [UInt8] = []
        for line in bytes.split(separator: 0x0A) where line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            out += Array("data: ".utf8) + line + [0x0A, 0x0A]
        }
        if wrapping == .dataLinesAndDone { out += Array("data: [DONE]\n\n".utf8) }
        return out
    }

    static let all: [Recorded] = [
        Recorded("anthropic-01.txt", .anthropic, .raw, text: (5, "Hello"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 10, output: 4, cacheRead: 0, cacheWrite: 0, reasoning: nil), error: nil),
        Recorded("anthropic-02.txt", .anthropic, .raw, text: (89, "1. **Pouch** - references their iconic b"), reasoning: 289, finish: "stop",
                 usage: Usage(input: 46, output: 133, cacheRead: 0, cacheWrite: 0, reasoning: nil), error: nil),
        Recorded("anthropic-03.txt", .anthropic, .raw, text: (36, "\n\n1. **Captain Scoop**"), reasoning: 40, finish: "stop",
                 usage: Usage(input: 34, output: 44, cacheRead: 0, cacheWrite: 0, reasoning: nil), error: nil),
        Recorded("anthropic-04.txt", .anthropic, .raw, text: (650, "Based on the search results, here's the "), reasoning: 0, finish: "stop",
                 usage: Usage(input: 10423, output: 341, cacheRead: 0, cacheWrite: 0, reasoning: nil), error: nil),
        Recorded("anthropic-05.txt", .anthropic, .raw, text: (48, "I'll check the current weather in Paris "), reasoning: 0, finish: "tool_calls",
                 usage: Usage(input: 377, output: 65, cacheRead: 0, cacheWrite: 0, reasoning: nil), error: nil),
        Recorded("anthropic-06.txt", .anthropic, .raw, text: (135, "I'll create a comprehensive tax guide fo"), reasoning: 0, finish: "length",
                 usage: Usage(input: 450, output: 124, cacheRead: 0, cacheWrite: 0, reasoning: nil), error: nil),
        Recorded("anthropic-07.txt", .anthropic, .raw, text: (12, "Hello there!"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 11, output: 6, cacheRead: nil, cacheWrite: nil, reasoning: nil), error: nil),
        Recorded("anthropic-08.txt", .anthropic, .raw, text: (359, "I notice that you've sent what appears t"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 92, output: 189, cacheRead: 0, cacheWrite: 0, reasoning: nil), error: nil),
        Recorded("anthropic-09.txt", .anthropic, .raw, text: (8, "Hello! 👋"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 181, output: 8, cacheRead: 0, cacheWrite: 0, reasoning: nil), error: nil),
        Recorded("sdk-unit-02.txt", .anthropic, .raw, text: (0, ""), reasoning: 0, finish: "error",
                 usage: Usage(input: nil, output: nil, cacheRead: nil, cacheWrite: nil, reasoning: nil), error: "overloaded"),
        Recorded("openai-01.txt", .openAIChat, .raw, text: (159, "I'm unable to provide real-time weather"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 14, output: 30, cacheRead: nil, cacheWrite: nil, reasoning: 0), error: nil),
        Recorded("openai-02.txt", .openAIChat, .raw, text: (0, ""), reasoning: 0, finish: "tool_calls",
                 usage: Usage(input: 149, output: 60, cacheRead: nil, cacheWrite: nil, reasoning: 0), error: nil),
        Recorded("openai-03.txt", .openAIChat, .raw, text: (53, "{\"city\":\"San Francisco\",\"temperature\":65,"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 79, output: 42, cacheRead: nil, cacheWrite: nil, reasoning: 0), error: nil),
        Recorded("openai-04.txt", .openAIChat, .raw, text: (44, "I'm sorry, I can't assist with that request."), reasoning: 0, finish: "refusal",
                 usage: Usage(input: 79, output: 11, cacheRead: nil, cacheWrite: nil, reasoning: 0), error: nil),
        Recorded("openai-05.txt", .openAIChat, .raw, text: (2, "{\""), reasoning: 0, finish: "length",
                 usage: Usage(input: 79, output: 1, cacheRead: nil, cacheWrite: nil, reasoning: 0), error: nil),
        Recorded("openai-09.txt", .openAIChat, .dataLinesAndDone, text: (1724, "**Holiday Name:** Harmony Day"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 16, output: 300, cacheRead: 0, cacheWrite: nil, reasoning: 0), error: nil),
        Recorded("openai-10.txt", .openAIChat, .raw, text: (8, "1, 2, 3."), reasoning: 0, finish: "stop",
                 usage: Usage(input: nil, output: nil, cacheRead: nil, cacheWrite: nil, reasoning: nil), error: nil),
        Recorded("openrouter-01.txt", .openAIChat, .raw, text: (0, ""), reasoning: 0, finish: nil,
                 usage: Usage(input: 57, output: 17, cacheRead: 0, cacheWrite: nil, reasoning: 0), error: nil),
        Recorded("openrouter-02.txt", .openAIChat, .raw, text: (0, ""), reasoning: 42, finish: "error",
                 usage: Usage(input: 43, output: 10, cacheRead: 0, cacheWrite: nil, reasoning: 11), error: "stream_error"),
        Recorded("groq-01.txt", .openAIChat, .raw, text: (0, ""), reasoning: 412, finish: "error",
                 usage: Usage(input: nil, output: nil, cacheRead: nil, cacheWrite: nil, reasoning: nil), error: "stream_error"),
        Recorded("openai-06.txt", .openAIResponses, .raw, text: (4, "pong"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 11, output: 5, cacheRead: 0, cacheWrite: nil, reasoning: 0), error: nil),
        Recorded("openai-07.txt", .openAIResponses, .raw, text: (0, ""), reasoning: 0, finish: "tool_calls",
                 usage: Usage(input: 58, output: 23, cacheRead: 0, cacheWrite: nil, reasoning: 0), error: nil),
        Recorded("openai-08.txt", .openAIResponses, .dataLines, text: (0, ""), reasoning: 0, finish: "error",
                 usage: Usage(input: nil, output: nil, cacheRead: nil, cacheWrite: nil, reasoning: nil), error: "forbidden"),
        Recorded("gemini-01.txt", .gemini, .raw, text: (80, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 18, output: 115, cacheRead: nil, cacheWrite: nil, reasoning: 35), error: nil),
        Recorded("gemini-02.txt", .gemini, .raw, text: (0, ""), reasoning: 0, finish: "tool_calls",
                 usage: Usage(input: 29, output: 212, cacheRead: nil, cacheWrite: nil, reasoning: 202), error: nil),
        Recorded("gemini-03.txt", .gemini, .raw, text: (5, "Scoop"), reasoning: 275, finish: "stop",
                 usage: Usage(input: 11, output: 293, cacheRead: nil, cacheWrite: nil, reasoning: 291), error: nil),
        Recorded("gemini-04.txt", .gemini, .raw, text: (7, "1, 2, 3"), reasoning: 0, finish: "stop",
                 usage: Usage(input: 8, output: 30, cacheRead: nil, cacheWrite: nil, reasoning: 23), error: nil),
        Recorded("ollama-01.txt", .ollama, .raw, text: (28, "That's a fantastic question!"), reasoning: 0, finish: "stop",
                 usage: Usage(input: nil, output: nil, cacheRead: nil, cacheWrite: nil, reasoning: nil), error: nil),
        Recorded("ollama-02.txt", .ollama, .raw, text: (9, " Yes.Ican"), reasoning: 0, finish: "error",
                 usage: Usage(input: nil, output: nil, cacheRead: nil, cacheWrite: nil, reasoning: nil), error: "stream_error"),
    ]
}
