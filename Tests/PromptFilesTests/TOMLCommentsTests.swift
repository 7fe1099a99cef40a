import Testing
@testable import PromptFiles

/// A rewrite (every autosave) keeps the comments people write in their prompt files.
@Suite struct TOMLCommentsTests {
    static let source = #"""
        # Support prompts, reviewed in git.
        # Owner: the support team.

        format = 1
        # what the model is
        system = "You are a support assistant."  # keep it short
        input = "{{email}}"

        # sampling: deterministic for reviews
        [params]
        temperature = 0.0  # repeatable
        max_tokens = 64

        # the JSON one
        [[instructions]]
        name = "ticket"
        text = """
        Extract the issue.
        # not a comment: part of the text
        As JSON."""

        [[instructions]]
        name = "answer"
        # the text is reviewed weekly
        text = "Answer politely."

        # a pair that shows the shape
        [[examples]]
        input = "My kettle leaks."
        output = "leak"

        # trailing notes
        """#

    func rewrite(_ doc: PromptDocument) -> String { PromptFileWriter.text(of: doc) }

    @Test func aRewriteKeepsEveryCommentInItsPlace() throws {
        let doc = try PromptFileReader(file: "f").read(Self.source).document
        #expect(doc.instructions[0].text == "Extract the issue.\n# not a comment: part of the text\nAs JSON.")
        let text = rewrite(doc)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func above(_ line: String) -> String? { lines.firstIndex(of: line).flatMap { $0 > 0 ? lines[$0 - 1] : nil } }
        #expect(lines.prefix(2) == ["# Support prompts, reviewed in git.", "# Owner: the support team."])
        #expect(above(#"system = "You are a support assistant."  # keep it short"#) == "# what the model is")
        #expect(above("[params]") == "# sampling: deterministic for reviews")
        #expect(lines.contains("temperature = 0.0  # repeatable"))
        #expect(above(#"text = "Answer politely.""#) == "# the text is reviewed weekly")
        #expect(above("[[examples]]") == "# a pair that shows the shape")
        #expect(lines.filter { $0 == "# not a comment: part of the text" }.count == 1, "a line of a text is not a comment")
        #expect(text.hasSuffix("# trailing notes\n"))
        #expect(try PromptFileReader(file: "f").read(text).document == doc, "stable: the rewrite reads back the same")
        #expect(rewrite(try PromptFileReader(file: "f").read(text).document) == text)
    }

    @Test func aVariantsCommentMovesWithIt() throws {
        var doc = try PromptFileReader(file: "f").read(Self.source).document
        doc.instructions.swapAt(0, 1)
        let lines = rewrite(doc).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let answer = try #require(lines.firstIndex(of: #"name = "answer""#))
        let ticket = try #require(lines.firstIndex(of: #"name = "ticket""#))
        #expect(answer < ticket)
        #expect(lines[ticket - 2] == "# the JSON one", "the header's comment went with its variant")
    }
}
