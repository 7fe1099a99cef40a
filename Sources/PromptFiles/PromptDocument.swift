import Foundation
import Providers

/// A prompt file's content: the workspace a user iterates on (system prompt, instruction variants,
/// input template, few-shot examples, variables, models, parameters), plus whatever keys a newer
/// Refract wrote that this one does not know, kept so a rewrite loses nothing.
public struct PromptDocument: Sendable, Equatable {
    /// The format this Refract reads and writes (`format = 1`); a file with a higher number is refused.
    public static let formatVersion = 1

    public var title: String = ""
    public var system: String = ""
    /// The input template (usually `{{variables}}`).
    public var input: String = ""
    /// Named variants, in order; never empty once read.
    public var instructions: [PromptInstruction] = [PromptInstruction(name: "instruction 1", text: "")]
    public var examples: [PromptExample] = []
    public var variables: [String: String] = [:]
    /// `provider:model` names as written; the first is the workbench's model.
    public var models: [String] = []
    /// The few answers a classification prompt allows (label mode scores each instead of sampling one).
    public var labels: [String] = []
    public var parameters = GenerationParameters()
    /// The JSON schema the answer must follow, written inline (`schema = { ... }`)…
    public var schema: JSON?
    /// …or kept in a file next to the prompt (`schema_file = "ticket.schema.json"`).
    public var schemaFile: String?
    /// The inline `schema` value exactly as written, put back while the schema is unchanged.
    public var schemaSource: String?
    /// The functions the model may call (`[[tools]]`), and whether it must (`[params] tool_choice`).
    public var tools: [PromptTool] = []
    public var toolChoice: ToolChoice?
    /// The most tool steps a run takes before it stops (`[params] max_tool_steps`; nil: the loop's default).
    public var maxToolSteps: Int?
    /// Files and images given to the model as context (`[[attachments]]`), in order.
    public var attachments: [PromptAttachment] = []
    /// Chat or raw completion; nil leaves it to the model (base models default to raw).
    public var mode: RequestMode?
    public var rawFormat: RawExampleFormat = .standard
    /// Where the workbench was (the scratch workspace keeps it; named files do not).
    public var workbench: WorkbenchPlace?
    /// Keys this version does not know, kept verbatim for the rewrite (top level, and inside `[params]`).
    public var extras = ExtraKeys()
    public var parameterExtras = ExtraKeys()
    /// The file's comments, put back where they were on a rewrite.
    public var comments = TOMLComments()

    public init() {}

    /// The prompt for one instruction variant, ready to become a request.
    public func prompt(variant index: Int) -> Prompt {
        let instruction = instructions.indices.contains(index) ? instructions[index].text : ""
        return Prompt(
            system: system, instruction: instruction, input: input, variables: variables,
            examples: examples.map { FewShotExample(input: $0.input, output: $0.output) }, rawFormat: rawFormat
        ).withSchema(responseSchema, sent: !instructions.indices.contains(index) || instructions[index].usesSchema)
    }

    /// The index of the variant with this name, if any.
    public func variantIndex(named name: String) -> Int? { instructions.firstIndex { $0.name == name } }

    /// Variable names used in the texts, in order of first appearance, then the other defined ones, sorted.
    public var orderedVariableNames: [String] {
        var seen = Set<String>()
        let texts = [system, input] + instructions.map(\.text) + examples.flatMap { [$0.input, $0.output] }
        var names = texts.flatMap(PromptTemplate.variableNames(in:)).filter { seen.insert($0).inserted }
        names += variables.keys.filter { !seen.contains($0) }.sorted()
        return names
    }
}

/// One named instruction variant.
public struct PromptInstruction: Sendable, Equatable {
    public var name: String
    public var text: String
    /// False for a variant written with `schema = false`: it runs without the file's schema (to see the difference side by side).
    public var usesSchema = true
    public var extras = ExtraKeys()

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// One few-shot pair as written in the file.
public struct PromptExample: Sendable, Equatable {
    public var input: String
    public var output: String
    public var extras = ExtraKeys()

    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }
}

/// The workbench's place in a workspace: the focused pane and the active variant.
public struct WorkbenchPlace: Sendable, Equatable {
    public var focus: String?
    public var variant: Int?

    public init(focus: String? = nil, variant: Int? = nil) {
        self.focus = focus
        self.variant = variant
    }
}

/// Unknown keys of one table, each already rendered as TOML (`key = value`), in file order; and, at
/// the top level, unknown tables rendered whole.
public struct ExtraKeys: Sendable, Equatable {
    public var lines: [String] = []
    public var tables: [String] = []

    public init() {}

    public var isEmpty: Bool { lines.isEmpty && tables.isEmpty }
}
