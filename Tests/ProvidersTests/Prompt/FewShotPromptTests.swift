import Testing
@testable import Providers

@Suite struct FewShotPromptTests {
    let shots = [FewShotExample(input: "My kettle leaks.", output: "leak"), FewShotExample(input: "The {{thing}} is slow.", output: "slow")]

    @Test func chatExamplesAreAlternatingTurnsWithTheInstructionOnce() throws {
        let p = Prompt(system: "Be terse.", instruction: "Name the problem.", input: "{{email}}", variables: ["email": "It broke.", "thing": "app"], examples: shots)
        let r = try p.request(model: "m", parameters: .init(), mode: .chat)
        #expect(r.messages == [
            ChatMessage(role: .system, content: "Be terse."),
            ChatMessage(role: .user, content: "Name the problem.\n\nMy kettle leaks."),
            ChatMessage(role: .assistant, content: "leak"),
            ChatMessage(role: .user, content: "The app is slow."),
            ChatMessage(role: .assistant, content: "slow"),
            ChatMessage(role: .user, content: "It broke."),
        ])
        #expect(r.rawText == nil)
    }

    @Test func rawExamplesFollowThePatternAndLeaveTheOutputOpen() throws {
        let p = Prompt(instruction: "Classify.", input: "It broke.", variables: ["thing": "app"], examples: shots)
        let r = try p.request(model: "gemma", parameters: .init(stop: ["###"]), mode: .rawCompletion)
        #expect(r.rawPrompt == "Classify.\n\nInput: My kettle leaks.\nOutput: leak\n\nInput: The app is slow.\nOutput: slow\n\nInput: It broke.\nOutput:")
        #expect(r.parameters.stop == ["###", "\nInput:"])
    }

    @Test func rawFormatIsConfigurable() throws {
        let format = RawExampleFormat(inputPrefix: "Q: ", outputPrefix: "A: ", separator: "\n###\n")
        let p = Prompt(input: "2+2", examples: [FewShotExample(input: "1+1", output: "2")], rawFormat: format)
        let r = try p.request(model: "gemma", parameters: .init(), mode: .rawCompletion)
        #expect(r.rawPrompt == "Q: 1+1\nA: 2\n###\nQ: 2+2\nA:")
        #expect(r.parameters.stop == ["\nQ:"])
    }

    @Test func variablesInExamplesMustHaveValues() {
        let p = Prompt(input: "x", examples: [FewShotExample(input: "{{missing}}", output: "y")])
        #expect(p.missingVariables == ["missing"])
        #expect(throws: ProviderError.self) { try p.request(model: "m", parameters: .init(), mode: .chat) }
    }

    @Test func examplesSurviveTheSessionEncodingAndOldPromptsKeepTheirBytes() throws {
        let p = Prompt(instruction: "i", input: "x", examples: shots, rawFormat: RawExampleFormat(inputPrefix: "Q: ", outputPrefix: "A: ", separator: "\n"))
        let data = try JSONEncoder().encode(p)
        #expect(try JSONDecoder().decode(Prompt.self, from: data) == p)
        let plain = String(decoding: try JSONEncoder().encode(Prompt(instruction: "i")), as: UTF8.self)
        #expect(!plain.contains("examples") && !plain.contains("raw_format"))
    }
}

import Foundation
