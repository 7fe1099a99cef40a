import Foundation
import Providers

/// The `key = value` lines of a `[[tools]]` entry and the `[params]` tool keys, in a fixed order.
enum PromptToolWriter {
    /// name, description, parameters, then the answer (`result`, `command` and `timeout`, or `ask`).
    static func fields(_ tool: PromptTool) -> [(String, String)] {
        var out: [(String, String)] = [("name", TOMLStringLiteral.renderOnOneLine(tool.name))]
        if !tool.description.isEmpty { out.append(("description", TOMLStringLiteral.render(tool.description))) }
        out.append(("parameters", parameters(tool)))
        switch tool.answer {
        case .result(let text): out.append(("result", TOMLStringLiteral.render(text)))
        case .command(let arguments, let timeout):
            out.append(("command", "[" + arguments.map(TOMLStringLiteral.renderOnOneLine).joined(separator: ", ") + "]"))
            if let timeout { out.append(("timeout", timeout.rounded() == timeout && abs(timeout) < 1e9 ? String(Int(timeout)) : "\(timeout)")) }
        case .ask: out.append(("ask", "true"))
        }
        return out
    }

    /// `tool_choice` and `max_tool_steps` when set.
    static func params(_ doc: PromptDocument) -> [(String, String)] {
        var out: [(String, String)] = []
        switch doc.toolChoice {
        case .auto?: out.append(("tool_choice", "\"auto\""))
        case .none?: out.append(("tool_choice", "\"none\""))
        case .required?: out.append(("tool_choice", "\"required\""))
        case .named(let name)?: out.append(("tool_choice", TOMLStringLiteral.renderOnOneLine(name)))
        case nil: break
        }
        if let n = doc.maxToolSteps { out.append(("max_tool_steps", "\(n)")) }
        return out
    }

    /// The JSON string as written when it was one (unchanged since), else an inline TOML table; a
    /// schema TOML cannot hold (a `null`) is written as a JSON string.
    static func parameters(_ tool: PromptTool) -> String {
        if let text = tool.parametersText, (try? JSONParser.parse(text)) == tool.parameters {
            return TOMLStringLiteral.renderOnOneLine(text)
        }
        return inline(tool.parameters) ?? TOMLStringLiteral.renderOnOneLine(tool.parameters.text)
    }

    /// One line of TOML for a JSON value, or nil when it holds a null.
    static func inline(_ json: JSON) -> String? {
        switch json {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .number(let d):
            if d.rounded() == d, abs(d) < 1e15 { return String(Int(d)) }
            return d.isFinite ? "\(d)" : nil
        case .string(let s): return TOMLStringLiteral.renderOnOneLine(s)
        case .array(let items):
            var parts: [String] = []
            for item in items {
                guard let part = inline(item) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            var parts: [String] = []
            // Sorted, as the reader reads a TOML table (TOML keeps no key order), so a rewrite is stable.
            for (key, value) in pairs.sorted(by: { $0.key < $1.key }) {
                guard let part = inline(value) else { return nil }
                parts.append(TOMLStringLiteral.key(key) + " = " + part)
            }
            return "{ " + parts.joined(separator: ", ") + " }"
        }
    }
}
