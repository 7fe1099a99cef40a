import Foundation

/// The shown form of a message (`refract prompt --json`): role and text, then what else it carries;
/// attachments by name, type and size, never their bytes.
extension ChatMessage: Encodable {
    enum CodingKeys: String, CodingKey {
        case role, content, toolCalls = "tool_calls", toolCallID = "tool_call_id", toolName = "tool_name", attachments
    }

    private struct ShownCall: Encodable {
        var id, name, arguments: String
    }

    private struct ShownAttachment: Encodable {
        var name, mediaType: String
        var bytes: Int
        enum CodingKeys: String, CodingKey { case name, mediaType = "media_type", bytes }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role, forKey: .role)
        try c.encode(content, forKey: .content)
        if !toolCalls.isEmpty { try c.encode(toolCalls.map { ShownCall(id: $0.id, name: $0.name, arguments: $0.arguments) }, forKey: .toolCalls) }
        try c.encodeIfPresent(toolCallID, forKey: .toolCallID)
        try c.encodeIfPresent(toolName, forKey: .toolName)
        if !attachments.isEmpty {
            try c.encode(attachments.map { ShownAttachment(name: $0.name, mediaType: $0.mediaType, bytes: $0.data.count) }, forKey: .attachments)
        }
    }
}
