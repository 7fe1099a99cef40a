import Foundation
import Providers
import TerminalUI

/// Label mode in a comparison (`L`): every column's prompt and model scored on the prompt file's labels
/// (asked for when it has none) instead of read off one sampled answer, so columns compare by a
/// distribution without sampling noise.
extension WorkbenchReducer {
    func scoreLabels(_ state: inout WorkbenchState) -> [Effect] {
        guard var comparison = state.comparison else { return [] }
        let labels = state.document.base.labels
        guard !labels.isEmpty else {
            state.overlay = .textPrompt(TextPromptState(
                title: "Labels to score, separated by commas (kept in the prompt file as labels = [...])",
                editor: TextEditorState(text: "positive, negative"), purpose: .labels
            ))
            return []
        }
        var effects: [Effect] = []
        for column in comparison.columns {
            guard let run = state.runs.last(where: { $0.id == column.runID }) else { continue }
            do {
                let request = try run.prompt.request(model: run.model.model, parameters: run.parameters, mode: run.mode)
                comparison.labelScores[run.id] = .pending
                effects.append(.scoreLabels(runID: run.id, request: request, labels: labels, model: run.model))
            } catch {
                comparison.labelScores[run.id] = .failed(error.message)
            }
        }
        state.comparison = comparison
        state.notice = Notice("scoring \(labels.joined(separator: ", ")) in \(effects.count) columns (one forward pass per label token)", level: .info, expiresAt: state.now + 4)
        return effects
    }
}
