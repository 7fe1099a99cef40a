import Testing
@testable import Providers

@Suite struct PromptTests {
    @Test func variablesFoundInOrderOnce() {
        let p = Prompt(system: "You are {{ role }}.", instruction: "Translate to {{lang}}", input: "{{text}} and {{lang}} {{not a var}}")
        #expect(p.variableNames == ["role", "lang", "text"])
        #expect(p.missingVariables == ["role", "lang", "text"])
    }

    @Test func requestJoinsInstructionAndInput() throws {
        let p = Prompt(system: "Be brief.", instruction: "Summarise in {{n}} words:", input: "A long text.", variables: ["n": "5"])
        let r = try p.request(model: "m", parameters: GenerationParameters(temperature: 0), mode: .chat)
        #expect(r.messages == [ChatMessage(role: .system, content: "Be brief."), ChatMessage(role: .user, content: "Summarise in 5 words:\n\nA long text.")])
        #expect(r.parameters.temperature == 0)
    }

    @Test func rawModeJoinsEverythingAsText() throws {
        let p = Prompt(system: "", instruction: "Once upon a time", input: "")
        let r = try p.request(model: "gemma", parameters: .init(), mode: .rawCompletion)
        #expect(r.mode == .rawCompletion)
        #expect(r.rawPrompt == "Once upon a time")
    }

    @Test func missingValueIsAClearError() {
        let p = Prompt(input: "Hello {{name}}")
        #expect {
            try p.request(model: "m", parameters: .init(), mode: .chat)
        } throws: { error in
            guard let e = error as? ProviderError else { return false }
            return e.kind == .invalidInput && e.message.contains("{{name}}") && e.message.contains("--var name=")
        }
    }

    @Test func emptyPromptIsRefused() {
        #expect(throws: ProviderError.self) { try Prompt().request(model: "m", parameters: .init(), mode: .chat) }
    }

    @Test func fillLeavesUnknownPlaceholders() {
        #expect(PromptTemplate.fill("{{a}}-{{b}}-{{ a }}", with: ["a": "1"]) == "1-{{b}}-1")
        #expect(PromptTemplate.fill("no braces", with: ["a": "1"]) == "no braces")
        #expect(PromptTemplate.fill("{{a}}", with: ["a": "{{b}}"]) == "{{b}}", "values are not expanded again")
    }

    @Test func modelRefParsing() {
        #expect(ModelRef("ollama:llama3:8b") == ModelRef(provider: "ollama", model: "llama3:8b"))
        #expect(ModelRef("nocolon") == nil)
        #expect(ModelRef(":m") == nil)
        #expect(ModelRef("p:") == nil)
    }
}
