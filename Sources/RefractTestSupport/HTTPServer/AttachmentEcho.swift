import Foundation

/// An in-test model that answers an OpenAI chat request with what it received: the last user turn's
/// text, then one `[image MEDIA-TYPE N bytes]` line per image part (decoded from its data URL).
public enum AttachmentEcho {
    /// The echo of `request`.
    public static func describe(_ request: HTTPServerRequest) -> String {
        guard let messages = request.jsonBody?["messages"] as? [[String: Any]],
              let last = messages.last(where: { $0["role"] as? String == "user" }) else { return "no user turn" }
        if let text = last["content"] as? String { return text }
        var lines: [String] = []
        for part in last["content"] as? [[String: Any]] ?? [] {
            if let text = part["text"] as? String { lines.append(text) }
            if let url = (part["image_url"] as? [String: Any])?["url"] as? String, url.hasPrefix("data:"),
               let semicolon = url.firstIndex(of: ";"), let comma = url.firstIndex(of: ",") {
                let type = url[url.index(url.startIndex, offsetBy: 5)..<semicolon]
                let bytes = Data(base64Encoded: String(url[url.index(after: comma)...]))?.count ?? -1
                lines.append("[image \(type) \(bytes) bytes]")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A server answering every chat request with its echo, as a stream.
    public static func server() throws -> HTTPServer {
        try HTTPServer { request, writer in OpenAIChatReply.respond(writer, text: describe(request)) }
    }
}
