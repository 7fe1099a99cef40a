import Foundation
import Testing
@testable import Providers

@Suite struct StreamPartJSONTests {
    @Test func eachPartHasItsFixedShape() {
        #expect(StreamPartJSON.object(for: .textDelta("a\"b\\c\nd\u{1}\u{2028}é")) == #"{"type":"text","text":"a\"b\\c\nd\u0001\u2028é"}"#)
        #expect(StreamPartJSON.object(for: .reasoningDelta("hm")) == #"{"type":"reasoning","text":"hm"}"#)
        #expect(StreamPartJSON.object(for: .toolCallDelta(ToolCallDelta(index: 1, id: "c1", name: "f", argumentsDelta: "{\"a\":1}"))) == #"{"type":"tool_call","index":1,"id":"c1","name":"f","arguments":"{\"a\":1}"}"#)
        #expect(StreamPartJSON.object(for: .toolCallDelta(ToolCallDelta(index: 0, argumentsDelta: "x"))) == #"{"type":"tool_call","index":0,"id":null,"name":null,"arguments":"x"}"#)
        #expect(StreamPartJSON.object(for: .usage(Usage(input: 3, output: 4, cacheRead: 0))) == #"{"type":"usage","usage":{"input":3,"output":4,"cache_read":0,"cache_write":null,"reasoning":null}}"#)
        #expect(StreamPartJSON.object(for: .finish(FinishReason(.toolCalls, raw: "tool_use"))) == #"{"type":"finish","finish":"tool_calls","raw":"tool_use"}"#)
        #expect(StreamPartJSON.object(for: .finish(FinishReason(.stop))) == #"{"type":"finish","finish":"stop","raw":null}"#)
        #expect(StreamPartJSON.object(for: .warning("w")) == #"{"type":"warning","message":"w"}"#)
        #expect(StreamPartJSON.object(for: .error(ProviderError(kind: .streamCut, message: "cut"))) == #"{"type":"error","kind":"stream_cut","message":"cut"}"#)
    }

    @Test func summaryOfAFinishedRun() {
        var run = RunAccumulator()
        run.add(.reasoningDelta("think"))
        run.add(.textDelta("Hello"))
        run.add(.usage(Usage(input: 10, output: 4)))
        run.add(.usage(Usage(output: 6, cacheRead: 2)))
        run.add(.finish(FinishReason(.stop, raw: "end_turn")))
        #expect(StreamPartJSON.summary(run, costUSD: 0.000125) == #"{"type":"summary","text":"Hello","reasoning":"think","finish":"stop","usage":{"input":10,"output":6,"cache_read":2,"cache_write":null,"reasoning":null},"cost_usd":0.000125,"error":null}"#)
    }

    @Test func summaryOfAFailedUnpricedRunWithNoUsage() {
        var run = RunAccumulator()
        run.add(.textDelta("par"))
        run.add(.error(ProviderError(kind: .overloaded, message: "busy")))
        #expect(StreamPartJSON.summary(run, costUSD: nil) == #"{"type":"summary","text":"par","reasoning":"","finish":"error","usage":{"input":null,"output":null,"cache_read":null,"cache_write":null,"reasoning":null},"cost_usd":null,"error":{"kind":"overloaded","message":"busy"}}"#)
        #expect(StreamPartJSON.summary(RunAccumulator(), costUSD: 0).contains(#""finish":null,"#))
        #expect(StreamPartJSON.summary(RunAccumulator(), costUSD: 0).contains(#""cost_usd":0,"#))
    }

    @Test func everyObjectIsValidJSON() throws {
        let parts: [StreamPart] = [
            .textDelta("\u{0}\u{7F}\t\r"), .reasoningDelta("👋"), .warning("\"q\""),
            .toolCallDelta(ToolCallDelta(index: 2, argumentsDelta: "{")), .usage(Usage()),
            .finish(FinishReason(.other)), .error(ProviderError(kind: .streamError, message: "x\ny")),
        ]
        for part in parts {
            let text = StreamPartJSON.object(for: part)
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(object?["type"] != nil, "\(text)")
        }
        let summary = StreamPartJSON.summary(RunAccumulator(), costUSD: 1e-9)
        #expect(try JSONSerialization.jsonObject(with: Data(summary.utf8)) is [String: Any])
    }
}
