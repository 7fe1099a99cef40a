import Testing
@testable import Evaluation
import Providers

/// Every deterministic check on a passing, a failing and (where it can happen) an erroring input.
@Suite struct PureCheckTests {
    func run(_ kind: CheckKind, _ answer: String, values: [String: String] = [:], cost: Double? = nil, ttft: Double? = nil, total: Double? = nil,
             tokens: Int? = nil) -> CheckResult {
        let context = CheckContext(answer: answer, caseName: "c1", values: values, costUSD: cost, ttftMs: ttft, totalMs: total, outputTokens: tokens)
        return PureCheck.evaluate(CheckSpec(kind: kind), context)!
    }

    func expect(_ r: CheckResult, _ status: CheckResult.Status, _ reason: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.reason)", sourceLocation: sourceLocation)
        if let reason { #expect(r.reason == reason, sourceLocation: sourceLocation) }
    }

    @Test func equals() {
        expect(run(.equals("Paris", ignoreCase: false), " Paris\n"), .pass)
        expect(run(.equals("Paris", ignoreCase: false), "paris"), .fail, "expected 'Paris', got 'paris'")
        expect(run(.equals("Paris", ignoreCase: true), "paris"), .pass)
        expect(run(.equals("{{expect.city}}", ignoreCase: false), "Rome", values: ["expect.city": "Rome"]), .pass)
        expect(run(.equals("{{expect.city}}", ignoreCase: false), "Rome"), .error, #"no value for {{expect.city}} in case "c1""#)
    }

    @Test func containsFamily() {
        expect(run(.contains("refund", ignoreCase: false), "We will refund you."), .pass)
        expect(run(.contains("refund", ignoreCase: false), "Sorry."), .fail, "expected to contain 'refund': not found")
        expect(run(.contains("{{product}}", ignoreCase: true), "the WIDGET works", values: ["product": "widget"]), .pass)
        expect(run(.contains("{{product}}", ignoreCase: true), "x"), .error)
        expect(run(.containsAny(["a1", "b2"], ignoreCase: false), "has b2"), .pass)
        expect(run(.containsAny(["a1", "b2"], ignoreCase: false), "none"), .fail)
        expect(run(.containsAll(["a1", "b2"], ignoreCase: false), "a1 and b2"), .pass)
        expect(run(.containsAll(["a1", "b2"], ignoreCase: false), "a1 only"), .fail, "expected to contain 'b2': not found")
        expect(run(.notContains(["sorry"], ignoreCase: true), "Here you go"), .pass)
        expect(run(.notContains(["sorry"], ignoreCase: true), "SORRY"), .fail, "expected not to contain 'sorry': found")
        expect(run(.startsWith("Dear", ignoreCase: false), "\n Dear Ann"), .pass)
        expect(run(.startsWith("Dear", ignoreCase: false), "Hi Ann"), .fail)
    }

    @Test func regex() {
        expect(run(.regex(#"\d{3}-\d{4}"#), "call 555-1234"), .pass, "matches '555-1234'")
        expect(run(.regex(#"\d{3}-\d{4}"#), "call me"), .fail)
        expect(run(.regex("(unclosed"), "x"), .error)
    }

    @Test func isJSON() {
        expect(run(.isJSON, #"{"a":1}"#), .pass)
        expect(run(.isJSON, #"{"priority": "high", "email": }"#), .fail, "not JSON: unexpected '}' at 1:31")
    }

    @Test func jsonSchema() throws {
        let schema = try JSONSchema(JSONParser.parse(#"""
            {"type":"object","required":["email","priority"],"additionalProperties":false,
             "properties":{"email":{"type":"string","minLength":3},"priority":{"enum":["low","high"]},"tags":{"type":"array","items":{"type":"string"},"maxItems":2},
                           "n":{"type":"integer","minimum":1,"maximum":5}}}
            """#))
        let kind = CheckKind.jsonSchema(.success(schema))
        expect(run(kind, #"{"email":"a@b.c","priority":"low","tags":["x"],"n":3}"#), .pass)
        expect(run(kind, #"{"email":"a@b.c"}"#), .fail, "does not fit the schema: $: no property priority (required)")
        expect(run(kind, #"{"email":"a@b.c","priority":"urgent"}"#), .fail, #"does not fit the schema: $.priority: "urgent" is not one of ["low","high"]"#)
        expect(run(kind, #"{"email":"a@b.c","priority":"low","extra":1}"#), .fail, "does not fit the schema: $: property extra is not allowed (additionalProperties is false)")
        expect(run(kind, #"{"email":"a@b.c","priority":"low","tags":[1]}"#), .fail, "does not fit the schema: $.tags[0]: expected string, found integer")
        expect(run(kind, #"{"email":"a@b.c","priority":"low","n":9}"#), .fail, "does not fit the schema: $.n: 9 is above the maximum 5")
        expect(run(kind, #"{"email":"ab","priority":"low"}"#), .fail)
        expect(run(kind, "not json"), .fail)
        expect(run(.jsonSchema(.failure(CheckSetupError("x.toml:3:1: not a schema at $.type: \"strng\" is not a type"))), "{}"), .error)
    }

    @Test func schemasThatAreNotSchemasAreRefusedWithTheirPlace() throws {
        #expect(throws: JSONSchemaError.self) { try JSONSchema(JSONParser.parse(#"{"type":"strng"}"#)) }
        #expect(throws: JSONSchemaError.self) { try JSONSchema(JSONParser.parse(#"[1]"#)) }
        do {
            _ = try JSONSchema(JSONParser.parse(#"{"properties":{"age":{"minimum":"ten"}}}"#))
            Issue.record("accepted")
        } catch {
            #expect((error as? JSONSchemaError)?.description == "not a schema at $.properties.age.minimum: expected a number")
        }
    }

    @Test func jsonPath() {
        let answer = #"{"ticket":{"priority":"high","tags":["billing","refund"]},"n":3}"#
        expect(run(.jsonPath(path: "$.ticket.priority", equals: "high", contains: nil), answer), .pass)
        expect(run(.jsonPath(path: "$.n", equals: "3", contains: nil), answer), .pass)
        expect(run(.jsonPath(path: "$.ticket.priority", equals: "{{expect.p}}", contains: nil), answer, values: ["expect.p": "low"]), .fail)
        expect(run(.jsonPath(path: "$.ticket.tags", equals: nil, contains: "refund"), answer), .pass)
        expect(run(.jsonPath(path: "$.ticket.owner", equals: "x", contains: nil), answer), .fail, "$.ticket.owner: no key owner in $.ticket")
        expect(run(.jsonPath(path: "ticket", equals: "x", contains: nil), answer), .error)
        expect(run(.jsonPath(path: "$.a", equals: "x", contains: nil), "no json"), .fail)
    }

    @Test func length() {
        expect(run(.length(min: 2, max: 4, unit: .words), "one two three"), .pass, "3 words")
        expect(run(.length(min: nil, max: 5, unit: .chars), "abcdefg"), .fail, "7 chars, more than 5")
        expect(run(.length(min: nil, max: 10, unit: .tokens), "x", tokens: 11), .fail, "11 tokens, more than 10")
        expect(run(.length(min: 1, max: nil, unit: .tokens), "abcdefgh"), .pass, "~2 tokens")
    }

    @Test func costAndLatency() {
        expect(run(.maxCost(usd: 0.01), "x", cost: 0.002), .pass)
        expect(run(.maxCost(usd: 0.001), "x", cost: 0.002), .fail)
        expect(run(.maxCost(usd: 0.001), "x", cost: nil), .error, "the model is unpriced: its cost is unknown")
        expect(run(.maxLatency(ms: 500, of: .ttft), "x", ttft: 120, total: 900), .pass, "ttft 120 ms")
        expect(run(.maxLatency(ms: 500, of: .total), "x", ttft: 120, total: 900), .fail, "total 900 ms, more than 500 ms")
        expect(run(.maxLatency(ms: 500, of: .ttft), "", ttft: nil, total: 900), .error)
    }

    @Test func commandAndJudgeAreNotPure() {
        let context = CheckContext(answer: "x")
        #expect(PureCheck.evaluate(CheckSpec(kind: .command(CommandSpec(arguments: ["true"]))), context) == nil)
        #expect(PureCheck.evaluate(CheckSpec(kind: .judge(JudgeSpec(rubric: "r", model: "a:b"))), context) == nil)
    }
}
