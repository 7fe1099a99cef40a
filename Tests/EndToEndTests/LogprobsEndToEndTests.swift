import Foundation
import RefractTestSupport
import Testing

/// Issue 12 (part): `refract run --logprobs K --json` on the real llama.cpp server gives each token's
/// log-probability and alternatives as the server computed them; a closed pipe ends a run cleanly.
@Suite(.serialized) struct LogprobsEndToEndTests {
    func port(_ model: String) throws -> Int {
        let path = PackagePaths.root.appendingPathComponent(".local-model/run/\(model).json").path
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return try #require(object?["port"] as? Int)
    }

    @Test func theTokensAndAlternativesAreTheServersOwn() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let run = try RefractCLI.run(["run", "--input", "Name a colour.", "--model", "local:smollm2-135m-instruct", "--temperature", "0", "--seed", "1",
                                      "--max-tokens", "6", "--logprobs", "3", "--json", "--sessions", dir.file("s")],
                                     environment: ["REFRACT_HOME": PackagePaths.root.path], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        let parts = run.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let ours = parts.filter { $0["type"] as? String == "logprobs" }.flatMap { ($0["tokens"] as? [[String: Any]]) ?? [] }
        let text = parts.filter { $0["type"] as? String == "text" }.compactMap { $0["text"] as? String }.joined()
        #expect(ours.count >= 2)
        #expect(ours.compactMap { $0["token"] as? String }.joined() == text, "the tokens spell the answer")

        // The same request straight to llama.cpp with curl: the same tokens and the same alternatives.
        let body = #"{"model":"m","messages":[{"role":"user","content":"Name a colour."}],"temperature":0,"seed":1,"max_tokens":6,"logprobs":true,"top_logprobs":3}"#
        let direct = try CommandRunner.run("/usr/bin/curl", ["-s", "http://127.0.0.1:\(try port("smollm2-135m-instruct"))/v1/chat/completions", "-H", "content-type: application/json", "-d", body])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as? [String: Any])
        let choice = try #require((object["choices"] as? [[String: Any]])?.first)
        let theirs = try #require((choice["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
        #expect(ours.map { $0["token"] as? String } == theirs.map { $0["token"] as? String })
        for (a, b) in zip(ours, theirs) {
            let ourTop = Set(((a["top"] as? [[String: Any]]) ?? []).compactMap { $0["token"] as? String })
            let theirTop = Set(((b["top_logprobs"] as? [[String: Any]]) ?? []).compactMap { $0["token"] as? String })
            #expect(ourTop == theirTop)
            #expect(abs((a["logprob"] as? Double ?? 0) - (b["logprob"] as? Double ?? 1)) < 1e-3)
        }
        // The session keeps them, compactly.
        let session = try #require(TemporaryFolder.sessionFiles(in: dir.file("s")).first)
        #expect(contents(of: session).contains(#""type":"logprobs""#))
    }

    @Test func decodeReadsThemFromACapturedBody() throws {
        let dir = TemporaryFolder()
        let capture = try dir.write("gemini.sse", #"data: {"candidates":[{"content":{"parts":[{"text":"Hi"}],"role":"model"},"finishReason":"STOP","index":0,"logprobsResult":{"topCandidates":[{"candidates":[{"token":"Hi","logProbability":-0.1},{"token":"Hey","logProbability":-2.5}]}],"chosenCandidates":[{"token":"Hi","logProbability":-0.1}]}}]}"# + "\n\n")
        let decoded = try RefractCLI.run(["decode", "--protocol", "gemini", capture], in: dir.path)
        #expect(decoded.status == 0, "\(decoded.stderr)")
        #expect(decoded.stdout.contains(#"{"type":"logprobs","tokens":[{"token":"Hi","logprob":-0.1,"top":[{"token":"Hi","logprob":-0.1},{"token":"Hey","logprob":-2.5}]}]}"#), "\(decoded.stdout)")
    }

    @Test func aReaderThatGoesAwayEndsTheRunAsCancelledWithoutACrash() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let refract = try RefractCLI.path()
        let script = "'\(refract)' run --input 'Write a long story.' --model local:smollm2-135m-instruct --max-tokens 200 --json --sessions '\(dir.file("s"))' | head -n 1"
        let run = try CommandRunner.run("/bin/sh", ["-c", script], environment: RefractCLI.environment(["REFRACT_HOME": PackagePaths.root.path]), workingDirectory: dir.path)
        #expect(!run.stderr.contains("crashed") && !run.stderr.contains("Fatal error"), "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 1)
        let session = try #require(TemporaryFolder.sessionFiles(in: dir.file("s")).first)
        #expect(contents(of: session).contains(#""kind":"cancelled""#))
    }
}
