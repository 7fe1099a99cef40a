import Foundation

/// What a local model really receives: the prompt text after llama.cpp applied the model's chat
/// template (or the raw text, in raw completion mode) and that text as llama.cpp splits it into tokens.
public struct PromptInspection: Sendable, Equatable {
    /// The text the model reads, template applied.
    public var templated: String
    public var tokens: [PromptToken]
    /// Tokens each request of this model may hold (llama.cpp's context per slot).
    public var contextTokens: Int?

    public init(templated: String, tokens: [PromptToken], contextTokens: Int? = nil) {
        self.templated = templated
        self.tokens = tokens
        self.contextTokens = contextTokens
    }

    /// Things worth a marker before sending: a trailing space before the answer (it makes most tokenizers
    /// start the answer with an unusual token), a prompt longer than the context.
    public var hazards: [String] {
        var found: [String] = []
        if let last = templated.last, last == " " || last == "\t" {
            found.append("the text ends with a space: the answer must start after it, which most tokenizers rarely do")
        }
        if let context = contextTokens, tokens.count > context {
            found.append("\(tokens.count) tokens: more than the \(context) the model can read per request")
        }
        return found
    }
}

/// One token as llama.cpp's `/tokenize` reports it.
public struct PromptToken: Sendable, Equatable, Codable {
    public var id: Int
    /// Its text; bytes that are not UTF-8 on their own (part of a character) are shown as `\xNN`.
    public var piece: String

    public init(id: Int, piece: String) {
        self.id = id
        self.piece = piece
    }

    /// The token for a listing: its id, then its text with spaces and newlines visible and control tokens in ⟦…⟧.
    public var display: String {
        let text = piece.replacingOccurrences(of: " ", with: "␣").replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\t", with: "⇥")
        return "\(id):" + (looksSpecial ? "⟦\(text)⟧" : text)
    }

    /// Control tokens written as `<|name|>` or `<name>` (`<bos>`, `<|im_start|>`): the template's, not the user's.
    public var looksSpecial: Bool {
        guard piece.count > 2, piece.first == "<", piece.last == ">" else { return false }
        return !piece.dropFirst().dropLast().contains { $0 == "<" || $0 == ">" || $0.isWhitespace }
    }
}

/// llama.cpp's `/apply-template` and `/tokenize`: pure request builders and response parsers.
public enum LlamaPromptInspection {
    public static func applyTemplateRequest(_ request: ModelRequest, root: URL) -> HTTPRequestSpec {
        struct Message: Encodable {
            var role: String
            var content: String
        }
        struct Body: Encodable {
            var messages: [Message]
        }
        let messages = request.messages.map { Message(role: $0.role.rawValue, content: $0.content) }
        let body = (try? JSONEncoder().encode(Body(messages: messages))) ?? Data()
        return HTTPRequestSpec(method: "POST", url: root.appendingPathComponent("apply-template"), headers: ["content-type": "application/json"], body: body)
    }

    /// `add_special` as the request path adds it: the beginning-of-text token for raw completions; chat
    /// templates write their own.
    public static func tokenizeRequest(_ text: String, addSpecial: Bool, root: URL) -> HTTPRequestSpec {
        struct Body: Encodable {
            var content: String
            var add_special: Bool
            var with_pieces = true
        }
        let body = (try? JSONEncoder().encode(Body(content: text, add_special: addSpecial))) ?? Data()
        return HTTPRequestSpec(method: "POST", url: root.appendingPathComponent("tokenize"), headers: ["content-type": "application/json"], body: body)
    }

    public static func parseTemplated(_ body: Data) throws(ProviderError) -> String {
        struct Reply: Decodable { var prompt: String }
        guard let reply = try? JSONDecoder().decode(Reply.self, from: body) else {
            throw ProviderError(kind: .invalidResponse, message: "llama.cpp's /apply-template answered something other than {\"prompt\": …}")
        }
        return reply.prompt
    }

    public static func parseTokens(_ body: Data) throws(ProviderError) -> [PromptToken] {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let list = object["tokens"] as? [Any] else {
            throw ProviderError(kind: .invalidResponse, message: "llama.cpp's /tokenize answered something other than {\"tokens\": […]}")
        }
        return list.compactMap { item -> PromptToken? in
            if let id = item as? Int { return PromptToken(id: id, piece: "") }
            guard let entry = item as? [String: Any], let id = entry["id"] as? Int else { return nil }
            if let text = entry["piece"] as? String { return PromptToken(id: id, piece: text) }
            // A piece that is part of a UTF-8 sequence comes as a list of byte values.
            let bytes = (entry["piece"] as? [Int]) ?? []
            return PromptToken(id: id, piece: bytes.map { String(format: "\\x%02X", $0) }.joined())
        }
    }
}
