import Foundation
import PromptFiles
import Providers
import TerminalUI

extension WorkbenchState {
    /// Changes whenever anything a prompt file holds changes (texts, variants, examples, values, model,
    /// parameters, mode) and not on cursor moves or scrolling: autosave compares it with the saved one.
    public var contentFingerprint: Int {
        var h = Hasher()
        h.combine(system.revision)
        h.combine(input.revision)
        for variant in variants {
            h.combine(variant.name)
            h.combine(variant.editor.revision)
        }
        h.combine(examples.items.count)
        h.combine(examples.revision)
        h.combine(variables.values)
        h.combine(model.description)
        h.combine(parameters.temperature)
        h.combine(parameters.topP)
        h.combine(parameters.maxTokens)
        h.combine(parameters.stop)
        h.combine(parameters.seed)
        h.combine(mode.rawValue)
        h.combine(document.explicitMode)
        h.combine(document.casesRevision)
        h.combine(document.base.attachments.map(\.path))
        if document.isScratch {
            h.combine(focus.rawValue)
            h.combine(activeVariant)
        }
        return h.finalize()
    }

    /// The prompt file for the state: what the workbench edits, over what the file held besides.
    public var promptDocument: PromptDocument {
        var doc = document.base
        doc.system = system.text
        doc.input = input.text
        doc.instructions = variants.enumerated().map { index, variant in
            var instruction = doc.instructions.first { $0.name == variant.name } ?? PromptInstruction(name: variant.name, text: "")
            instruction.text = variant.editor.text
            if instruction.name.isEmpty { instruction.name = "instruction \(index + 1)" }
            return instruction
        }
        doc.examples = examples.items.enumerated().map { index, item in
            var example = doc.examples.indices.contains(index) ? doc.examples[index] : PromptExample(input: "", output: "")
            example.input = item.input.text
            example.output = item.output.text
            return example
        }
        var values = variables.values.filter { !$0.value.isEmpty }
        // Values of names no longer used stay in the file (a variable can come back).
        for (name, value) in document.base.variables where values[name] == nil && !variables.names.contains(name) { values[name] = value }
        doc.variables = values
        doc.models = [model.description] + doc.models.filter { $0 != model.description }
        doc.parameters = parameters
        doc.mode = document.explicitMode ? mode : nil
        doc.workbench = document.isScratch ? WorkbenchPlace(focus: focus.rawValue, variant: activeVariant) : nil
        return doc
    }

    /// Puts a prompt file's content into the workbench (opening, or reloading after a change on disk).
    /// `defaultMode` is the model's own mode, used when the file does not say.
    public mutating func load(_ doc: PromptDocument, defaultMode: (ModelRef) -> RequestMode) {
        document.base = doc
        system.setText(doc.system)
        input.setText(doc.input)
        variants = doc.instructions.map { InstructionVariant(name: $0.name, editor: TextEditorState(text: $0.text)) }
        if variants.isEmpty { variants = [InstructionVariant(name: "instruction 1")] }
        activeVariant = min(max(0, doc.workbench?.variant ?? activeVariant), variants.count - 1)
        examples.items = doc.examples.map { ExampleItem(input: $0.input, output: $0.output) }
        examples.selected = min(examples.selected, max(0, examples.items.count - 1))
        examples.editing = nil
        variables.values = doc.variables
        variables.editing = nil
        variables.names = prompt.variableNames
        variables.selected = min(variables.selected, max(0, variables.names.count - 1))
        if let first = doc.models.first, let ref = ModelRef(first) { model = ref }
        parameters = doc.parameters
        document.explicitMode = doc.mode != nil
        mode = doc.mode ?? defaultMode(model)
        if let name = doc.workbench?.focus, let pane = PaneID(rawValue: name) { focus = pane }
    }
}
