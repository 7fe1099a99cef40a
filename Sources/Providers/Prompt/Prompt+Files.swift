import Foundation

extension Prompt {
    /// This prompt with `files` attached.
    public func attaching(_ files: [ContextFile]) -> Prompt {
        var prompt = self
        prompt.files = files
        return prompt
    }

    /// Characters the prompt sends as text — its own texts and the attached text files — for the input
    /// estimate before the provider reports usage.
    public var textCharacters: Int {
        [system, instruction, input].reduce(0) { $0 + $1.unicodeScalars.count } + files.filter { $0.kind == .text }.reduce(0) { $0 + $1.bytes }
    }

    /// `request` with the attached files placed: text files as blocks before the last user turn's text
    /// (and before a raw prompt's own pattern), images and PDFs as that turn's parts.
    func attachingFiles(to request: ModelRequest) throws(ProviderError) -> ModelRequest {
        guard !files.isEmpty else { return request }
        var request = request
        var texts: [(path: String, text: String)] = []
        var parts: [MessageAttachment] = []
        for file in files {
            guard let content = file.content else {
                throw ProviderError(kind: .invalidInput, message: "\(file.path) is attached but was not read: attach it again")
            }
            switch file.kind {
            case .text: texts.append((file.path, String(decoding: content, as: UTF8.self)))
            case .image, .pdf: if let part = file.messageAttachment { parts.append(part) }
            }
        }
        if request.messages.last?.role != .user { request.messages.append(ChatMessage(role: .user, content: "")) }
        let last = request.messages.count - 1
        request.messages[last].content = ContextLayout.compose(files: texts, userText: request.messages[last].content)
        request.messages[last].attachments += parts
        if let raw = request.rawText, !texts.isEmpty { request.rawText = ContextLayout.compose(files: texts, userText: raw) }
        return request
    }
}
