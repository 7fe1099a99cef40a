import Foundation
import Platform
import RefractTestSupport
import Testing

/// Issue 11 in the real workbench on the local model: an evaluation fills its matrix live, narrows to one
/// check, filters to failures, opens a cell, re-runs failures and a column, and a second run after one
/// variant changed takes the rest from the cache.
@Suite(.serialized) struct EvaluationEndToEndTests {
    /// Three variants × one model × three cases, answers kept to a few tokens. Every answer passes the
    /// file's check; case "bravo" adds one no answer can pass, so exactly its row fails.
    static let file = """
        format = 1
        input = "{{text}}"
        models = ["local:smollm2-135m-instruct"]

        [[instructions]]
        name = "echo"
        text = "Repeat the text."

        [[instructions]]
        name = "french"
        text = "Translate the text into French."

        [[instructions]]
        name = "shout"
        text = "Repeat the text in capital letters."

        [params]
        temperature = 0
        max_tokens = 6

        [[checks]]
        type = "length"
        max = 100000

        [[cases]]
        name = "alpha"
        vars = { text = "Good morning." }

        [[cases]]
        name = "bravo"
        vars = { text = "The cat sleeps." }
        checks = [{ type = "equals", value = "NO ANSWER IS THIS" }]

        [[cases]]
        name = "charlie"
        vars = { text = "It is raining." }
        """

    /// The matrix rows (below the header rule) that start with a case name.
    static func rows(_ lines: [String]) -> [String] {
        guard let rule = lines.firstIndex(where: { $0.hasPrefix("────") }) else { return [] }
        return lines[(rule + 1)...].filter { $0.contains("│") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func threeVariantsFillTheMatrixFilterOpenAndReuseTheCache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("refract-eval-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("three.refract.toml").path
        try Self.file.write(toFile: path, atomically: true, encoding: .utf8)
        let w = try WorkbenchInTmux([path], width: 140, height: 30, extraEnvironment: ["XDG_STATE_HOME": folder.appendingPathComponent("state").path])
        try w.tmux.waitForText("three.refract.toml")

        // The evaluate key: the matrix is on screen at once (3 cases × 3 columns) and fills in as answers arrive.
        try w.keys("C-e")
        try w.tmux.waitForText("Evaluation · 3 cases × 3 columns", timeout: 30)
        #expect(w.screen.contains("echo") && w.screen.contains("french") && w.screen.contains("shout"))
        let done = try w.tmux.waitFor("every cell graded", timeout: 240) { $0.first?.contains("9/9 cells") == true }
        let rows = Self.rows(done)
        #expect(rows.count == 3, "\(done.joined(separator: "\n"))")
        #expect(rows.first { $0.hasPrefix("alpha") }?.components(separatedBy: "✓").count == 4, "alpha passes in every column:\n\(done.joined(separator: "\n"))")
        #expect(rows.first { $0.hasPrefix("bravo") }?.components(separatedBy: "✗").count == 4, "bravo fails in every column")
        #expect(done.joined().contains("67% (2/3)"), "each column passes two of three")
        let sessionText = try String(contentsOf: try #require(w.sessionFiles.first), encoding: .utf8)
        #expect(sessionText.contains("\"kind\":\"evaluation\""))
        #expect(sessionText.components(separatedBy: "\"type\":\"check_result\"").count - 1 == 9 + 3, "a result per check: 9 length checks, 3 equals")

        // c narrows the matrix to one check by name: under the length check bravo passes everywhere (only its
        // own equals check fails it); under equals, alpha and charlie have nothing to show.
        try w.keys("c")
        let length = try w.tmux.waitForText("check: length 0…100000 chars")
        #expect(Self.rows(length).first { $0.hasPrefix("bravo") }?.components(separatedBy: "✓").count == 4, "\(length.joined(separator: "\n"))")
        #expect(length.joined().contains("100% (3/3)"), "each column passes the length check on every case")
        try w.keys("c")
        let equals = try w.tmux.waitForText("check: equals 'NO ANSWER IS THIS'")
        #expect(Self.rows(equals).first { $0.hasPrefix("alpha") }?.components(separatedBy: "–").count == 4, "\(equals.joined(separator: "\n"))")
        #expect(Self.rows(equals).first { $0.hasPrefix("bravo") }?.components(separatedBy: "✗").count == 4)
        #expect(equals.joined().contains("0% (0/1)"), "each column: the one case equals grades, failed")

        // Failures only (of equals): bravo is the one row left; c again is every check, and still bravo.
        try w.keys("f")
        let failuresOfEquals = try w.tmux.waitForText("filter: failures")
        #expect(Self.rows(failuresOfEquals).map { String($0.prefix(5)) } == ["bravo"], "\(failuresOfEquals.joined(separator: "\n"))")
        try w.keys("c")
        let failures = try w.tmux.waitFor("every check again", timeout: 10) { $0.first?.contains("check:") == false && $0.first?.contains("filter: failures") == true }
        #expect(Self.rows(failures).map { String($0.prefix(5)) } == ["bravo"], "\(failures.joined(separator: "\n"))")

        // Enter opens the cell: every check with its reason, then the answer.
        try w.keys("Enter")
        let cell = try w.tmux.waitForText("checks:")
        let text = cell.joined(separator: "\n")
        #expect(text.contains("bravo · echo · local:smollm2-135m-instruct"))
        #expect(text.contains("✓ length") && text.contains("✗ equals"), "\(text)")
        #expect(text.contains("answer:"))
        try w.escape()

        // R re-runs every failure: bravo's three cells stream again (recorded in the same group) and are graded again.
        try w.keys("R")
        try w.tmux.waitForText("re-running 3 cells")
        let rerun = try w.tmux.waitFor("the re-run cells graded", timeout: 240) { $0.first?.contains("9/9 cells") == true }
        #expect(Self.rows(rerun).map { String($0.prefix(5)) } == ["bravo"], "still failing, still the only row:\n\(rerun.joined(separator: "\n"))")
        let afterRerun = try String(contentsOf: try #require(w.sessionFiles.first), encoding: .utf8)
        #expect(afterRerun.components(separatedBy: "\"type\":\"run_started\"").count - 1 == 12, "nine cells and three re-runs")

        // E re-runs the cursor's column (echo) whole: its three cases, alpha and charlie too though the filter hides them.
        try w.keys("E")
        try w.tmux.waitForText("re-running 3 cells of column echo")
        let column = try w.tmux.waitFor("the column graded again", timeout: 240) { $0.first?.contains("9/9 cells") == true }
        #expect(Self.rows(column).map { String($0.prefix(5)) } == ["bravo"], "\(column.joined(separator: "\n"))")
        let afterColumn = try String(contentsOf: try #require(w.sessionFiles.first), encoding: .utf8)
        let started = afterColumn.split(separator: "\n").filter { $0.contains("\"type\":\"run_started\"") }
        #expect(started.count == 15, "nine cells, three re-run failures, a re-run column of three")
        #expect(started.suffix(3).allSatisfy { $0.contains("\"variant\":\"echo\"") }, "\(started.suffix(3))")
        #expect(["alpha", "bravo", "charlie"].allSatisfy { name in started.suffix(3).contains { $0.contains("\"label\":\"\(name)\"") } })
        try w.escape()
        try w.tmux.waitForText(" INPUT ")

        // Change one variant ("french"), evaluate again: its column runs, the other six cells come from the cache.
        try w.keys("M-2", "M-.")
        try w.tmux.waitForText("french (2/3)")
        try w.keys("End")
        try w.tmux.type(" Be short.")
        try w.keys("C-e")
        let second = try w.tmux.waitFor("the second evaluation graded", timeout: 240) { $0.first?.contains("9/9 cells") == true && $0.first?.contains("cached") == true }
        #expect(second.first?.contains("6 cached") == true, "\(second.joined(separator: "\n"))")
        let all = try String(contentsOf: try #require(w.sessionFiles.first), encoding: .utf8)
        #expect(all.components(separatedBy: "\"kind\":\"evaluation\"").count - 1 == 2, "two evaluation groups in the session")
        #expect(all.components(separatedBy: "cached: the answer of run").count - 1 == 6, "six runs of the second group are cached copies")

        // The sessions browser replays the first evaluation as the same matrix, recorded results and all.
        try w.escape()
        try w.keys("C-o")
        try w.tmux.waitForText("Sessions")
        try w.keys("Enter")
        try w.tmux.waitForText("Session · ")
        try w.keys("g")
        // Whichever of the two evaluations the selected run belongs to: both have the same outcomes.
        try w.tmux.waitFor("the replayed matrix", timeout: 20) { $0.first?.contains("Replay of evaluation") == true && $0.first?.contains("3 cases × 3 columns") == true }
        try w.keys("i")
        let replayed = try w.tmux.waitFor("the replayed matrix complete", timeout: 30) { $0.first?.contains("9/9 cells") == true }
        #expect(Self.rows(replayed).first { $0.hasPrefix("bravo") }?.components(separatedBy: "✗").count == 4, "\(replayed.joined(separator: "\n"))")
        #expect(Self.rows(replayed).first { $0.hasPrefix("alpha") }?.components(separatedBy: "✓").count == 4)

        // `refract replay` ends with the matrix as a table.
        let session = try #require(w.sessionFiles.first)
        let cli = try RefractCLI.run(["replay", "--speed", "0", session.path])
        #expect(cli.stderr.contains("evaluation 1: 3 cases × 3 columns"), "\(cli.stderr)")
        #expect(cli.stderr.range(of: #"✗ fail +bravo +echo"#, options: .regularExpression) != nil, "\(cli.stderr)")
        #expect(cli.stderr.range(of: #"✓ pass +alpha +echo"#, options: .regularExpression) != nil)
    }
}
