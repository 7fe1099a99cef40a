import Foundation
import PromptFiles
import Providers
import Sessions
import Testing
@testable import Workbench

/// Runs with a schema back into a prompt file: the schema with its key order, and `schema = false` on the
/// variant that only checked against it, so running the file sends the same requests again.
@Suite struct SchemaExportTests {
    @Test func theSchemaAndTheVariantWithoutItComeBack() throws {
        let schema = ResponseSchema(schema: try JSONParser.parse(#"{"type":"object","properties":{"z":{"type":"string"},"a":{"type":"string"}}}"#))
        func run(_ n: Int, variant: String, sent: Bool) -> RecordedRun {
            var prompt = Prompt(instruction: "Extract.", input: "x")
            prompt.schema = schema
            prompt.sendsSchema = sent
            return RecordedRun(started: RunStarted(run: n, group: 1, at: Date(timeIntervalSince1970: 0), prompt: prompt, model: ModelRef(provider: "local", model: "m"), variant: variant))
        }
        let runs = [run(1, variant: "json", sent: true), run(2, variant: "free", sent: false)]
        let doc = PromptDocument(runs: runs)
        #expect(doc.schema?.text == schema.schema.text)
        #expect(doc.instructions.map(\.usesSchema) == [true, false])
        let text = PromptFileWriter.text(of: doc)
        let again = try PromptFileReader(file: "x.refract.toml").read(text).document
        #expect(try again.prompt(variant: 0).request(model: "m", parameters: .init(), mode: .chat) == (try runs[0].started.prompt.request(model: "m", parameters: .init(), mode: .chat)))
        #expect(try again.prompt(variant: 1).request(model: "m", parameters: .init(), mode: .chat).responseSchema == nil)
        #expect(again.prompt(variant: 1).schema == schema)
    }
}
