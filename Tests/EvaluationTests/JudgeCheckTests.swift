import Foundation
import Providers
import RefractTestSupport
import Testing
@testable import Evaluation

/// `judge` checks against in-test servers playing the grading model: good, bad and unparseable
/// verdicts, a score with a threshold, and a judge that is down.
@Suite struct JudgeCheckTests {
    static let transport = AsyncHTTPTransport(connectTimeout: 5)

    func judge(replying reply: String, status: Int = 200) throws -> (HTTPServer, JudgeModel) {
        let server = try HTTPServer { request, writer in
            if status == 200 {
                OpenAIChatReply.respond(writer, text: reply)
            } else {
                writer.respond(status: status, headers: [("Content-Type", "application/json")], body: #"{"error":{"message":"overloaded"}}"#)
            }
        }
        let client = ProviderClient(
            wireProtocol: OpenAIChatProtocol(), endpoint: ProviderEndpoint(baseURL: URL(string: server.baseURL.absoluteString + "/v1")!),
            transport: Self.transport, retryPolicy: RetryPolicy(maxRetries: 0), readTimeout: 5
        )
        return (server, JudgeModel(model: client, modelID: "grader", price: Price(input: 1, output: 2, source: "test"), protocolName: .openAIChat))
    }

    func grade(_ reply: String, threshold: Double? = nil, status: Int = 200) async throws -> (CheckResult, HTTPServer) {
        let (server, model) = try judge(replying: reply, status: status)
        let spec = CheckSpec(kind: .judge(JudgeSpec(rubric: "The answer is polite and mentions {{expect.word}}.", model: "srv:grader", threshold: threshold)))
        let context = CheckContext(answer: "Sorry, your refund is coming.", caseName: "c", values: ["expect.word": "refund"])
        let result = await CheckRunner(judgeModel: { name in
            #expect(name == "srv:grader")
            return model
        }).run([spec], context: context)[0]
        return (result, server)
    }

    @Test func aPassingVerdictPassesAndIsKept() async throws {
        let (r, server) = try await grade("```json\n{\"pass\": true, \"reason\": \"polite and on topic\"}\n```")
        #expect(r.status == .pass)
        #expect(r.reason == "polite and on topic")
        let record = try #require(r.judge)
        #expect(record.prompt.contains("mentions refund."))
        #expect(record.prompt.contains("Sorry, your refund is coming."))
        #expect(record.answer.contains("\"pass\": true"))
        #expect(record.costUSD != nil)
        // The judge was asked through the chat protocol, at temperature 0.
        let body = try #require(server.requests.first?.jsonBody)
        #expect(body["model"] as? String == "grader")
        #expect(body["temperature"] as? Double == 0)
    }

    @Test func aFailingVerdictFails() async throws {
        let (r, _) = try await grade(#"{"pass": false, "reason": "rude"}"#)
        #expect(r.status == .fail)
        #expect(r.reason == "rude")
    }

    @Test func anUnparseableVerdictIsAnErrorWithWhatItSaid() async throws {
        let (r, _) = try await grade("I think it is fine!")
        #expect(r.status == .error)
        #expect(r.reason == "the judge returned no JSON verdict: 'I think it is fine!'")
        let (r2, _) = try await grade(#"{"verdict": "maybe"}"#)
        #expect(r2.status == .error)
    }

    @Test func aScoreIsComparedWithTheThreshold() async throws {
        let (high, _) = try await grade(#"{"score": 0.9, "reason": "good"}"#, threshold: 0.7)
        #expect(high.status == .pass)
        #expect(high.reason == "score 0.9 ≥ 0.7: good")
        let (low, _) = try await grade(#"{"score": 0.2}"#, threshold: 0.7)
        #expect(low.status == .fail)
        let (noScore, _) = try await grade(#"{"pass": true}"#, threshold: 0.7)
        #expect(noScore.status == .error)
    }

    @Test func aJudgeThatFailsIsAnError() async throws {
        let (r, _) = try await grade("", status: 400)
        #expect(r.status == .error)
        #expect(r.reason.hasPrefix("judge srv:grader failed:"))
        let unresolved = await CheckRunner(judgeModel: { _ in throw CheckSetupError("no provider called srv") })
            .run([CheckSpec(kind: .judge(JudgeSpec(rubric: "r", model: "srv:grader")))], context: CheckContext(answer: "x"))[0]
        #expect(unresolved.status == .error)
    }
}
