import Foundation
import RefractTestSupport
import Testing

/// The files in `examples/` do what their comments promise on the real base model (Gemma 3 270M, raw
/// completion, temperature 0, a fixed seed): with their few-shot examples the answer takes the examples'
/// format; the same file with the examples cut off does not.
@Suite(.serialized) struct FewShotExampleFileTests {
    static let environment = ["REFRACT_HOME": PackagePaths.root.path]

    /// The example file's text, and the same text without its `[[examples]]` tables (they come last).
    static func file(_ name: String) throws -> (with: String, without: String) {
        let text = try String(contentsOf: PackagePaths.root.appendingPathComponent("examples/\(name)"), encoding: .utf8)
        let cut = try #require(text.range(of: "\n[[examples]]"), "examples/\(name) has no [[examples]]")
        return (text, String(text[..<cut.lowerBound]) + "\n")
    }

    /// `refract run FILE ARGS --no-save`: the answer, trimmed.
    func answer(_ path: String, _ arguments: [String] = [], in dir: TemporaryFolder) throws -> String {
        let result = try RefractCLI.run(["run", path, "--no-save"] + arguments, environment: Self.environment, in: dir.path, timeout: 180)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func sentimentExamplesMakeTheBaseModelAnswerWithOneLabel() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let texts = try Self.file("sentiment.refract.toml")
        let with = try dir.write("with.refract.toml", texts.with)
        let without = try dir.write("without.refract.toml", texts.without)

        #expect(try answer(with, in: dir) == "negative")
        #expect(try answer(with, ["--var", "review=Fast delivery and it works perfectly."], in: dir) == "positive")

        // Told only, the model writes on: several words, no label of its own.
        let told = try answer(without, in: dir)
        #expect(told != "negative" && told != "positive", "\(told)")
        #expect(told.split(whereSeparator: \.isWhitespace).count > 1, "\(told)")
    }

    @Test func ticketExamplesMakeTheBaseModelAnswerInTheirShape() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let texts = try Self.file("support-ticket.refract.toml")
        let with = try dir.write("with.refract.toml", texts.with)
        let without = try dir.write("without.refract.toml", texts.without)
        let shape = #/^product: [^;\n]+; problem: [^;\n]+$/#

        let shaped = try answer(with, in: dir)
        #expect(shaped.wholeMatch(of: shape) != nil, "\(shaped)")
        #expect(shaped.hasPrefix("product: vacuum cleaner;"), "\(shaped)")

        let told = try answer(without, in: dir)
        #expect(told.wholeMatch(of: shape) == nil, "\(told)")
        #expect(!told.contains("product:"), "\(told)")
    }
}
