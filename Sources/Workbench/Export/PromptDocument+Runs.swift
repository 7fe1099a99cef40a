import Providers
import PromptFiles
import Sessions

extension PromptDocument {
    /// The prompt file that reproduces saved runs: one run, or a whole comparison group.
    ///
    /// The shared parts (system, input, variables, examples, raw format, parameters) come from the first
    /// run, since the runs of one group differ only in instruction and model. Every distinct instruction
    /// becomes a variant named after the runs' `variant` ("instruction N" when they had none), and every
    /// model is listed once, in the order the runs used them, so `refract run FILE` runs the same grid.
    public init(runs: [RecordedRun], title: String = "") {
        self.init()
        self.title = title
        guard let first = runs.first else { return }
        let prompt = first.started.prompt
        system = prompt.system
        input = prompt.input
        variables = prompt.variables
        examples = prompt.examples.map { PromptExample(input: $0.input, output: $0.output) }
        rawFormat = prompt.rawFormat
        // Where each file was read from, so running the exported file attaches the same files.
        attachments = prompt.files.map { PromptAttachment(path: $0.location ?? $0.path) }
        // The schema of the group (runs with and without it share one; `schema = false` marks the variants that did not send it).
        schema = runs.lazy.compactMap(\.started.prompt.schema).first?.schema

        // One variant per distinct (name, text): a grid may run two variants with the same text, and
        // both names belong in the file; runs without names are told apart by their text alone.
        var seen: [(name: String?, text: String)] = []
        for run in runs {
            let key = (name: run.started.variant, text: run.started.prompt.instruction)
            if !seen.contains(where: { $0.name == key.name && $0.text == key.text }) { seen.append(key) }
        }
        var names = Set<String>()
        instructions = seen.enumerated().map { index, variant in
            // The reader refuses two variants with one name, so a repeated name gets a number.
            let base = variant.name ?? "instruction \(index + 1)"
            var name = base
            var n = 2
            while !names.insert(name).inserted {
                name = "\(base) (\(n))"
                n += 1
            }
            var instruction = PromptInstruction(name: name, text: variant.text)
            let sent = runs.first { $0.started.variant == variant.name && $0.started.prompt.instruction == variant.text }.map { $0.started.prompt.schema != nil && $0.started.prompt.sendsSchema } ?? true
            if schema != nil, !sent { instruction.usesSchema = false }
            return instruction
        }

        var modelNames: [String] = []
        for run in runs where !modelNames.contains(run.model.description) { modelNames.append(run.model.description) }
        models = modelNames

        parameters = first.started.params
        // Raw mode with examples adds the stop before the next `Input:` by itself; the file leaves it out
        // so it does not look like a choice the user made (running the file adds it again).
        if first.started.mode == .rawCompletion, !prompt.examples.isEmpty, let auto = prompt.rawFormat.nextPairStop,
           parameters.stop.last == auto {
            parameters.stop.removeLast()
        }
        // A group that mixed chat and raw runs left the mode to each model; the file does the same.
        let modes = Set(runs.map(\.started.mode))
        mode = modes.count == 1 ? first.started.mode : nil
    }
}
