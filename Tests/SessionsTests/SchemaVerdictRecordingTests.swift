import Foundation
import Providers
import Testing
@testable import Sessions

/// A run whose prompt has a response schema: the schema is in the snapshot with its key order, the
/// verdict is on `run_finished`, both read back, and files written before either existed still read.
@Suite struct SchemaVerdictRecordingTests {
    static let schema = ResponseSchema(name: "ticket", schema: try! JSONParser.parse(#"{"type":"object","properties":{"zeta":{"type":"string"},"alpha":{"enum":["low","high"]}},"required":["zeta","alpha"]}"#))

    func record(_ answer: String, sent: Bool = true) throws -> RecordedRun {
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "t", scrubber: .off)
        let clock = ManualClock()
        let prompt = Prompt(instruction: "extract").withSchemaForTest(Self.schema, sent: sent)
        let recorder = writer.beginRun(prompt: prompt, model: ModelRef(provider: "local", model: "m"), elapsedMs: { clock.ms })
        recorder.record(.textDelta(answer))
        recorder.record(.finish(FinishReason(.stop)))
        recorder.finish()
        writer.close()
        return try #require(try SessionReader.read(writer.file).run(1))
    }

    @Test func aValidAnswerIsRecordedValidAndTheSchemaKeepsItsOrder() throws {
        let run = try record(#"{"zeta":"x","alpha":"low"}"#)
        #expect(run.schemaVerdict == .valid)
        #expect(run.started.prompt.schema?.schema.text == Self.schema.schema.text)
        #expect(run.started.prompt.schema?.name == "ticket")
        #expect(run.started.prompt.sendsSchema)
    }

    @Test func aViolationIsRecordedWithItsPath() throws {
        let run = try record(#"{"zeta":"x","alpha":"urgent"}"#, sent: false)
        #expect(run.schemaVerdict == SchemaVerdict(valid: false, violation: #"$.alpha: "urgent" is not one of ["low","high"]"#))
        #expect(run.started.prompt.sendsSchema == false)
        #expect(try record("Sure! Here it is").schemaVerdict == SchemaVerdict(valid: false, violation: "not JSON: unexpected 'S' at 1:1"))
    }

    @Test func theJSONExportCarriesTheVerdict() throws {
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "t", scrubber: .off)
        let recorder = writer.beginRun(prompt: Prompt(instruction: "x").withSchemaForTest(Self.schema, sent: true), model: ModelRef(provider: "local", model: "m"), elapsedMs: { 0 })
        recorder.record(.textDelta("[]"))
        recorder.record(.finish(FinishReason(.stop)))
        recorder.finish()
        writer.close()
        let json = try SessionExporter.export(try SessionReader.read(writer.file), as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let verdict = try #require(run["schema"] as? [String: Any], "\(json)")
        #expect(verdict["valid"] as? Bool == false)
        #expect(verdict["violation"] as? String == "$: expected object, found array")
    }

    @Test func linesWithAndWithoutTheFieldRead() throws {
        let old = try SessionLineCodec.decodeLine(#"{"type":"finished","run":1,"finish":"stop","total_ms":5}"#)
        guard case .finished(let f) = old else { Issue.record("not finished"); return }
        #expect(f.schema == nil)
        let new = try SessionLineCodec.decodeLine(#"{"type":"finished","run":1,"finish":"stop","total_ms":5,"schema":{"valid":false,"violation":"$: no"}}"#)
        guard case .finished(let g) = new else { Issue.record("not finished"); return }
        #expect(g.schema == SchemaVerdict(valid: false, violation: "$: no"))
    }
}

extension Prompt {
    func withSchemaForTest(_ schema: ResponseSchema, sent: Bool) -> Prompt {
        var copy = self
        copy.schema = schema
        copy.sendsSchema = sent
        return copy
    }
}
