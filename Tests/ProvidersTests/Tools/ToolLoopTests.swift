import Foundation
import Testing
@testable import Providers

/// The loop's decisions without I/O: what is answered here (unknown tool, not JSON, breaks the
/// schema), the step limit, and the request built from a step.
@Suite struct ToolLoopTests {
    private func call(_ index: Int, _ name: String?, _ arguments: String, id: String? = "c") -> RunAccumulator.ToolCall {
        RunAccumulator.ToolCall(index: index, id: id, name: name, arguments: arguments)
    }

    private func pending(_ decision: ToolLoop.Decision) -> [ToolLoop.PendingCall] {
        if case .answer(let calls) = decision { return calls }
        Issue.record("expected calls to answer, got \(decision)")
        return []
    }

    @Test func anAnswerWithoutCallsEndsTheRun() {
        var loop = ToolLoop(request: ToolTestValues.request())
        #expect(loop.decide(text: "Sunny.", calls: [], failed: false) == .finished)
        #expect(loop.decide(text: "", calls: [call(0, "get_weather", "{}")], failed: true) == .finished)
    }

    @Test func anUnknownToolIsAnsweredWithAnErrorNamingTheTools() {
        var loop = ToolLoop(request: ToolTestValues.request())
        let calls = pending(loop.decide(text: "", calls: [call(0, "get_wether", #"{"city":"Paris"}"#)], failed: false))
        #expect(calls.first?.rejection == #"error: there is no tool named "get_wether"; the tools are: get_weather"#)
    }

    @Test func argumentsThatAreNotJSONOrBreakTheSchemaAreAnsweredWithAnError() {
        var loop = ToolLoop(request: ToolTestValues.request())
        let calls = pending(loop.decide(text: "", calls: [call(0, "get_weather", #"{"city":"#), call(1, "get_weather", #"{"town":"Paris"}"#), call(2, "get_weather", #"{"city":7}"#)], failed: false))
        #expect(calls[0].rejection?.hasPrefix("error: the arguments of get_weather are not JSON (") == true)
        #expect(calls[1].rejection?.hasPrefix("error: the arguments of get_weather do not match its parameters: $") == true)
        #expect(calls[1].rejection?.contains("city") == true, "\(calls[1].rejection ?? "")")
        #expect(calls[2].rejection == "error: the arguments of get_weather do not match its parameters: $.city: expected string, found integer")
    }

    @Test func emptyArgumentsCountAsAnEmptyObject() {
        var request = ToolTestValues.request()
        request.tools = [ToolDefinition(name: "now")]
        var loop = ToolLoop(request: request)
        let calls = pending(loop.decide(text: "", calls: [call(0, "now", "")], failed: false))
        #expect(calls.first?.rejection == nil)
        #expect(calls.first?.arguments == .object([]))
    }

    @Test func theNextRequestCarriesTheCallsAndResultsAndIndexesContinue() {
        var loop = ToolLoop(request: ToolTestValues.request())
        let first = pending(loop.decide(text: "Looking.", calls: [call(0, "get_weather", #"{"city":"Paris"}"#, id: nil)], failed: false))
        #expect(first.map(\.call.id) == ["call_1_1"], "a call without an id gets one")
        let next = loop.nextRequest(answering: [ToolResult(index: 0, id: "call_1_1", name: "get_weather", content: "sunny")])
        #expect(next.messages.count == 3)
        #expect(next.messages[1].role == .assistant)
        #expect(next.messages[1].content == "Looking.")
        #expect(next.messages[1].toolCalls == [ToolCall(id: "call_1_1", name: "get_weather", arguments: #"{"city":"Paris"}"#)])
        #expect(next.messages[2].role == .tool)
        #expect(next.messages[2].toolCallID == "call_1_1")
        #expect(next.messages[2].toolName == "get_weather")
        #expect(next.messages[2].content == "sunny")
        let second = pending(loop.decide(text: "", calls: [call(0, "get_weather", #"{"city":"Oslo"}"#)], failed: false))
        #expect(second.map(\.index) == [1])
        #expect(loop.currentStep == 2)
    }

    @Test func theStepLimitStopsWithALineNamingIt() {
        var loop = ToolLoop(request: ToolTestValues.request(), maxSteps: 1)
        _ = pending(loop.decide(text: "", calls: [call(0, "get_weather", #"{"city":"Paris"}"#)], failed: false))
        _ = loop.nextRequest(answering: [ToolResult(index: 0, id: "c", name: "get_weather", content: "sunny")])
        #expect(loop.decide(text: "", calls: [call(0, "get_weather", #"{"city":"Oslo"}"#)], failed: false)
            == .stepLimit("stopped after 1 tool step (max_tool_steps): the model still called get_weather"))
    }
}
