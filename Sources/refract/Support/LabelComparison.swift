import Foundation
import Providers

/// `refract compare FILE --labels`: every variant × model scored on the prompt file's labels (or the
/// `--label`s given) instead of sampled — one distribution per cell, no sampling noise.
struct LabelComparison {
    /// One cell's distribution, or why it has none.
    struct Cell: Encodable {
        var variant: String?
        var model: String
        var scores: LabelScores?
        var error: String?

        enum CodingKeys: String, CodingKey { case variant, model, labels, top, error }

        func encode(to encoder: any Encoder) throws {
            struct Label: Encodable {
                var label: String
                var scored: String
                var tokens: [String]
                var logprob: Double?
                var share: Double
                var exact: Bool
            }
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(variant, forKey: .variant)
            try c.encode(model, forKey: .model)
            if let scores {
                let labels = zip(scores.scores, scores.shares).map { score, share in
                    Label(label: score.label, scored: score.scored, tokens: score.tokens, logprob: score.logprob.isFinite ? score.logprob : nil, share: share, exact: score.exact)
                }
                try c.encode(labels, forKey: .labels)
                try c.encodeIfPresent(scores.top?.label, forKey: .top)
            }
            try c.encodeIfPresent(error, forKey: .error)
        }
    }

    let plan: PromptPlan
    let labels: [String]

    /// Scores each cell in turn (they share one local server; llama.cpp's prompt cache makes the steps of
    /// one prompt cheap, so running them one after another costs little).
    func run(context: AppContext) async -> [Cell] {
        var cells: [Cell] = []
        for named in plan.prompts {
            for ref in plan.models {
                let mode = plan.mode ?? context.registry.defaultMode(for: ref)
                do {
                    let request = try named.prompt.request(model: ref.model, parameters: plan.parameters, mode: mode)
                    let scores = try await context.registry.scoreLabels(request, labels: labels, model: ref)
                    cells.append(Cell(variant: named.name, model: ref.description, scores: scores))
                } catch {
                    cells.append(Cell(variant: named.name, model: ref.description, error: "\(error)"))
                }
            }
        }
        return cells
    }

    /// The Markdown table: one row per cell, its most likely label and the distribution.
    static func markdown(_ cells: [Cell], labels: [String]) -> String {
        var out = "| instruction | model | label | distribution |\n|---|---|---|---|\n"
        for cell in cells {
            let top = cell.scores?.top?.label ?? "–"
            let shown = cell.scores.map(\.summary) ?? "error: \(cell.error ?? "")"
            out += "| \(cell.variant ?? "–") | \(cell.model) | \(top) | \(shown.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        out += "\nEach label is scored as the whole start of the answer: the sum of its tokens' log-probabilities, each given the prompt and the tokens before it (llama.cpp, \(LlamaLabelScoring.alternatives) alternatives per step; ≤ marks a token outside them, an upper bound). Shares renormalise the labels' probabilities to 100%.\n"
        return out
    }

    static func json(_ cells: [Cell]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        struct Report: Encodable { var cells: [Cell] }
        return String(decoding: (try? encoder.encode(Report(cells: cells))) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
