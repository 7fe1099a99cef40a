import Foundation
import Providers
import PromptFiles
import Testing
@testable import Evaluation

/// What answers a call: a fixed result with `{{args.NAME}}` filled in, and a command with its output,
/// its exit status, its timeout, its garbage and its size all turned into a clear answer.
@Suite struct ToolAnswerTests {
    @Test func aResultTemplateIsFilledFromTheArguments() throws {
        let arguments = try JSONParser.parse(#"{"city":"Paris","days":3,"opts":{"metric":true}}"#)
        #expect(PromptToolAnswerer.fill("{{args.city}} for {{ args.days }} days {{args.opts}} {{args.none}}|{{name}}", arguments: arguments)
            == #"Paris for 3 days {"metric":true} |{{name}}"#)
        #expect(PromptToolAnswerer.fill("all: {{args}}", arguments: .object([("a", .number(1))])) == #"all: {"a":1}"#)
    }

    @Test func aCommandReadsTheArgumentsAndItsOutputIsTheAnswer() async {
        let answer = await ToolCommandRunner.run(["/bin/cat"], input: #"{"city":"Paris"}"#, timeoutSeconds: 10, tool: "echo")
        #expect(answer == ToolAnswer(content: #"{"city":"Paris"}"#))
    }

    @Test func failuresAreErrorAnswersWithALine() async {
        let exit = await ToolCommandRunner.run(["/bin/sh", "-c", "echo partial; echo broken >&2; exit 3"], input: "{}", timeoutSeconds: 10, tool: "t")
        #expect(exit.isError)
        #expect(exit.note == "tool t: exit 3: broken")
        #expect(exit.content == "error: the tool failed: exit 3: broken\npartial\n")
        let hang = await ToolCommandRunner.run(["/bin/sleep", "30"], input: "{}", timeoutSeconds: 0.3, tool: "t")
        #expect(hang.note == "tool t: no answer within 0.3 s; it was stopped")
        let garbage = await ToolCommandRunner.run(["/usr/bin/printf", "\\377\\376"], input: "{}", timeoutSeconds: 10, tool: "t")
        #expect(garbage.note == "tool t: its output is not UTF-8 text (2 bytes)")
        let missing = await ToolCommandRunner.run(["/no/such/program"], input: "{}", timeoutSeconds: 10, tool: "t")
        #expect(missing.isError)
        #expect(missing.note?.hasPrefix("tool t: cannot start /no/such/program") == true, "\(missing.note ?? "")")
    }

    @Test func longOutputIsCut() async {
        let answer = await ToolCommandRunner.run(["/bin/sh", "-c", "head -c 100000 /dev/zero | tr '\\0' 'a'"], input: "{}", timeoutSeconds: 10, tool: "t")
        #expect(!answer.isError)
        #expect(answer.content.hasSuffix("\n[cut at 64 KB]"))
        #expect(answer.content.utf8.count == ToolCommandRunner.outputLimit + "\n[cut at 64 KB]".utf8.count)
    }
}
