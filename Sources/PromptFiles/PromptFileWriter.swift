import Foundation
import Providers

/// Writes a `PromptDocument` as TOML text: always the same bytes for the same document, keys in a fixed
/// order, defaults left out, multi-line texts as `"""` blocks (one changed line of a text is one changed
/// line of the file), and the keys a newer Refract wrote kept where TOML allows them.
public enum PromptFileWriter {
    public static func text(of doc: PromptDocument) -> String {
        var out = Emitter(comments: doc.comments)
        func string(_ s: String) -> String { TOMLStringLiteral.render(s) }
        out.lines += doc.comments.start

        out.put("format", String(PromptDocument.formatVersion))
        if !doc.title.isEmpty { out.put("title", string(doc.title)) }
        if !doc.models.isEmpty { out.put("models", "[" + doc.models.map(string).joined(separator: ", ") + "]") }
        if !doc.labels.isEmpty { out.put("labels", "[" + doc.labels.map(string).joined(separator: ", ") + "]") }
        out.put("system", string(doc.system))
        out.put("input", string(doc.input))
        if let file = doc.schemaFile {
            out.put("schema_file", string(file))
        } else if let schema = PromptSchemaWriting.value(of: doc) {
            out.put("schema", schema)
        }
        out.extra(doc.extras.lines)

        let p = doc.parameters
        var params: [(String, String)] = []
        if let t = p.temperature { params.append(("temperature", number(t))) }
        if let t = p.topP { params.append(("top_p", number(t))) }
        if let n = p.maxTokens { params.append(("max_tokens", "\(n)")) }
        if !p.stop.isEmpty { params.append(("stop", "[" + p.stop.map(string).joined(separator: ", ") + "]")) }
        if let n = p.seed { params.append(("seed", "\(n)")) }
        if let n = p.logprobs { params.append(("logprobs", "\(n)")) }
        if let m = doc.mode { params.append(("mode", string(m.rawValue))) }
        params += PromptToolWriter.params(doc)
        if !params.isEmpty || !doc.parameterExtras.lines.isEmpty {
            out.header("[params]", scope: "params.")
            for (key, value) in params { out.put(key, value) }
            out.extra(doc.parameterExtras.lines)
        }

        if doc.rawFormat != .standard {
            out.header("[raw]", scope: "raw.")
            // On one line: `separator = "\n\n"` says what a block of two empty lines would hide.
            out.put("input_prefix", TOMLStringLiteral.renderOnOneLine(doc.rawFormat.inputPrefix))
            out.put("output_prefix", TOMLStringLiteral.renderOnOneLine(doc.rawFormat.outputPrefix))
            out.put("separator", TOMLStringLiteral.renderOnOneLine(doc.rawFormat.separator))
        }

        if !doc.variables.isEmpty {
            out.header("[variables]", scope: "variables.")
            for name in doc.orderedVariableNames {
                if let value = doc.variables[name] { out.put(name, string(value)) }
            }
        }

        for instruction in doc.instructions {
            out.header("[[instructions]]", anchor: "[[instructions]]\(instruction.name)", scope: "instructions[\(instruction.name)].")
            out.put("name", string(instruction.name))
            out.put("text", string(instruction.text))
            if !instruction.usesSchema { out.put("schema", "false") }
            out.extra(instruction.extras.lines)
        }

        for (index, example) in doc.examples.enumerated() {
            out.header("[[examples]]", anchor: "[[examples]]#\(index)", scope: "examples#\(index).")
            out.put("input", string(example.input))
            out.put("output", string(example.output))
            out.extra(example.extras.lines)
        }

        for (index, attachment) in doc.attachments.enumerated() {
            out.header("[[attachments]]", anchor: "[[attachments]]#\(index)", scope: "attachments#\(index).")
            out.put("path", string(attachment.path))
            out.extra(attachment.extras.lines)
        }

        for (index, tool) in doc.tools.enumerated() {
            out.header("[[tools]]", anchor: "[[tools]]#\(index)", scope: "tools#\(index).")
            for (key, value) in PromptToolWriter.fields(tool) { out.put(key, value) }
            out.extra(tool.extras.lines)
        }

        if let place = doc.workbench {
            out.header("[workbench]", scope: "workbench.")
            if let focus = place.focus { out.put("focus", string(focus)) }
            if let variant = place.variant { out.put("variant", String(variant)) }
        }

        for table in doc.extras.tables {
            // An unknown table keeps the comments above its first header.
            let first = table.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let anchor = first.hasPrefix("[[") ? first + "#0" : first
            out.lines.append("")
            out.lines += doc.comments.before[anchor] ?? []
            out.lines.append(table)
        }
        if !doc.comments.end.isEmpty { out.lines += [""] + doc.comments.end }
        return out.lines.joined(separator: "\n") + "\n"
    }

    /// Collects the lines, putting each comment back before (or after) what it was attached to.
    private struct Emitter {
        let comments: TOMLComments
        var lines: [String] = []
        /// The anchor prefix of the keys written now (`params.`, `examples#2.`).
        var scope = ""

        mutating func put(_ key: String, _ value: String) {
            let anchor = scope + key
            lines += comments.before[anchor] ?? []
            var line = TOMLStringLiteral.key(key) + " = " + value
            if let trailing = comments.trailing[anchor], !value.contains("\n") { line += "  " + trailing }
            lines.append(line)
        }

        mutating func header(_ text: String, anchor: String? = nil, scope: String) {
            lines.append("")
            lines += comments.before[anchor ?? text] ?? []
            lines.append(text)
            self.scope = scope
        }

        /// Unknown keys, already rendered as `key = value`.
        mutating func extra(_ rendered: [String]) {
            for line in rendered {
                let key = line.prefix { $0 != "=" }.trimmingCharacters(in: .whitespaces)
                lines += comments.before[scope + key] ?? []
                lines.append(line)
            }
        }
    }

    /// The shortest text that reads back as the same number (`0.7`, `1.0`).
    static func number(_ x: Double) -> String {
        x.isFinite ? "\(x)" : "0.0"
    }
}
