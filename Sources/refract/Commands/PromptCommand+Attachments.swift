import Foundation
import PromptFiles
import Providers

extension PromptCommand {
    /// Each attached file's summary; a text file's tokens counted by llama.cpp for a local model (when
    /// `ask` allows starting it), else estimated and labelled so.
    static func attachmentSummaries(_ files: [ContextFile], model: ModelRef, registry: ProviderRegistry, ask: Bool) async -> [AttachmentSummary] {
        var summaries: [AttachmentSummary] = []
        for file in files {
            var counted: Int?
            if ask, file.kind == .text, let content = file.content {
                counted = await registry.localTokenCount(String(decoding: content, as: UTF8.self), model: model)
            }
            summaries.append(AttachmentSummary(file, countedTokens: counted))
        }
        return summaries
    }

    /// The attached files, one line each, after a request's text form (nothing when none).
    static func attachmentLines(_ summaries: [AttachmentSummary]) -> String {
        guard !summaries.isEmpty else { return "" }
        let counted = summaries.contains { $0.tokensCounted }
        let head = "─── \(summaries.count) attached file\(summaries.count == 1 ? "" : "s") (tokens: \(counted ? "llama.cpp /tokenize" : "≈ estimate, characters ÷ 4")) ───\n"
        return head + summaries.map { $0.line + "\n" }.joined() + "\n"
    }
}
