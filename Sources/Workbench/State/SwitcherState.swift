import Providers
import TerminalUI

/// The model switcher: a fuzzy filter over every `provider:model`, and the per-run parameters.
public struct SwitcherState: Sendable {
    /// What has the keys: the model list (typing filters it), the parameters row, or a value being typed for
    /// the selected parameter. One value, so the filter and a parameter's field can never both take keys.
    public enum Section: Sendable, Equatable {
        case models
        case parameters
        case typingParameter(TextEditorState)
    }
    /// The parameters the switcher edits, in display order.
    public enum Parameter: String, Sendable, CaseIterable {
        case temperature, maxTokens, topP, seed, mode

        /// The short label in the parameters row.
        public var label: String {
            switch self {
            case .temperature: "temp"
            case .maxTokens: "max tokens"
            case .topP: "top-p"
            case .seed: "seed"
            case .mode: "mode"
            }
        }
    }

    public var filter = TextEditorState()
    public var list = ListViewState(selected: 0)
    public var section: Section = .models
    public var parameter: Parameter = .temperature
    public var parameters: GenerationParameters
    public var mode: RequestMode
    /// Why the last parameter edit was refused.
    public var parameterError: String?
    /// What a pick changes in the comparison setup (nil: the workbench's own model).
    public var gridTarget: GridTarget?
    /// The comparison setup to return to.
    public var gridSetup: GridSetupState?

    /// Which part of a comparison the switcher is choosing for.
    public enum GridTarget: Sendable, Equatable {
        case cell(Int)
        case addModel
    }

    /// The parameters row has the keys (moving through it or typing a value).
    public var isOnParameters: Bool { section != .models }

    public init(parameters: GenerationParameters, mode: RequestMode) {
        self.parameters = parameters
        self.mode = mode
    }

    /// The models that match the filter, best first, with matched character positions.
    public func matches(in models: [ModelEntry]) -> [(entry: ModelEntry, positions: [Int])] {
        let query = filter.text
        guard !query.isEmpty else { return models.map { ($0, []) } }
        return FuzzyMatcher().rank(query, in: models.map(\.ref.description)).map { (models[$0.index], $0.match.positions) }
    }
}
