import Foundation

extension JSON {
    /// The value as indented lines (two spaces a level, keys in their order), for reading in a pane; a
    /// short list or object of plain values stays on one line (`"enum": ["low", "high"]`).
    public var prettyLines: [String] {
        var lines: [String] = []
        appendPretty(to: &lines, prefix: "", indent: "", trailing: "")
        return lines
    }

    private func appendPretty(to lines: inout [String], prefix: String, indent: String, trailing: String) {
        if let short = shortForm {
            lines.append(indent + prefix + short + trailing)
            return
        }
        switch self {
        case .array(let items) where !items.isEmpty:
            lines.append(indent + prefix + "[")
            for (i, item) in items.enumerated() {
                item.appendPretty(to: &lines, prefix: "", indent: indent + "  ", trailing: i < items.count - 1 ? "," : "")
            }
            lines.append(indent + "]" + trailing)
        case .object(let pairs) where !pairs.isEmpty:
            lines.append(indent + prefix + "{")
            for (i, pair) in pairs.enumerated() {
                pair.value.appendPretty(to: &lines, prefix: JSON.string(pair.key).text + ": ", indent: indent + "  ", trailing: i < pairs.count - 1 ? "," : "")
            }
            lines.append(indent + "}" + trailing)
        default:
            lines.append(indent + prefix + text + trailing)
        }
    }

    /// `["low", "high"]` / `{"a": 1}` when every member is a plain value and the whole is short.
    private var shortForm: String? {
        let members: [JSON]
        switch self {
        case .array(let items): members = items
        case .object(let pairs): members = pairs.map(\.value)
        default: return nil
        }
        guard !members.isEmpty, members.allSatisfy({ if case .array = $0 { false } else if case .object = $0 { false } else { true } }) else { return nil }
        let text: String
        switch self {
        case .array(let items): text = "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .object(let pairs): text = "{" + pairs.map { JSON.string($0.key).text + ": " + $0.value.text }.joined(separator: ", ") + "}"
        default: return nil
        }
        return text.count <= 48 ? text : nil
    }
}
