import Foundation
import Providers

/// Cases × variants × models × repeats, as cells whose requests are built and checked before anything
/// is sent: a case missing a value the prompt uses is an error naming both.
public struct EvalPlan: Sendable, Equatable {
    public var cells: [EvalCell]
    /// The columns in order (variant-major, as the variants and models were given).
    public var columns: [EvalColumnKey]
    public var cases: [EvalCase]

    /// A plan as it was (a recorded evaluation read back); `make` builds one from a file.
    public init(cells: [EvalCell], columns: [EvalColumnKey], cases: [EvalCase]) {
        self.cells = cells
        self.columns = columns
        self.cases = cases
    }

    /// - Parameters:
    ///   - prompts: the instruction variants (name, prompt with the file's own variables as defaults).
    ///   - mode: chat or raw for a model (the file's mode, else the model's default).
    ///   - caseNames: only these cases (all when empty); an unknown name is an error.
    ///   - allVariants: every variant the file has (`--variant` may run fewer); defaults to `prompts`' names.
    public static func make(
        prompts: [(name: String, prompt: Prompt)], models: [ModelRef], parameters: GenerationParameters, mode: (ModelRef) -> RequestMode,
        spec: EvaluationSpec, caseNames: [String] = [], repeats: Int? = nil, allVariants: [String]? = nil
    ) throws(EvaluationError) -> EvalPlan {
        var cases = spec.cases.isEmpty ? [EvalCase(name: "default")] : spec.cases
        if !caseNames.isEmpty {
            for name in caseNames where !cases.contains(where: { $0.name == name }) {
                let known = cases.prefix(8).map { "\"\($0.name)\"" }.joined(separator: ", ")
                throw EvaluationError(place: "--case", message: "no case named \"\(name)\" (there are \(known)\(cases.count > 8 ? ", …" : ""))")
            }
            cases = cases.filter { caseNames.contains($0.name) }
        }
        // A variant named by a case or a check must exist: a typo would silently skip it.
        let known = Set(allVariants ?? prompts.map(\.name))
        for c in cases {
            for name in c.variants ?? [] where !known.contains(name) {
                throw EvaluationError(place: c.place, message: "case \"\(c.name)\" names no instruction variant \"\(name)\" (there are \(known.sorted().joined(separator: ", ")))")
            }
        }
        for check in spec.checks + cases.flatMap(\.checks) {
            for name in check.variants ?? [] where !known.contains(name) {
                throw EvaluationError(place: check.place, message: "check \"\(check.name)\" names no instruction variant \"\(name)\" (there are \(known.sorted().joined(separator: ", ")))")
            }
        }
        let samples = max(1, repeats ?? spec.repeats)
        var cells: [EvalCell] = []
        cells.reserveCapacity(cases.count * prompts.count * models.count * samples)
        for (caseIndex, c) in cases.enumerated() {
            for (variant, template) in prompts where c.variants?.contains(variant) ?? true {
                var prompt = template
                prompt.variables.merge(c.variables) { _, new in new }
                // A folder of texts gives each case an `input`; a file without an input template takes it as is.
                if prompt.input.isEmpty, c.variables["input"] != nil, !prompt.variableNames.contains("input") { prompt.input = "{{input}}" }
                if let missing = prompt.missingVariables.first {
                    throw EvaluationError(
                        place: c.place, message: "case \"\(c.name)\" has no value for {{\(missing)}}, which instruction \"\(variant)\" uses"
                    )
                }
                for model in models {
                    let request: ModelRequest
                    do { request = try prompt.request(model: model.model, parameters: parameters, mode: mode(model)) } catch {
                        throw EvaluationError(place: c.place, message: "case \"\(c.name)\", instruction \"\(variant)\": \(error.description)")
                    }
                    for r in 1...samples {
                        cells.append(EvalCell(
                            caseIndex: caseIndex, evalCase: c, variant: variant, model: model, repeatIndex: r, prompt: prompt, request: request,
                            checks: (spec.checks + c.checks).filter { $0.applies(to: variant) }
                        ))
                    }
                }
            }
        }
        let columns = prompts.flatMap { p in models.map { EvalColumnKey(variant: p.name, model: $0) } }
        return EvalPlan(cells: cells, columns: columns, cases: cases)
    }
}
