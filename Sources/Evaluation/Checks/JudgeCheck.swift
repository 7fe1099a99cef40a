import Foundation
import Providers

/// Runs a `judge` check: asks a grading model (through the same `LanguageModel` interface as every run)
/// to grade the answer against a rubric and to reply with a JSON verdict. A verdict that cannot be read,
/// or a judge that fails, is an *error* carrying what it returned, never a pass.
public enum JudgeCheck {
    /// The judge's request; the rubric's `{{…}}` are filled from the case.
    public static func prompt(_ judge: JudgeSpec, context: CheckContext) throws(CheckSetupError) -> String {
        let rubric = try PureCheck.fill(judge.rubric, context)
        let reply = judge.threshold == nil
            ? #"{"pass": true or false, "reason": "one short sentence"}"#
            : #"{"score": a number from 0 to 1, "reason": "one short sentence"}"#
        return """
            Grade the answer below against the rubric.

            Rubric:
            \(rubric)

            Answer:
            <answer>
            \(context.answer)
            </answer>

            Reply with only this JSON object and nothing else:
            \(reply)
            """
    }

    public static func run(_ spec: CheckSpec, judge: JudgeSpec, context: CheckContext, model resolve: (String) throws -> JudgeModel) async -> CheckResult {
        func result(_ status: CheckResult.Status, _ reason: String, _ record: JudgeRecord? = nil) -> CheckResult {
            CheckResult(name: spec.name, type: spec.type, status: status, reason: reason, weight: spec.weight, judge: record)
        }
        let text: String
        do { text = try prompt(judge, context: context) } catch { return result(.error, error.description) }
        let grader: JudgeModel
        do { grader = try resolve(judge.model) } catch { return result(.error, "judge \(judge.model): \(error)") }
        let request = ModelRequest(
            model: grader.modelID,
            messages: [
                ChatMessage(role: .system, content: "You are a strict grader. You reply with one JSON object only."),
                ChatMessage(role: .user, content: text),
            ],
            parameters: GenerationParameters(temperature: 0, maxTokens: judge.maxTokens), mode: .chat
        )
        var answer = RunAccumulator()
        for await part in grader.model.stream(request) { answer.add(part) }
        let cost: Double? = grader.price.flatMap { price in
            var usage = answer.usage ?? Usage()
            if usage.input == nil { usage.input = (text.unicodeScalars.count + 3) / 4 }
            if usage.output == nil { usage.output = (answer.text.unicodeScalars.count + 3) / 4 }
            return CostCalculator.cost(of: usage, at: price, protocol: grader.protocolName)
        }
        let record = JudgeRecord(model: judge.model, prompt: text, answer: answer.text, costUSD: cost)
        if let error = answer.error { return result(.error, "judge \(judge.model) failed: \(error.description)", record) }
        switch verdict(answer.text, threshold: judge.threshold) {
        case .success(let (passed, reason)): return result(passed ? .pass : .fail, reason, record)
        case .failure(let problem): return result(.error, problem.description, record)
        }
    }

    /// Reads the judge's reply: the first `{…}` in it (models often wrap JSON in a code fence), with
    /// `pass` (a boolean, or "pass"/"fail") or, when a threshold is set, `score` from 0 to 1.
    public static func verdict(_ reply: String, threshold: Double?) -> Result<(Bool, String), CheckSetupError> {
        let shown = "'\(CheckText.clip(reply.trimmingCharacters(in: .whitespacesAndNewlines), 80))'"
        guard let open = reply.firstIndex(of: "{"), let close = reply.lastIndex(of: "}"), open < close else {
            return .failure(CheckSetupError("the judge returned no JSON verdict: \(shown)"))
        }
        let object: JSON
        do { object = try JSONParser.parse(String(reply[open...close])) } catch {
            return .failure(CheckSetupError("the judge's verdict is not JSON (\(error.description)): \(shown)"))
        }
        let reason = object["reason"].map { CheckText.clip($0.plainText, 100) } ?? ""
        if let threshold {
            guard case .number(let score)? = object["score"], (0...1).contains(score) else {
                return .failure(CheckSetupError("the judge gave no score from 0 to 1: \(shown)"))
            }
            let head = "score \(JSON.number(score).text) \(score >= threshold ? "≥" : "<") \(JSON.number(threshold).text)"
            return .success((score >= threshold, reason.isEmpty ? head : "\(head): \(reason)"))
        }
        let passed: Bool
        switch object["pass"] ?? object["verdict"] {
        case .bool(let b)?: passed = b
        case .string(let s)? where ["pass", "fail"].contains(s.lowercased()): passed = s.lowercased() == "pass"
        default: return .failure(CheckSetupError("the judge gave no pass/fail verdict: \(shown)"))
        }
        return .success((passed, reason.isEmpty ? (passed ? "the judge passed it" : "the judge failed it") : reason))
    }
}
