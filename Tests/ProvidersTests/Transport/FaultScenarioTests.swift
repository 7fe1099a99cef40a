import Testing
@testable import RefractTestSupport

/// Model names the fault server understands, and the steps it plays for them.
@Suite struct FaultScenarioTests {
    @Test func parsesModesWithTheirNumbers() throws {
        let table: [(String, FaultMode)] = [
            ("ok", .ok), ("faults:ok", .ok), ("models/ok", .ok),
            ("http-401", .httpError(status: 401, hint: .none)),
            ("unknown-model", .httpError(status: 404, hint: .none)),
            ("http-529", .httpError(status: 529, hint: .none)),
            ("http-429-retry-after-1", .httpError(status: 429, hint: .retryAfterSeconds(1))),
            ("http-429-retry-after-2.5", .httpError(status: 429, hint: .retryAfterSeconds(2.5))),
            ("http-503-retry-after-ms-150", .httpError(status: 503, hint: .retryAfterMilliseconds(150))),
            ("http-429-retry-after-date-30", .httpError(status: 429, hint: .retryAfterDate(secondsFromNow: 30))),
            ("http-529-no-retry", .httpError(status: 529, hint: .shouldRetry(false))),
            ("http-400-retry", .httpError(status: 400, hint: .shouldRetry(true))),
            ("http-429-quota", .httpError(status: 429, hint: .quota)),
            ("reset-before-response", .resetBeforeResponse),
            ("midstream-error-after-5", .midstreamError(afterTokens: 5)),
            ("reset-after-0", .reset(afterTokens: 0)),
            ("cut-after-7", .cut(afterTokens: 7)),
            ("stall-after-2", .stall(afterTokens: 2)),
            ("large-50", .large(megabytes: 50)),
            ("invalid-utf8", .invalidUTF8), ("malformed-json", .malformedJSON), ("endless", .endless), ("drip", .drip),
            ("hostile", .hostile), ("hostile-long-line", .hostileLongLine), ("hostile-many-lines", .hostileManyLines),
        ]
        for (name, mode) in table {
            #expect(try FaultScenario.parse(name).mode == mode, "\(name)")
        }
    }

    @Test func parsesOptions() throws {
        let scenario = try FaultScenario.parse("faults:ok,tokens=200,delay=30,reasoning=4,fail=2,head-delay=100,id=run7")
        #expect(scenario.mode == .ok)
        #expect(scenario.tokens == 200)
        #expect(scenario.delayMilliseconds == 30)
        #expect(scenario.reasoningTokens == 4)
        #expect(scenario.failCount == 2)
        #expect(scenario.headDelayMilliseconds == 100)
        let defaults = try FaultScenario.parse("drip")
        #expect(defaults.tokens == 12 && defaults.delayMilliseconds == nil && defaults.failCount == nil)
    }

    @Test func rejectsWhatItDoesNotKnow() {
        for name in ["", "nope", "http-200", "http-600", "http-42", "http-429-retry-after-x", "cut-after-", "large--1",
                     "ok,tokens=-1", "ok,tokens=many", "ok,colour=blue"] {
            #expect(throws: FaultScenario.ParseError.self, "\(name)") { try FaultScenario.parse(name) }
        }
    }

    @Test func everyListedExampleParses() throws {
        for name in FaultMode.examples { _ = try FaultScenario.parse(name) }
        #expect(FaultMode.helpTable.contains("midstream-error-after-<n>"))
    }

    func steps(_ name: String) throws -> [FaultStep] {
        var script = FaultScript(scenario: try FaultScenario.parse(name))
        var steps: [FaultStep] = []
        while let step = script.next(), steps.count < 100_000 { steps.append(step) }
        return steps
    }

    @Test func scriptsEndTheWayTheModeSays() throws {
        let text = { (i: Int) in FaultStep.text(Array(FaultText.token(i).utf8)) }
        #expect(try steps("ok,tokens=2") == [text(0), text(1), .finish])
        #expect(try steps("ok,tokens=1,reasoning=2") == [
            .reasoning(Array("Thinking".utf8)), .reasoning(Array(" step 1".utf8)), text(0), .finish,
        ])
        #expect(try steps("midstream-error-after-1") == [text(0), .midstreamError])
        #expect(try steps("reset-after-1") == [text(0), .reset])
        #expect(try steps("cut-after-0") == [.cut])
        #expect(try steps("stall-after-1") == [text(0), .stall])
        #expect(try steps("malformed-json") == [text(0), text(1), text(2), .malformed, text(3), text(4), text(5), .finish])
    }

    @Test func largeAndHostileAnswersHaveTheAdvertisedSizes() throws {
        let large = try steps("large-2")
        #expect(large.count == 2049)
        let bytes = large.reduce(0) { total, step in if case .text(let b) = step { total + b.count } else { total } }
        #expect(bytes == 2 << 20)
        #expect(FaultText.largeToken(12).starts(with: Array("line 12: ".utf8)))
        #expect(FaultText.longLineTokens.joined().count == 100_001)
        #expect(FaultText.manyLinesTokens.joined().split(separator: "\n").count == 10_000)
        #expect(FaultText.answer(tokens: 10) == "The quick brown fox jumps over the lazy dog.\nThe")
    }

    @Test func jsonLiteralsEscapeOnlyWhatJSONRequires() {
        #expect(JSONText.quoted("plain") == Array(#""plain""#.utf8))
        #expect(JSONText.quoted("a\"b\\c\n\u{1B}") == Array(#""a\"b\\c\n\u001b""#.utf8))
        #expect(JSONText.quoted([0xFF, 0x41]) == [0x22, 0xFF, 0x41, 0x22])
    }
}
