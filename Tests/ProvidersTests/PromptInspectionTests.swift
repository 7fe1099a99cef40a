import Foundation
import Testing
@testable import Providers

@Suite struct LlamaPromptInspectionTests {
    @Test func tokensWithTextAndBytePiecesAndSpecialMarks() throws {
        let body = Data(#"{"tokens":[{"id":1,"piece":"<|im_start|>"},{"id":5,"piece":" caf"},{"id":7,"piece":[195]},{"id":9,"piece":"<b"}]}"#.utf8)
        let tokens = try LlamaPromptInspection.parseTokens(body)
        #expect(tokens.map(\.id) == [1, 5, 7, 9])
        #expect(tokens.map(\.piece) == ["<|im_start|>", " caf", "\\xC3", "<b"])
        #expect(tokens.map(\.looksSpecial) == [true, false, false, false])
    }

    @Test func anUnexpectedAnswerIsAClearError() {
        #expect(throws: ProviderError.self) { try LlamaPromptInspection.parseTokens(Data("<html>".utf8)) }
        #expect(throws: ProviderError.self) { try LlamaPromptInspection.parseTemplated(Data(#"{"text":"x"}"#.utf8)) }
    }

    @Test func requestsGoToTheServerRootWithTheMessages() throws {
        let request = ModelRequest(model: "m", messages: [ChatMessage(role: .user, content: "hi")])
        let spec = LlamaPromptInspection.applyTemplateRequest(request, root: URL(string: "http://127.0.0.1:9/")!)
        #expect(spec.url.absoluteString == "http://127.0.0.1:9/apply-template")
        #expect(String(decoding: spec.body ?? Data(), as: UTF8.self) == #"{"messages":[{"content":"hi","role":"user"}]}"# ||
                String(decoding: spec.body ?? Data(), as: UTF8.self) == #"{"messages":[{"role":"user","content":"hi"}]}"#)
        let tokenize = LlamaPromptInspection.tokenizeRequest("x", addSpecial: true, root: URL(string: "http://127.0.0.1:9/")!)
        let object = try JSONSerialization.jsonObject(with: tokenize.body ?? Data()) as? [String: Any]
        #expect(object?["add_special"] as? Bool == true && object?["with_pieces"] as? Bool == true)
    }

    @Test func hazardsAreATrailingSpaceAndAPromptLongerThanTheContext() {
        let fine = PromptInspection(templated: "Output:", tokens: [PromptToken(id: 1, piece: "Output")], contextTokens: 4)
        #expect(fine.hazards.isEmpty)
        let spaced = PromptInspection(templated: "Output: ", tokens: [], contextTokens: 4)
        #expect(spaced.hazards.count == 1 && spaced.hazards[0].contains("ends with a space"))
        let long = PromptInspection(templated: "x", tokens: (0..<5).map { PromptToken(id: $0, piece: "x") }, contextTokens: 4)
        #expect(long.hazards == ["5 tokens: more than the 4 the model can read per request"])
    }
}
