import Foundation

/// One JSON object per stream part, and the run summary object, for `refract decode` and `--json` output.
///
/// Keys come in a fixed order with `type` first; every object is one line of valid JSON.
public enum StreamPartJSON {
    /// The JSON object for one part, e.g. `{"type":"text","text":"Hi"}`.
    public static func object(for part: StreamPart) -> String {
        var w = JSONWriter()
        w.beginObject()
        switch part {
        case .textDelta(let text):
            typed(&w, "text")
            w.key("text"); w.string(text)
        case .reasoningDelta(let text):
            typed(&w, "reasoning")
            w.key("text"); w.string(text)
        case .toolCallDelta(let delta):
            typed(&w, "tool_call")
            w.key("index"); w.integer(delta.index)
            w.key("id"); w.string(delta.id)
            w.key("name"); w.string(delta.name)
            w.key("arguments"); w.string(delta.argumentsDelta)
        case .toolResult(let result):
            typed(&w, "tool_result")
            w.key("index"); w.integer(result.index)
            w.key("id"); w.string(result.id)
            w.key("name"); w.string(result.name)
            w.key("content"); w.string(result.content)
            w.key("is_error"); w.bool(result.isError)
            w.key("step"); w.integer(result.step)
        case .usage(let usage):
            typed(&w, "usage")
            w.key("usage"); write(usage, into: &w)
        case .finish(let finish):
            typed(&w, "finish")
            w.key("finish"); w.string(finish.kind.rawValue)
            w.key("raw"); w.string(finish.raw)
        case .logprobs(let tokens):
            // Keyed for people and programs reading --json (the session stores a compact form).
            typed(&w, "logprobs")
            w.key("tokens")
            w.beginArray()
            for token in tokens {
                w.beginObject()
                w.key("token"); w.string(token.token)
                w.key("logprob"); w.number(token.logprob)
                w.key("top")
                w.beginArray()
                for alternative in token.top {
                    w.beginObject()
                    w.key("token"); w.string(alternative.token)
                    w.key("logprob"); w.number(alternative.logprob)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
        case .warning(let message):
            typed(&w, "warning")
            w.key("message"); w.string(message)
        case .error(let error):
            typed(&w, "error")
            w.key("kind"); w.string(error.kind.rawValue)
            w.key("message"); w.string(error.message)
        }
        w.endObject()
        return w.text
    }

    /// The summary of a run:
    /// `{"type":"summary","text","reasoning","finish","usage":{…},"cost_usd","error":null|{"kind","message"}}`.
    ///
    /// `finish` is `error` when the run failed; `cost_usd` is null when the model is unpriced.
    public static func summary(_ run: RunAccumulator, costUSD: Double?, schema: SchemaVerdict? = nil) -> String {
        var w = JSONWriter()
        w.beginObject()
        typed(&w, "summary")
        w.key("text"); w.string(run.text)
        w.key("reasoning"); w.string(run.reasoning)
        w.key("finish"); w.string(run.reportedFinish?.kind.rawValue)
        w.key("usage"); write(run.usage ?? Usage(), into: &w)
        w.key("cost_usd"); w.number(costUSD)
        w.key("error")
        if let error = run.error {
            w.beginObject()
            w.key("kind"); w.string(error.kind.rawValue)
            w.key("message"); w.string(error.message)
            w.endObject()
        } else {
            w.null()
        }
        // Only for a run with a response schema, so other summaries keep their bytes.
        if let schema {
            w.key("schema")
            w.beginObject()
            w.key("valid"); w.bool(schema.valid)
            if let violation = schema.violation { w.key("violation"); w.string(violation) }
            w.endObject()
        }
        w.endObject()
        return w.text
    }

    private static func typed(_ w: inout JSONWriter, _ type: String) {
        w.key("type")
        w.string(type)
    }

    private static func write(_ usage: Usage, into w: inout JSONWriter) {
        w.beginObject()
        w.key("input"); w.integer(usage.input)
        w.key("output"); w.integer(usage.output)
        w.key("cache_read"); w.integer(usage.cacheRead)
        w.key("cache_write"); w.integer(usage.cacheWrite)
        w.key("reasoning"); w.integer(usage.reasoning)
        w.endObject()
    }
}
