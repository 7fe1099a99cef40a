import Evaluation
import Foundation
import Providers

/// What an evaluation needs from the workbench: the prompt file as it stands (its `[[cases]]` and
/// `[[checks]]`), every instruction variant, the models and settings. The effect runner reads the
/// cases (they may name a CSV or a folder), builds the plan and consults the cache off the UI thread.
public struct EvaluationRequest: Sendable, Equatable {
    /// An instruction variant by name.
    public struct Variant: Sendable, Equatable {
        public var name: String
        public var prompt: Prompt
        public init(name: String, prompt: Prompt) {
            self.name = name
            self.prompt = prompt
        }
    }

    /// The prompt file's text as the writer would save it now (unsaved edits included).
    public var text: String
    public var file: URL
    public var variants: [Variant]
    public var models: [ModelRef]
    public var parameters: GenerationParameters
    public var mode: RequestMode
    /// Look recorded answers up (off with the no-cache key).
    public var useCache: Bool
    /// Only these cases (all when empty): the Cases pane runs one alone.
    public var caseNames: [String]

    public init(text: String, file: URL, variants: [Variant], models: [ModelRef], parameters: GenerationParameters, mode: RequestMode,
                useCache: Bool = true, caseNames: [String] = []) {
        self.text = text
        self.file = file
        self.variants = variants
        self.models = models
        self.parameters = parameters
        self.mode = mode
        self.useCache = useCache
        self.caseNames = caseNames
    }
}
