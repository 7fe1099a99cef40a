import Foundation
import PromptFiles
import Providers
import Sessions
import Testing
@testable import Workbench

/// Saved runs back into a prompt file: the document, the exact text written, and the request the file
/// makes when it is read again, which must be the request the run sent.
@Suite struct PromptDocumentFromRunsTests {
    /// A session as `refract run` writes it: a raw run on the base model with two examples (its recorded
    /// stop includes the automatic `\nInput:`), then a 2 × 2 comparison of two named variants.
    static let jsonl = """
        {"type":"session","version":1,"id":"abc","title":"sentiment","created":"2026-12-06T10:00:00.000Z","refract_version":"0.1.0"}
        {"type":"run_started","run":1,"at":"2026-12-06T10:00:01.000Z","model":"local:gemma3-270m","protocol":"openai-chat","mode":"raw","variant":"one word","params":{"temperature":0,"max_tokens":8,"stop":["###","\\nInput:"],"seed":7},"prompt":{"system":"","instruction":"Classify the sentiment.","input":"{{review}}","variables":{"review":"It died."},"examples":[{"input":"I love it.","output":"positive"},{"input":"It broke.","output":"negative"}]}}
        {"type":"text","run":1,"ms":200,"text":" negative"}
        {"type":"finished","run":1,"finish":"stop","raw_finish":"stop","ttft_ms":200,"total_ms":300}
        {"type":"group_started","group":1,"at":"2026-12-06T10:01:00.000Z","kind":"grid","instructions":["terse","polite"],"models":["local:smollm2-135m-instruct","local:gemma3-270m"]}
        {"type":"run_started","run":2,"group":1,"at":"2026-12-06T10:01:01.000Z","model":"local:smollm2-135m-instruct","protocol":"openai-chat","mode":"chat","variant":"terse","params":{"temperature":0},"prompt":{"system":"Be kind.","instruction":"Reply in five words.","input":"Hello","variables":{}}}
        {"type":"run_started","run":3,"group":1,"at":"2026-12-06T10:01:01.000Z","model":"local:gemma3-270m","protocol":"openai-chat","mode":"raw","variant":"terse","params":{"temperature":0},"prompt":{"system":"Be kind.","instruction":"Reply in five words.","input":"Hello","variables":{}}}
        {"type":"run_started","run":4,"group":1,"at":"2026-12-06T10:01:01.000Z","model":"local:smollm2-135m-instruct","protocol":"openai-chat","mode":"chat","variant":"polite","params":{"temperature":0},"prompt":{"system":"Be kind.","instruction":"Reply politely.","input":"Hello","variables":{}}}
        {"type":"run_started","run":5,"group":1,"at":"2026-12-06T10:01:01.000Z","model":"local:gemma3-270m","protocol":"openai-chat","mode":"raw","variant":"polite","params":{"temperature":0},"prompt":{"system":"Be kind.","instruction":"Reply politely.","input":"Hello","variables":{}}}

        """

    static func log() throws -> SessionLog {
        try SessionReader.read(bytes: Array(jsonl.utf8), name: "sentiment.jsonl")
    }

    @Test func oneRunBecomesAFileWithItsVariantExamplesModelParametersAndMode() throws {
        let log = try Self.log()
        let runs = try #require(log.runsForPromptExport(run: 1))
        #expect(runs.map(\.run) == [1])
        let text = PromptFileWriter.text(of: PromptDocument(runs: runs, title: log.title))
        #expect(text == """
            format = 1
            title = "sentiment"
            models = ["local:gemma3-270m"]
            system = ""
            input = "{{review}}"

            [params]
            temperature = 0.0
            max_tokens = 8
            stop = ["###"]
            seed = 7
            mode = "raw"

            [variables]
            review = "It died."

            [[instructions]]
            name = "one word"
            text = "Classify the sentiment."

            [[examples]]
            input = "I love it."
            output = "positive"

            [[examples]]
            input = "It broke."
            output = "negative"

            """)
    }

    @Test func theWrittenFileMakesTheRequestTheRunSent() throws {
        let run = try #require(try Self.log().run(1))
        let sent = try run.started.prompt.request(model: run.model.model, parameters: GenerationParameters(temperature: 0, maxTokens: 8, stop: ["###"], seed: 7), mode: .rawCompletion)
        // What the session recorded is what was sent (the automatic stop included).
        #expect(sent.parameters == run.started.params)
        let text = PromptFileWriter.text(of: PromptDocument(runs: [run]))
        let doc = try PromptFileReader(file: "x.refract.toml").read(text).document
        let again = try doc.prompt(variant: 0).request(model: run.model.model, parameters: doc.parameters, mode: try #require(doc.mode))
        #expect(again == sent)
        #expect(again.rawPrompt == "Classify the sentiment.\n\nInput: I love it.\nOutput: positive\n\nInput: It broke.\nOutput: negative\n\nInput: It died.\nOutput:")
    }

    @Test func aRunOfAComparisonBringsTheWholeGrid() throws {
        let log = try Self.log()
        let runs = try #require(log.runsForPromptExport(run: 4))
        #expect(runs.map(\.run) == [2, 3, 4, 5])
        let doc = PromptDocument(runs: runs)
        #expect(doc.instructions == [PromptInstruction(name: "terse", text: "Reply in five words."), PromptInstruction(name: "polite", text: "Reply politely.")])
        #expect(doc.models == ["local:smollm2-135m-instruct", "local:gemma3-270m"])
        #expect(doc.system == "Be kind.")
        #expect(doc.input == "Hello")
        // Chat on one model and raw on the other: the mode was each model's own, and stays so.
        #expect(doc.mode == nil)
        #expect(doc.parameters == GenerationParameters(temperature: 0))
        #expect(doc.examples.isEmpty)
    }

    @Test func withoutARunNumberTheLastRunAndItsGroup() throws {
        let log = try Self.log()
        #expect(log.runsForPromptExport(run: nil)?.map(\.run) == [2, 3, 4, 5])
        #expect(log.runsForPromptExport(run: 9) == nil)
        let empty = SessionLog(header: SessionHeader(id: "x", title: "", created: Date(), refractVersion: ""))
        #expect(empty.runsForPromptExport(run: nil) == nil)
    }

    @Test func unnamedRunsAreNumberedAndRepeatedNamesMadeDistinct() throws {
        func run(_ n: Int, _ instruction: String, variant: String?) -> RecordedRun {
            RecordedRun(started: RunStarted(
                run: n, group: 1, at: Date(timeIntervalSince1970: 0), prompt: Prompt(instruction: instruction, input: "x"),
                model: ModelRef(provider: "local", model: "m"), variant: variant
            ))
        }
        let unnamed = PromptDocument(runs: [run(1, "A", variant: nil), run(2, "B", variant: nil), run(3, "A", variant: nil)])
        #expect(unnamed.instructions.map(\.name) == ["instruction 1", "instruction 2"])
        #expect(unnamed.instructions.map(\.text) == ["A", "B"])
        let clash = PromptDocument(runs: [run(1, "A", variant: "v"), run(2, "B", variant: "v")])
        #expect(clash.instructions.map(\.name) == ["v", "v (2)"])
        // The file reads back: the reader refuses two variants with one name.
        let doc = try PromptFileReader(file: "x").read(PromptFileWriter.text(of: clash)).document
        #expect(doc.instructions.map(\.name) == ["v", "v (2)"])
    }
}
