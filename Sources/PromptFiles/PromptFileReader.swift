import Foundation
import Platform
import Providers
import TOMLKit

/// Reads prompt-file text into a `PromptDocument`, checking every key and value; every mistake is a
/// `PromptFileError` with file, line and column. Keys it does not know are kept for the rewrite.
public struct PromptFileReader: Sendable {
    public let file: String

    public init(file: String) {
        self.file = file
    }

    static let topLevelKeys: Set<String> = [
        "format", "title", "system", "input", "instruction", "instructions", "examples", "variables", "models", "labels", "params", "raw", "workbench", "schema", "schema_file",
        "attachments", "tools",
    ]
    static let instructionKeys: Set<String> = ["name", "text", "schema"]
    static let exampleKeys: Set<String> = ["input", "output"]
    static let paramKeys: Set<String> = Set(["temperature", "top_p", "max_tokens", "stop", "seed", "logprobs", "mode"]).union(PromptToolReader.paramKeys)
    static let toolKeys = PromptToolReader.toolKeys
    static let rawKeys: Set<String> = ["input_prefix", "output_prefix", "separator"]
    static let attachmentKeys: Set<String> = ["path"]

    /// The document, and a warning per unknown key that looks like a typo of a known one (such keys are
    /// kept as written, since a newer Refract may have put them there).
    public func read(_ text: String) throws(PromptFileError) -> (document: PromptDocument, warnings: [String]) {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw PromptFileError(file: file, line: e.source.begin.line, column: e.source.begin.column, message: "invalid TOML: \(e.description)")
        } catch {
            throw PromptFileError(file: file, message: "invalid TOML: \(error)")
        }
        let locator = TOMLKeyLocator(source: text)
        var document = try TableReading(file: file, locator: locator).document(root)
        let schema = try PromptSchemaReading(file: file, source: text, locator: locator).read(root)
        (document.schema, document.schemaSource, document.schemaFile) = (schema.schema, schema.source, schema.file)
        if text.contains("#") {
            document.comments = TOMLComments.scan(text).keyingInstructionsByName(document.instructions.map(\.name))
        }
        var warnings: [String] = []
        for key in root.keys.sorted() where !Self.topLevelKeys.contains(key) {
            guard let near = EditDistance.closest(to: key, in: Self.topLevelKeys.sorted(), maxDistance: 2).first else { continue }
            let place = locator.position(of: key, inTable: []).map { ":\($0.line):\($0.column)" } ?? ""
            warnings.append("\(file)\(place): unknown key \(key) (did you mean \(near)?); kept as written")
        }
        return (document, warnings)
    }
}

/// Where a value sits, for messages: a plain table path, or the n-th entry of an array of tables.
private enum Place {
    case table([String])
    case entry(String, Int)
}

/// One pass over a parsed file.
private struct TableReading {
    let file: String
    let locator: TOMLKeyLocator

    func fail(_ message: String, _ key: String?, in place: Place = .table([])) -> PromptFileError {
        let position: (line: Int, column: Int)?
        let name: String
        switch place {
        case .table(let path):
            position = locator.position(of: key, inTable: path)
            name = (path + (key.map { [$0] } ?? [])).joined(separator: ".")
        case .entry(let array, let index):
            position = locator.position(of: key, inArray: array, index: index)
            name = "\(array)[\(index + 1)]" + (key.map { ".\($0)" } ?? "")
        }
        return PromptFileError(file: file, line: position?.line, column: position?.column, message: name.isEmpty ? message : "\(name): \(message)")
    }

    func document(_ root: TOMLTable) throws(PromptFileError) -> PromptDocument {
        var doc = PromptDocument()
        if let v = root["format"] {
            guard let n = v.int, n >= 1 else { throw fail("expected a whole number (this Refract writes \(PromptDocument.formatVersion))", "format") }
            guard n <= PromptDocument.formatVersion else {
                throw fail("written by a newer Refract (format \(n); this one reads up to \(PromptDocument.formatVersion)): update Refract to open it; the file was not changed", "format")
            }
        }
        doc.title = try text(root["title"], "title") ?? ""
        doc.system = try text(root["system"], "system") ?? ""
        doc.input = try text(root["input"], "input") ?? ""
        doc.instructions = try instructions(root)
        doc.examples = try examples(root)
        doc.attachments = try attachments(root)
        doc.variables = try variables(root)
        doc.models = try models(root)
        doc.labels = try labels(root)
        doc.tools = try toolReader.tools(root["tools"])
        if let v = root["params"] {
            guard let t = v.table else { throw fail("expected a table [params]", "params") }
            try params(t, into: &doc)
        }
        if let v = root["raw"] {
            guard let t = v.table else { throw fail("expected a table [raw]", "raw") }
            doc.rawFormat = try raw(t)
        }
        if let t = root["workbench"]?.table {
            doc.workbench = WorkbenchPlace(focus: t["focus"]?.string, variant: t["variant"]?.int)
        }
        doc.extras = extras(of: root, known: PromptFileReader.topLevelKeys, tablesAllowed: true)
        return doc
    }

    var toolReader: PromptToolReader { PromptToolReader(file: file, locator: locator) }

    func text(_ value: TOMLValueConvertible?, _ key: String, in place: Place = .table([])) throws(PromptFileError) -> String? {
        guard let value else { return nil }
        guard let s = value.string else { throw fail("expected text in quotes (use \"\"\" for several lines)", key, in: place) }
        return s
    }

    func instructions(_ root: TOMLTable) throws(PromptFileError) -> [PromptInstruction] {
        var list: [PromptInstruction] = []
        if let single = try text(root["instruction"], "instruction") {
            list.append(PromptInstruction(name: "instruction 1", text: single))
        }
        if let v = root["instructions"] {
            guard let array = v.array else { throw fail("expected [[instructions]] tables, each with a name and a text", "instructions") }
            for index in array.indices {
                let place = Place.entry("instructions", index)
                guard let t = array[index].table else { throw fail("expected a table with name and text", nil, in: place) }
                let name = try text(t["name"], "name", in: place) ?? "instruction \(list.count + 1)"
                guard !name.isEmpty else { throw fail("the name is empty", "name", in: place) }
                guard !list.contains(where: { $0.name == name }) else { throw fail("a second variant named \"\(name)\" (names must differ)", "name", in: place) }
                var instruction = PromptInstruction(name: name, text: try text(t["text"], "text", in: place) ?? "")
                if let v = t["schema"] {
                    guard v.bool == false else { throw fail("expected false (this variant runs without the file's schema); leave it out to use the schema", "schema", in: place) }
                    instruction.usesSchema = false
                }
                instruction.extras = extras(of: t, known: PromptFileReader.instructionKeys, tablesAllowed: false)
                list.append(instruction)
            }
        }
        return list.isEmpty ? [PromptInstruction(name: "instruction 1", text: "")] : list
    }

    func examples(_ root: TOMLTable) throws(PromptFileError) -> [PromptExample] {
        guard let v = root["examples"] else { return [] }
        guard let array = v.array else { throw fail("expected [[examples]] tables, each with an input and an output", "examples") }
        var list: [PromptExample] = []
        for index in array.indices {
            let place = Place.entry("examples", index)
            guard let t = array[index].table else { throw fail("expected a table with input and output", nil, in: place) }
            var example = PromptExample(input: try text(t["input"], "input", in: place) ?? "", output: try text(t["output"], "output", in: place) ?? "")
            example.extras = extras(of: t, known: PromptFileReader.exampleKeys, tablesAllowed: false)
            list.append(example)
        }
        return list
    }

    func attachments(_ root: TOMLTable) throws(PromptFileError) -> [PromptAttachment] {
        guard let v = root["attachments"] else { return [] }
        guard let array = v.array else { throw fail("expected [[attachments]] tables, each with a path", "attachments") }
        var list: [PromptAttachment] = []
        for index in array.indices {
            let place = Place.entry("attachments", index)
            guard let t = array[index].table else { throw fail("expected a table with a path", nil, in: place) }
            guard let path = try text(t["path"], "path", in: place), !path.isEmpty else {
                throw fail("needs a path (a file, a glob like \"docs/*.md\", or a folder)", "path", in: place)
            }
            var attachment = PromptAttachment(path: path)
            attachment.extras = extras(of: t, known: PromptFileReader.attachmentKeys, tablesAllowed: false)
            list.append(attachment)
        }
        return list
    }

    func variables(_ root: TOMLTable) throws(PromptFileError) -> [String: String] {
        guard let v = root["variables"] else { return [:] }
        guard let t = v.table else { throw fail("expected a table [variables] of name = \"value\"", "variables") }
        var values: [String: String] = [:]
        for key in t.keys {
            guard let value = t[key] else { continue }
            if let s = value.string { values[key] = s } else if let n = value.int { values[key] = String(n) } else if let d = value.double {
                values[key] = String(d)
            } else if let b = value.bool { values[key] = String(b) } else {
                throw fail("expected text in quotes", key, in: .table(["variables"]))
            }
        }
        return values
    }

    func models(_ root: TOMLTable) throws(PromptFileError) -> [String] {
        guard let v = root["models"] else { return [] }
        let names: [String]
        if let one = v.string { names = [one] } else if let array = v.array, array.allSatisfy({ $0.string != nil }) {
            names = array.compactMap(\.string)
        } else {
            throw fail("expected a list of \"provider:model\" names", "models")
        }
        for name in names where ModelRef(name) == nil {
            throw fail("\"\(name)\" is not provider:model (e.g. \"local:smollm2-135m-instruct\")", "models")
        }
        return names
    }

    func labels(_ root: TOMLTable) throws(PromptFileError) -> [String] {
        guard let v = root["labels"] else { return [] }
        guard let array = v.array, array.allSatisfy({ $0.string != nil }) else { throw fail("expected a list of labels, e.g. [\"positive\", \"negative\"]", "labels") }
        let names = array.compactMap(\.string)
        if let empty = names.firstIndex(where: { $0.isEmpty }) { throw fail("label \(empty + 1) is empty", "labels") }
        if Set(names).count != names.count { throw fail("a label is listed twice", "labels") }
        return names
    }

    func number(_ value: TOMLValueConvertible) -> Double? { value.double ?? value.int.map(Double.init) }

    func params(_ t: TOMLTable, into doc: inout PromptDocument) throws(PromptFileError) {
        let place = Place.table(["params"])
        var p = GenerationParameters()
        if let v = t["temperature"] {
            guard let x = number(v), (0...2).contains(x) else { throw fail("expected a number from 0 to 2", "temperature", in: place) }
            p.temperature = x
        }
        if let v = t["top_p"] {
            guard let x = number(v), x > 0, x <= 1 else { throw fail("expected a number above 0 and at most 1", "top_p", in: place) }
            p.topP = x
        }
        if let v = t["max_tokens"] {
            guard let n = v.int, n > 0 else { throw fail("expected a whole number above 0", "max_tokens", in: place) }
            p.maxTokens = n
        }
        if let v = t["stop"] {
            if let one = v.string { p.stop = [one] } else if let array = v.array, array.allSatisfy({ $0.string != nil }) {
                p.stop = array.compactMap(\.string)
            } else {
                throw fail("expected a text or a list of texts", "stop", in: place)
            }
        }
        if let v = t["logprobs"] {
            guard let n = v.int, (0...20).contains(n) else { throw fail("expected a whole number of alternatives, 0 to 20", "logprobs", in: place) }
            p.logprobs = n
        }
        if let v = t["seed"] {
            guard let n = v.int else { throw fail("expected a whole number", "seed", in: place) }
            p.seed = n
        }
        if let v = t["mode"] {
            guard let s = v.string, let mode = RequestMode(rawValue: s) else { throw fail("expected \"chat\" or \"raw\"", "mode", in: place) }
            doc.mode = mode
        }
        (doc.toolChoice, doc.maxToolSteps) = try toolReader.params(t, tools: doc.tools)
        doc.parameters = p
        doc.parameterExtras = extras(of: t, known: PromptFileReader.paramKeys, tablesAllowed: false)
    }

    func raw(_ t: TOMLTable) throws(PromptFileError) -> RawExampleFormat {
        var format = RawExampleFormat.standard
        let place = Place.table(["raw"])
        if let s = try text(t["input_prefix"], "input_prefix", in: place) { format.inputPrefix = s }
        if let s = try text(t["output_prefix"], "output_prefix", in: place) { format.outputPrefix = s }
        if let s = try text(t["separator"], "separator", in: place) { format.separator = s }
        for key in t.keys where !PromptFileReader.rawKeys.contains(key) {
            let near = EditDistance.closest(to: key, in: PromptFileReader.rawKeys.sorted()).first
            throw fail("unknown key" + (near.map { " (did you mean \($0)?)" } ?? ""), key, in: place)
        }
        return format
    }

    /// Unknown keys of a table, rendered for the rewrite; sub-tables inside an entry become inline tables.
    func extras(of t: TOMLTable, known: Set<String>, tablesAllowed: Bool) -> ExtraKeys {
        var extras = ExtraKeys()
        for key in t.keys where !known.contains(key) {
            guard let value = t[key] else { continue }
            let isTable = value.table != nil || (value.array.map { !$0.isEmpty && $0.allSatisfy { $0.table != nil } } ?? false)
            if isTable && tablesAllowed {
                extras.tables.append(TOMLFragment.table(key: key, value: value))
            } else {
                extras.lines.append(TOMLFragment.line(key: key, value: value))
            }
        }
        return extras
    }
}
