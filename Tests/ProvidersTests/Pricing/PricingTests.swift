import Foundation
import Testing
@testable import Providers

@Suite struct PricingTests {
    let table = try! PriceTable.parse("""
        [[price]]
        model = "anthropic:claude-sonnet-4-5"
        input = 3
        output = 15
        cache_read = 0.3
        cache_write = 3.75
        source = "vendor page"
        checked = "2026-07-29"

        [[price]]
        model = "openai:gpt-4o"
        input = 2.5
        output = 10
        cache_read = 1.25
        source = "vendor page"
        """, file: "prices.toml")

    @Test func lookupExactAndDated() throws {
        #expect(table.price(for: ModelRef("anthropic:claude-sonnet-4-5")!)?.input == 3)
        #expect(table.price(for: ModelRef("anthropic:claude-sonnet-4-5-20250929")!)?.output == 15)
        #expect(table.price(for: ModelRef("openai:gpt-4o-2024-08-06")!)?.input == 2.5)
        #expect(table.price(for: ModelRef("openai:gpt-4o-mini")!) == nil, "a different model is unpriced, never a neighbour's price")
        #expect(table.price(for: ModelRef("other:claude-sonnet-4-5")!) == nil)
    }

    @Test func anthropicCacheTokensAreAddedToInput() throws {
        let price = try #require(table.price(for: ModelRef("anthropic:claude-sonnet-4-5")!))
        // 1M uncached input, 1M output, 1M cache read, 1M cache write.
        let usage = Usage(input: 1_000_000, output: 1_000_000, cacheRead: 1_000_000, cacheWrite: 1_000_000)
        let cost = try #require(CostCalculator.cost(of: usage, at: price, protocol: .anthropic))
        #expect(abs(cost - (3 + 15 + 0.3 + 3.75)) < 1e-9)
    }

    @Test func openAICachedTokensAreInsideInput() throws {
        let price = try #require(table.price(for: ModelRef("openai:gpt-4o")!))
        // 1M prompt tokens of which 400K were cached.
        let usage = Usage(input: 1_000_000, output: 100_000, cacheRead: 400_000)
        let cost = try #require(CostCalculator.cost(of: usage, at: price, protocol: .openAIChat))
        #expect(abs(cost - (0.6 * 2.5 + 0.4 * 1.25 + 0.1 * 10)) < 1e-9)
    }

    @Test func noUsageIsNoCost() throws {
        let price = try #require(table.price(for: ModelRef("openai:gpt-4o")!))
        #expect(CostCalculator.cost(of: Usage(), at: price, protocol: .openAIChat) == nil)
    }

    @Test func mergeLetsUserRowsWin() {
        var base = table
        base.merge(PriceTable(rows: ["openai:gpt-4o": Price(input: 1, output: 2, source: "mine")]))
        #expect(base.price(for: ModelRef("openai:gpt-4o")!)?.source == "mine")
        #expect(base.price(for: ModelRef("anthropic:claude-sonnet-4-5")!)?.source == "vendor page")
    }

    @Test func badPriceFileNamesTheRow() {
        #expect(throws: PriceTableError.self) { try PriceTable.parse("[[price]]\nmodel = \"nocolon\"\ninput = 1\noutput = 1\n", file: "p.toml") }
        #expect(throws: PriceTableError.self) { try PriceTable.parse("[[price]]\nmodel = \"a:b\"\ninput = 1\n", file: "p.toml") }
        #expect(throws: PriceTableError.self) { try PriceTable.parse("[[price]\n", file: "p.toml") }
    }

    @Test func runMeterEstimatesUntilUsageArrives() {
        var meter = RunMeter(startedAt: 10, price: Price(input: 1, output: 2, source: "s"), protocolName: .openAIChat, promptCharacters: 40)
        meter.add(.textDelta("12345678"), at: 10.5)
        #expect(meter.timeToFirstToken == 0.5)
        #expect(meter.outputTokens.count == 2 && !meter.outputTokens.exact)
        #expect(meter.inputTokens.count == 10 && !meter.inputTokens.exact)
        meter.add(.usage(Usage(input: 12, output: 3)), at: 11)
        #expect(meter.outputTokens.count == 3 && meter.outputTokens.exact)
        meter.end(at: 11.5)
        #expect(meter.tokensPerSecond(now: 99) == 2.0) // 2 tokens after the first, over 1 s
        #expect(abs((meter.cost ?? 0) - (12 * 1 + 3 * 2) / 1e6) < 1e-12)
    }

    @Test func aReportedZeroForANonEmptyAnswerIsAPlaceholderAndTheEstimateIsShown() {
        var meter = RunMeter(startedAt: 0, price: Price(input: 1, output: 2, source: "s"), protocolName: .openAIChat, promptCharacters: 40)
        meter.add(.textDelta(String(repeating: "a", count: 40)), at: 1)
        meter.add(.usage(Usage(input: 0, output: 0)), at: 2)
        #expect(meter.result.usage == Usage(input: 0, output: 0))  // what the server said is kept
        #expect(meter.outputTokens.count == 10 && !meter.outputTokens.exact)
        #expect(meter.inputTokens.count == 10 && !meter.inputTokens.exact)
        #expect(meter.reportedZeroNote == "the server reported 0 output tokens for a non-empty answer; Refract's own estimate is 10 tokens")
        #expect(abs((meter.cost ?? 0) - (10 * 1 + 10 * 2) / 1e6) < 1e-12)
        // A zero for an empty answer is a real figure.
        var empty = RunMeter(startedAt: 0, price: nil, protocolName: .openAIChat, promptCharacters: 40)
        empty.add(.usage(Usage(input: 12, output: 0)), at: 1)
        #expect(empty.outputTokens.count == 0 && empty.outputTokens.exact)
        #expect(empty.reportedZeroNote == nil)
    }
}
