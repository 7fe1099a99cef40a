import Foundation
import Providers

/// Writes a `PromptDocument` as TOML text: always the same bytes for the same document, keys in a fixed
/// order, defaults left out, multi-line texts as `"""` blocks (one changed line of a text is one changed
/// line of the file), and the keys a newer Refract wrote kept where TOML allows them.
public enum PromptFileWriter {
    public static func text(of doc: PromptDocument) -> String {
        var out: [String] = []
        func put(_ key: String, _ value: String) { out.append(TOMLStringLiteral.key(key) + " = " + value) }
        func string(_ s: String) -> String { TOMLStringLiteral.render(s) }

        put("format", String(PromptDocument.formatVersion))
        if !doc.title.isEmpty { put("title", string(doc.title)) }
        if !doc.models.isEmpty { put("models", "[" + doc.models.map(string).joined(separator: ", ") + "]") }
        put("system", string(doc.system))
        put("input", string(doc.input))
        out += doc.extras.lines

        let p = doc.parameters
        var params: [String] = []
        if let t = p.temperature { params.append("temperature = " + number(t)) }
        if let t = p.topP { params.append("top_p = " + number(t)) }
        if let n = p.maxTokens { params.append("max_tokens = \(n)") }
        if !p.stop.isEmpty { params.append("stop = [" + p.stop.map(string).joined(separator: ", ") + "]") }
        if let n = p.seed { params.append("seed = \(n)") }
        if let m = doc.mode { params.append("mode = " + string(m.rawValue)) }
        params += doc.parameterExtras.lines
        if !params.isEmpty {
            out.append("")
            out.append("[params]")
            out += params
        }

        if doc.rawFormat != .standard {
            out += ["", "[raw]"]
            // On one line: `separator = "\n\n"` says what a block of two empty lines would hide.
            put("input_prefix", TOMLStringLiteral.renderOnOneLine(doc.rawFormat.inputPrefix))
            put("output_prefix", TOMLStringLiteral.renderOnOneLine(doc.rawFormat.outputPrefix))
            put("separator", TOMLStringLiteral.renderOnOneLine(doc.rawFormat.separator))
        }

        if !doc.variables.isEmpty {
            out += ["", "[variables]"]
            for name in doc.orderedVariableNames {
                if let value = doc.variables[name] { put(name, string(value)) }
            }
        }

        for instruction in doc.instructions {
            out += ["", "[[instructions]]"]
            put("name", string(instruction.name))
            put("text", string(instruction.text))
            out += instruction.extras.lines
        }

        for example in doc.examples {
            out += ["", "[[examples]]"]
            put("input", string(example.input))
            put("output", string(example.output))
            out += example.extras.lines
        }

        if let place = doc.workbench {
            out += ["", "[workbench]"]
            if let focus = place.focus { put("focus", string(focus)) }
            if let variant = place.variant { put("variant", String(variant)) }
        }

        for table in doc.extras.tables {
            out.append("")
            out.append(table)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The shortest text that reads back as the same number (`0.7`, `1.0`).
    static func number(_ x: Double) -> String {
        x.isFinite ? "\(x)" : "0.0"
    }
}
