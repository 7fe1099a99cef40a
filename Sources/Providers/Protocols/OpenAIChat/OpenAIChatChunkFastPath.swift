/// The common Chat Completions chunk decoded by hand: choices with a text, reasoning or refusal delta
/// and a finish reason, every other member skipped (ids, `timings`, `obfuscation`, …).
///
/// `JSONDecoder` with the `@Lenient` fields was ~14 % of `refract run`'s CPU (generic metadata and
/// conformance lookups on every token). Anything else — tool calls, logprobs, usage, an error, a field
/// of an unexpected type, a key written twice, an escape this reader does not take — returns nil and
/// the chunk goes to the full decoder, so both paths give the same `OpenAIChatChunk`.
enum OpenAIChatChunkFastPath {
    static func decode(_ text: String) -> OpenAIChatChunk? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONByteReader(bytes)
            return try? chunk(&reader)
        }
    }

    private static func chunk(_ r: inout JSONByteReader) throws(JSONByteReader.Unusual) -> OpenAIChatChunk {
        var choices: [OpenAIChatChunk.Choice]?
        var seen = Seen()
        try r.object { r, key throws(JSONByteReader.Unusual) in
            switch key {
            case "choices":
                try seen.once(0)
                if try r.null() { return }
                var list: [OpenAIChatChunk.Choice] = []
                try r.array { r throws(JSONByteReader.Unusual) in list.append(try choice(&r)) }
                choices = list
            case "usage", "error":
                // Once per stream at most: the full decoder reads them.
                guard try r.null() else { throw JSONByteReader.Unusual() }
                try seen.once(key == "usage" ? 1 : 2)
            default:
                try r.skipValue()
            }
        }
        try r.end()
        return OpenAIChatChunk(choices: choices, usage: nil, error: nil)
    }

    private static func choice(_ r: inout JSONByteReader) throws(JSONByteReader.Unusual) -> OpenAIChatChunk.Choice {
        var index: Int?
        var delta: OpenAIChatChunk.Delta?
        var text: String?
        var finish: String?
        var seen = Seen()
        try r.object { r, key throws(JSONByteReader.Unusual) in
            switch key {
            case "index":
                try seen.once(0)
                index = try r.null() ? nil : r.int()
            case "delta":
                try seen.once(1)
                delta = try r.null() ? nil : self.delta(&r)
            case "text":
                try seen.once(2)
                text = try r.optionalString()
            case "finish_reason":
                try seen.once(3)
                finish = try r.optionalString()
            case "logprobs":
                guard try r.null() else { throw JSONByteReader.Unusual() }
                try seen.once(4)
            default:
                try r.skipValue()
            }
        }
        return OpenAIChatChunk.Choice(index: index, delta: delta, logprobs: nil, text: text, finishReason: finish)
    }

    private static func delta(_ r: inout JSONByteReader) throws(JSONByteReader.Unusual) -> OpenAIChatChunk.Delta {
        var content: String?, refusal: String?, reasoning: String?, reasoningContent: String?
        var seen = Seen()
        try r.object { r, key throws(JSONByteReader.Unusual) in
            switch key {
            case "content": try seen.once(0); content = try r.optionalString()
            case "refusal": try seen.once(1); refusal = try r.optionalString()
            case "reasoning": try seen.once(2); reasoning = try r.optionalString()
            case "reasoning_content": try seen.once(3); reasoningContent = try r.optionalString()
            case "tool_calls":
                guard try r.null() else { throw JSONByteReader.Unusual() }
                try seen.once(4)
            default:
                try r.skipValue()
            }
        }
        return OpenAIChatChunk.Delta(content: content, refusal: refusal, reasoning: reasoning, reasoningContent: reasoningContent, toolCalls: nil)
    }

    /// Keys already read in one object: a repeated one goes to the full decoder (which picks its own winner).
    private struct Seen {
        private var bits: UInt8 = 0

        mutating func once(_ bit: Int) throws(JSONByteReader.Unusual) {
            guard bits & (1 << bit) == 0 else { throw JSONByteReader.Unusual() }
            bits |= 1 << bit
        }
    }
}
