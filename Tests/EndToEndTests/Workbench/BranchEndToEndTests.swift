import Foundation
import RefractTestSupport
import Testing

/// Issue 12, as a new user would do it on the local model: run a prompt, turn on the probability view,
/// move to a token, pick another of the model's alternatives there and branch: the continuation streams,
/// `B` shows the two branches side by side and `d` their word diff. The session holds both, and the
/// branch replays as one answer.
@Suite(.serialized) struct BranchEndToEndTests {
    @Test func branchFromAnAlternativeSeeBothAndReplayTheBranch() throws {
        let w = try WorkbenchInTmux(height: 40)
        try w.tmux.waitForText("Write a prompt")
        try w.setMaxTokens(12)
        try w.keys("M-3")
        try w.tmux.type("Name a colour and say why.")
        try w.keys("M-5", "p")
        try w.keys("C-r")
        let first = try w.tmux.waitFor("the answer with its probabilities", timeout: 90) { lines in
            lines.joined(separator: "\n").contains("token 1/") && lines.contains { $0.contains("Response ·") && ($0.contains(" stop ") || $0.contains(" length ")) }
        }
        #expect(first.joined(separator: "\n").contains("mean logprob"))

        // The third token, its second most likely alternative.
        try w.keys("Right", "Right", "Down")
        let picked = try w.tmux.waitForText("token 3/")
        let pickLine = try #require(picked.first { $0.contains("›") && $0.contains("“") }, "the picked alternative is marked")
        let chosen = try #require(pickLine.range(of: #"“[^”]*”"#, options: .regularExpression).map { String(pickLine[$0].dropFirst().dropLast()) })
        try w.keys("Enter")
        let branched = try w.tmux.waitFor("the branch's answer", timeout: 90) { lines in
            let text = lines.joined(separator: "\n")
            // Exact token counts in the meter: the server's usage came, so the branch ended.
            return text.contains("the branch starts here") && text.contains("branches: original · ▸at 3")
                && text.range(of: #"in \d+  out \d+ "#, options: .regularExpression) != nil
        }.joined(separator: "\n")
        #expect(branched.contains("token 3/"), "the cursor stays on the branch point")

        try w.keys("B")
        try w.tmux.waitForText("Branches of run 1 (2)")
        #expect(w.screen.contains("╭ original") && w.screen.contains("at 3: “"))
        try w.keys("d")
        try w.tmux.waitForText("word diff")
        try w.escape()
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)

        // The session: the run, then its branch with where it left it.
        let file = try #require(TemporaryFolder.sessionFiles(in: w.sessions.path).first)
        let starts = contents(of: file).split(separator: "\n").filter { $0.contains(#""type":"run_started""#) }
        #expect(starts.count == 2)
        let branch = try #require(try JSONSerialization.jsonObject(with: Data(starts[1].utf8)) as? [String: Any])
        let point = try #require(branch["branch"] as? [String: Any])
        #expect(point["of"] as? Int == 1 && point["token"] as? Int == 2)
        #expect(point["chosen"] as? String == chosen)
        let prefix = try #require(point["prefix"] as? String)
        #expect(prefix.hasSuffix(chosen))

        // Replayed, the branch reads as one answer: its prefix, then what the model went on with.
        let replay = try RefractCLI.run(["replay", file, "--run", "2", "--speed", "0", "--json"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let text = replay.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["type"] as? String == "text" }.compactMap { $0["text"] as? String }.joined()
        #expect(text.hasPrefix(prefix) && text.count > prefix.count, "\(text)")
    }
}
