import ArgumentParser
import Evaluation
import Foundation
import PromptFiles
import Providers

/// What `run`, `compare` and `prompt` send: named prompts (one per instruction variant), the models,
/// the parameters and the mode. From a prompt file when one is named, with every command-line option
/// given taking the file's value's place; from the options alone otherwise.
struct PromptPlan {
    /// One prompt per variant, with the variant's name (nil for unnamed command-line instructions).
    var prompts: [(name: String?, prompt: Prompt)]
    var models: [ModelRef]
    var parameters: GenerationParameters
    /// Chat or raw when the file or the flags say; nil leaves it to each model.
    var mode: RequestMode?
    /// The prompt file, when there is one.
    var file: URL?
    /// The file's `labels` (label mode), if any.
    var labels: [String] = []
    /// The file's `[[tools]]`, when it has some: runs go through the tool loop.
    var tools: ToolSetup?

    static func make(
        file: String?, variants: [String], options: PromptOptions, generation: GenerationOptions, models: [String], context: AppContext
    ) throws -> PromptPlan {
        let given = try options.values()
        let refs = try models.map(context.modelRef)
        guard let file else {
            guard variants.isEmpty else { throw CLIError(message: "--variant chooses among a prompt file's instructions: name a FILE", exitCode: 2) }
            let texts = given.instructions.isEmpty ? [""] : given.instructions
            let files = try AttachedFiles.load(file: [], options: options.attachments, fileFolder: nil)
            let schema = given.schema.map { ResponseSchema(name: "answer", schema: $0) }
            let prompts = texts.map {
                var prompt = Prompt(system: given.system ?? "", instruction: $0, input: given.input ?? "", variables: given.variables).withSchema(schema)
                prompt.files = files
                return prompt
            }
            return PromptPlan(
                prompts: prompts.map { (nil, $0) }, models: refs.isEmpty ? [context.config.startingModel] : refs,
                parameters: generation.parameters, mode: generation.modeOverride
            )
        }
        let url = URL(fileURLWithPath: file)
        let loaded: LoadedPromptFile
        do { loaded = try PromptFileStore.load(url) } catch { throw CLIError(message: error.description, exitCode: 2) }
        loaded.warnings.forEach { Stderr.line("refract: warning: \($0)") }
        var doc = loaded.document
        if let system = given.system { doc.system = system }
        if let input = given.input { doc.input = input }
        doc.variables.merge(given.variables) { _, new in new }
        if let schema = given.schema { (doc.schema, doc.schemaFile) = (schema, nil) }
        if !given.instructions.isEmpty {
            doc.instructions = given.instructions.enumerated().map { PromptInstruction(name: "instruction \($0.offset + 1)", text: $0.element) }
        }
        var chosen = Array(doc.instructions.indices)
        if !variants.isEmpty {
            chosen = try variants.map { name in
                guard let index = doc.variantIndex(named: name) else {
                    let names = doc.instructions.map { "\"\($0.name)\"" }.joined(separator: ", ")
                    throw CLIError(message: "\(file) has no instruction variant named \"\(name)\" (it has \(names))", exitCode: 2)
                }
                return index
            }
        }
        var fileModels: [ModelRef] = []
        for name in doc.models {
            do { fileModels.append(try context.modelRef(name)) } catch let error as CLIError {
                throw CLIError(message: "\(file): models: \(error.message)", exitCode: error.exitCode)
            }
        }
        let files = try AttachedFiles.load(file: doc.attachments.map(\.path), options: options.attachments, fileFolder: url.deletingLastPathComponent())
        let chosenModels = !refs.isEmpty ? refs : (!fileModels.isEmpty ? fileModels : [context.config.startingModel])
        var plan = PromptPlan(
            prompts: chosen.map { (doc.instructions[$0].name, doc.prompt(variant: $0).attaching(files)) }, models: chosenModels,
            parameters: generation.overriding(doc.parameters), mode: generation.modeOverride ?? doc.mode, file: url, labels: doc.labels
        )
        plan.tools = ToolSetup(doc)
        return plan
    }
}
