import Foundation
import Providers

/// What an evaluation will cost at most, before anything is sent: every cell not in the cache at its
/// full `max_tokens` (512 when unset), every judge call at its own, inputs at ~4 characters a token.
public struct EvalEstimate: Sendable, Equatable {
    public var usd = 0.0
    public var cells = 0
    public var cachedCells = 0
    public var judgeCalls = 0
    /// Calls to unpriced models, which the estimate cannot count.
    public var unpriced = 0

    public init(plan: EvalPlan, prices: PriceTable, protocols: [String: ProtocolName], cache: EvalCache?) {
        let cached = Set(plan.cells.indices.filter { i in
            let cell = plan.cells[i]
            return cache?.lookup(prompt: cell.prompt, model: cell.model, parameters: cell.request.parameters, mode: cell.request.mode, sample: cell.repeatIndex) != nil
        })
        self.init(cells: plan.cells, prices: prices, protocols: protocols, cached: cached)
    }

    /// The same, with the cache already consulted (the workbench looks it up off the UI thread).
    public init(cells: [EvalCell], prices: PriceTable, protocols: [String: ProtocolName], cached: Set<Int>) {
        for (index, cell) in cells.enumerated() {
            let output = cell.request.parameters.maxTokens ?? 512
            let judges = cell.checks.compactMap { if case .judge(let j) = $0.kind { j } else { nil } }
            for judge in judges {
                judgeCalls += 1
                guard let ref = ModelRef(judge.model), let price = prices.price(for: ref) else {
                    unpriced += 1
                    continue
                }
                let input = (judge.rubric.unicodeScalars.count + output * 4 + 400) / 4
                usd += CostCalculator.cost(of: Usage(input: input, output: judge.maxTokens), at: price, protocol: protocols[ref.provider]) ?? 0
            }
            if cached.contains(index) {
                cachedCells += 1
                continue
            }
            self.cells += 1
            guard let price = prices.price(for: cell.model) else {
                unpriced += 1
                continue
            }
            let input = (cell.request.messages.reduce(0) { $0 + $1.content.unicodeScalars.count } + 3) / 4
            usd += CostCalculator.cost(of: Usage(input: input, output: output), at: price, protocol: protocols[cell.model.provider]) ?? 0
        }
    }
}
