import Foundation
import Platform
import RefractTestSupport
import Testing

/// Issue 10: the workbench on a prompt file, as a user drives it in tmux — the file holds everything,
/// survives quitting and kill -9, follows outside changes, shows conflicts, and diffs line by line.
@Suite(.serialized) struct PromptFileEndToEndTests {
    /// A folder for prompt files that outlives one workbench (restarts reopen the same file).
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("refract-prompts-\(UUID().uuidString.prefix(8))")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    @Test func aNewFileHoldsVariantsExamplesAndInputAndReopensTheSame() throws {
        let folder = try Folder()
        let file = folder.path("demo.refract.toml")
        let env = ["XDG_STATE_HOME": folder.path("state")]
        do {
            let w = try WorkbenchInTmux([file], extraEnvironment: env)
            try w.tmux.waitForText("new prompt file demo.refract.toml")
            #expect(FileManager.default.fileExists(atPath: file), "created on open")
            try w.setMaxTokens(12)
            try w.keys("M-2")
            try w.tmux.type("Say the sentiment in one word.")
            try w.keys("M-n")
            try w.tmux.type("Reply with one emoji.")
            try w.keys("M-6", "a")
            try w.tmux.type("I love it")
            try w.keys("Tab")
            try w.tmux.type("positive")
            try w.escape()
            try w.keys("M-3")
            try w.tmux.type("This is awful")
            try w.keys("C-r")
            try w.tmux.waitForText("■ ", timeout: 90)
            try w.keys("C-q")
            try w.tmux.waitForText("REFRACT-EXITED 0")
        }
        let text = contents(of: file)
        for needle in ["Say the sentiment in one word.", "Reply with one emoji.", "[[examples]]", "input = \"I love it\"", "output = \"positive\"",
                       "input = \"This is awful\"", "max_tokens = 12", "models = [\"local:smollm2-135m-instruct\"]"] {
            #expect(text.contains(needle), "\(needle) in:\n\(text)")
        }
        let again = try WorkbenchInTmux([file], extraEnvironment: env)
        try again.tmux.waitForText("1. I love it → positive")
        let screen = again.screen
        #expect(screen.contains("Reply with one emoji.") && screen.contains("This is awful") && screen.contains("(2/2)"), "\(screen)")
        #expect(screen.contains(" INPUT "), "the focused pane and the variant come back")
        #expect(screen.contains("demo.refract.toml"), "the file name is in the title")
    }

    @Test func killNineWhileTypingLosesAtMostTheLastMoment() throws {
        let folder = try Folder()
        let file = folder.path("crash.refract.toml")
        let w = try WorkbenchInTmux([file], localModels: false)
        try w.tmux.waitForText("new prompt file")
        try w.keys("M-2")
        try w.tmux.type("every word typed here")
        // Autosave writes within a second of the keystrokes; then the process dies without warning.
        #expect(waitUntil(timeout: 5) { contents(of: file).contains("every word typed here") }, "autosaved:\n\(contents(of: file))")
        try w.tmux.type(" and more")
        #expect(waitUntil(timeout: 5) { contents(of: file).contains("and more") })
        let pid = try #require(w.refractPID)
        kill(pid, SIGKILL)
        try w.tmux.waitForText("REFRACT-EXITED")
        let text = contents(of: file)
        #expect(text.contains("text = \"every word typed here and more\""), "\(text)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }

    @Test func anOutsideChangeIsPickedUpAndAConflictingOneIsShownNotLost() throws {
        let folder = try Folder()
        let file = folder.path("shared.refract.toml")
        try "format = 1\ninput = \"x\"\n\n[[instructions]]\nname = \"a\"\ntext = \"original\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let w = try WorkbenchInTmux([file], extraEnvironment: ["REFRACT_AUTOSAVE_DELAY": "30"], localModels: false)
        try w.tmux.waitForText("original")
        // Nothing unsaved: the change from outside (as git checkout writes it) is loaded.
        try "format = 1\ninput = \"x\"\n\n[[instructions]]\nname = \"a\"\ntext = \"changed by git\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        try w.tmux.waitForText("changed by git", timeout: 10)
        #expect(w.screen.contains("reloaded"))
        // Unsaved edits (autosave held back) meet another outside change: both are shown.
        try w.keys("M-2", "C-End")
        try w.tmux.type(" plus mine")
        try "format = 1\ninput = \"x\"\n\n[[instructions]]\nname = \"a\"\ntext = \"theirs\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        try w.tmux.waitForText("k keep yours", timeout: 10)
        let screen = w.screen
        #expect(screen.contains("changed by git plus mine") && screen.contains("theirs"), "\(screen)")
        try w.keys("k")
        #expect(waitUntil(timeout: 10) { contents(of: file).contains("changed by git plus mine") }, "kept mine:\n\(contents(of: file))")
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".disk-") }
        #expect(copies.count == 1, "the disk's version is kept beside it: \(copies)")
        #expect(contents(of: folder.path(copies.first ?? "none")).contains("theirs"))
    }

    @Test func theScratchWorkspaceReopensAsLeft() throws {
        let state = try Folder()
        let env = ["XDG_STATE_HOME": state.url.path]
        do {
            let w = try WorkbenchInTmux([], extraEnvironment: env, localModels: false)
            try w.tmux.waitForText("Write a prompt")
            try w.keys("M-2")
            try w.tmux.type("first variant")
            try w.keys("M-n")
            try w.tmux.type("second variant")
            try w.keys("M-3")
            try w.tmux.type("the scratch input")
            try w.keys("M-4")
            try w.keys("C-q")
            try w.tmux.waitForText("REFRACT-EXITED 0")
        }
        let w = try WorkbenchInTmux([], extraEnvironment: env, localModels: false)
        try w.tmux.waitForText("the scratch input")
        let screen = w.screen
        #expect(screen.contains("second variant") && screen.contains("(2/2)"), "\(screen)")
        #expect(screen.contains(" VARIABLES "), "the focused pane comes back:\n\(screen)")
        // Ctrl-N starts fresh and keeps the old one beside it.
        try w.keys("C-n", "y")
        try w.tmux.waitFor("a fresh prompt") { !$0.joined().contains("the scratch input") }
        let kept = try FileManager.default.contentsOfDirectory(atPath: state.url.appendingPathComponent("refract").path).filter { $0.contains(".previous-") }
        #expect(kept.count == 1)
    }

    @Test func changingOneLineOfAnInstructionIsAOneLineGitDiff() throws {
        let folder = try Folder()
        let file = folder.path("diff.refract.toml")
        func git(_ args: String...) throws -> String {
            try CommandRunner.run("/usr/bin/git", ["-C", folder.url.path] + args).stdout
        }
        _ = try git("init", "-q")
        do {
            let w = try WorkbenchInTmux([file], localModels: false)
            try w.tmux.waitForText("new prompt file")
            try w.keys("M-2")
            try w.tmux.type("line one")
            try w.keys("Enter")
            try w.tmux.type("line two")
            try w.keys("Enter")
            try w.tmux.type("line three")
            try w.keys("C-q")
            try w.tmux.waitForText("REFRACT-EXITED 0")
        }
        _ = try git("add", "diff.refract.toml")
        _ = try git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "first")
        do {
            let w = try WorkbenchInTmux([file], localModels: false)
            try w.tmux.waitForText("line three")
            try w.keys("M-2", "C-Home", "Down", "End")
            try w.tmux.type(" changed")
            try w.keys("C-q")
            try w.tmux.waitForText("REFRACT-EXITED 0")
        }
        let numstat = try git("diff", "--numstat").trimmingCharacters(in: .whitespacesAndNewlines)
        let diff = try git("diff")
        #expect(numstat == "1\t1\tdiff.refract.toml", "one line changed:\n\(diff)")
        #expect(diff.contains("+line two changed"))
    }

    @Test func aSecondWorkbenchOnTheSameFileIsReadOnlyAndABadFileOpensNothing() throws {
        let folder = try Folder()
        let file = folder.path("one.refract.toml")
        let first = try WorkbenchInTmux([file], localModels: false)
        try first.tmux.waitForText("new prompt file")
        let second = try WorkbenchInTmux([file], localModels: false)
        try second.tmux.waitForText("read-only")
        #expect(second.screen.contains("open in another Refract"), "\(second.screen)")

        let bad = folder.path("bad.refract.toml")
        try "system = \"unterminated\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let w = try WorkbenchInTmux([bad], localModels: false)
        try w.tmux.waitForText("REFRACT-EXITED 2")
        #expect(w.screen.contains("bad.refract.toml:1:"), "\(w.screen)")
        #expect(contents(of: bad) == "system = \"unterminated\n", "never overwritten")
    }
}
