import Providers
import TerminalUI

/// The comparison being set up: which instruction variants × which models, each cell with its own
/// model and parameters, and what it may cost before anything is sent.
public struct GridSetupState: Sendable {
    /// One cell: an instruction variant on a model with its parameters.
    public struct Cell: Sendable, Equatable {
        public var variant: Int
        public var model: ModelRef
        public var parameters: GenerationParameters
        public var mode: RequestMode
        public var enabled = true
        /// Input tokens counted by the provider (Anthropic count_tokens); nil = estimated from the text.
        public var countedInputTokens: Int?
    }

    public var cells: [Cell]
    public var list = ListViewState(selected: 0)
    /// What it may cost, kept current by the reducer.
    public var estimate = GridEstimate(usd: 0, unpricedCells: 0, inputTokens: 0, countedCells: 0)
    /// The config's `budget_usd`.
    public var budget: Double?
    /// The cell whose model and parameters the switcher is changing.
    public var editingCell: Int?

    public init(cells: [Cell]) { self.cells = cells }

    /// Instructions × models, as the user would say it.
    public var shape: String {
        let enabled = cells.filter(\.enabled)
        let variants = Set(enabled.map(\.variant)).count
        let models = Set(enabled.map(\.model)).count
        return "\(variants) instruction\(variants == 1 ? "" : "s") × \(models) model\(models == 1 ? "" : "s") = \(enabled.count) cell\(enabled.count == 1 ? "" : "s")"
    }
}

/// What a comparison may cost before it runs.
public struct GridEstimate: Sendable, Equatable {
    public init(usd: Double, unpricedCells: Int, inputTokens: Int, countedCells: Int) {
        self.usd = usd
        self.unpricedCells = unpricedCells
        self.inputTokens = inputTokens
        self.countedCells = countedCells
    }

    public var usd: Double
    public var unpricedCells: Int
    public var inputTokens: Int
    /// Cells whose input was counted by the provider rather than estimated from the text.
    public var countedCells: Int
    /// Output tokens assumed per cell when it has no max-tokens setting.
    public static let assumedOutputTokens = 1024
}

