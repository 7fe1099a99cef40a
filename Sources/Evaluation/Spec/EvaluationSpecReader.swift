import Foundation
import PromptFiles
import Providers
import Platform
import TOMLKit

/// Reads `[[cases]]` (or `cases = "FILE"`), `[[checks]]` and `repeat` from a prompt file's text. The
/// `PromptFiles` reader keeps these keys as written (so the workbench rewrites them untouched); this
/// reader gives them meaning. Every mistake names the file, line and column.
public struct EvaluationSpecReader: Sendable {
    /// The prompt file as shown in messages.
    public let file: String
    /// The folder `cases = "FILE"`, `schema_file` and commands are relative to.
    public let folder: URL

    public init(file: String, folder: URL) {
        self.file = file
        self.folder = folder
    }

    static let caseKeys: Set<String> = ["name", "vars", "expect", "checks", "variants"]
    static let checkKeys: Set<String> = [
        "type", "name", "weight", "value", "values", "ignore_case", "schema", "schema_file", "path", "equals", "contains", "min", "max", "unit",
        "usd", "ms", "of", "run", "shell", "timeout", "rubric", "model", "threshold", "max_tokens", "variants",
    ]

    public func read(_ text: String) throws(EvaluationError) -> EvaluationSpec {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw EvaluationError(place: "\(file):\(e.source.begin.line):\(e.source.begin.column)", message: "invalid TOML: \(e.description)")
        } catch {
            throw EvaluationError(place: file, message: "invalid TOML: \(error)")
        }
        let locator = TOMLKeyLocator(source: text)
        var spec = EvaluationSpec()
        let own = ["cases", "checks", "repeat"]
        for key in root.keys.sorted() where !own.contains(key) {
            guard let near = EditDistance.closest(to: key, in: own, maxDistance: 2).first else { continue }
            spec.warnings.append("\(place(locator.position(of: key, inTable: []) ?? locator.position(of: nil, inArray: key, index: 0))): unknown key \(key) (did you mean \(near)?); it is not used by the evaluation")
        }
        if let v = root["repeat"] {
            guard let n = v.int, n >= 1, n <= 1000 else { throw fail(locator.position(of: "repeat", inTable: []), "repeat: expected a whole number from 1 to 1000") }
            spec.repeats = n
        }
        if let v = root["checks"] {
            guard let array = v.array else { throw fail(locator.position(of: "checks", inTable: []), "checks: expected [[checks]] tables") }
            for index in array.indices {
                let at = locator.position(of: nil, inArray: "checks", index: index)
                guard let t = array[index].table else { throw fail(at, "checks[\(index + 1)]: expected a table") }
                spec.checks.append(try check(t, label: "checks[\(index + 1)]", at: at, locate: { locator.position(of: $0, inArray: "checks", index: index) }))
            }
        }
        if let v = root["cases"] {
            if let name = v.string {
                let url = resolve(name)
                spec.cases = try CaseFileLoader.load(url, shownAs: name)
            } else if let array = v.array {
                for index in array.indices {
                    let at = locator.position(of: nil, inArray: "cases", index: index)
                    guard let t = array[index].table else { throw fail(at, "cases[\(index + 1)]: expected a table") }
                    spec.cases.append(try inlineCase(t, index: index, at: at, locator: locator))
                }
            } else {
                throw fail(locator.position(of: "cases", inTable: []), "cases: expected [[cases]] tables or the name of a .csv, .jsonl or folder")
            }
        }
        return spec
    }

    /// A path as written in the file: absolute, or relative to the prompt file's folder.
    private func resolve(_ path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
    }

    private func place(_ at: (line: Int, column: Int)?) -> String {
        at.map { "\(file):\($0.line):\($0.column)" } ?? file
    }

    private func fail(_ at: (line: Int, column: Int)?, _ message: String) -> EvaluationError {
        EvaluationError(place: place(at), message: message)
    }

    /// Text of a scalar (numbers and booleans as written); tables and arrays as JSON.
    private func scalarText(_ value: TOMLValueConvertible) -> String {
        if let s = value.string { return s }
        if let n = value.int { return String(n) }
        if let d = value.double { return JSON.number(d).text }
        if let b = value.bool { return String(b) }
        return TOMLValueJSON.json(value).text
    }

    private func inlineCase(_ t: TOMLTable, index: Int, at: (line: Int, column: Int)?, locator: TOMLKeyLocator) throws(EvaluationError) -> EvalCase {
        let label = "cases[\(index + 1)]"
        var c = EvalCase(name: t["name"].map(scalarText) ?? "case \(index + 1)", place: place(at))
        for key in t.keys where !Self.caseKeys.contains(key) {
            guard let v = t[key] else { continue }
            if v.table != nil || v.array != nil {
                let near = EditDistance.closest(to: key, in: Self.caseKeys.sorted(), maxDistance: 2).first
                throw fail(locator.position(of: key, inArray: "cases", index: index) ?? at,
                           "\(label).\(key): a variable's value is text" + (near.map { " (did you mean \($0)?)" } ?? ""))
            }
            c.variables[key] = scalarText(v)
        }
        c.variants = try variantNames(t["variants"], at: locator.position(of: "variants", inArray: "cases", index: index) ?? at, label: label)
        if let v = t["vars"] {
            guard let vars = v.table else { throw fail(locator.position(of: "vars", inArray: "cases", index: index) ?? at, "\(label).vars: expected a table of name = \"value\"") }
            for key in vars.keys { if let x = vars[key] { c.variables[key] = scalarText(x) } }
        }
        if let v = t["expect"] {
            guard let expect = v.table else { throw fail(locator.position(of: "expect", inArray: "cases", index: index) ?? at, "\(label).expect: expected a table") }
            for key in expect.keys { if let x = expect[key] { c.expect[key] = scalarText(x) } }
        }
        if let v = t["checks"] {
            guard let array = v.array else { throw fail(at, "\(label).checks: expected [[cases.checks]] tables") }
            for i in array.indices {
                guard let ct = array[i].table else { throw fail(at, "\(label).checks[\(i + 1)]: expected a table") }
                // Nested arrays of tables have no locator: the case's own place is close enough.
                c.checks.append(try check(ct, label: "\(label).checks[\(i + 1)]", at: at, locate: { _ in at }))
            }
        }
        return c
    }

    private func check(
        _ t: TOMLTable, label: String, at: (line: Int, column: Int)?, locate: ((String) -> (line: Int, column: Int)?)
    ) throws(EvaluationError) -> CheckSpec {
        func bad(_ key: String, _ message: String) -> EvaluationError { fail(locate(key) ?? at, "\(label).\(key): \(message)") }
        for key in t.keys where !Self.checkKeys.contains(key) {
            let near = EditDistance.closest(to: key, in: Self.checkKeys.sorted(), maxDistance: 2).first
            throw bad(key, "unknown key" + (near.map { " (did you mean \($0)?)" } ?? ""))
        }
        guard let type = t["type"]?.string else { throw fail(at, "\(label): needs a type (\(CheckKind.typeNames.joined(separator: ", ")))") }
        func text(_ key: String) throws(EvaluationError) -> String {
            guard let v = t[key] else { throw bad(key, "missing (a \(type) check needs \(key))") }
            guard v.table == nil, v.array == nil else { throw bad(key, "expected text") }
            return scalarText(v)
        }
        func texts() throws(EvaluationError) -> [String] {
            if let list = t["values"]?.array { return list.map(scalarText) }
            if let one = t["value"] { return [scalarText(one)] }
            throw fail(at, "\(label): a \(type) check needs value = \"…\" or values = [\"…\", …]")
        }
        func number(_ key: String) throws(EvaluationError) -> Double? {
            guard let v = t[key] else { return nil }
            guard let x = v.double ?? v.int.map(Double.init), x >= 0 else { throw bad(key, "expected a number ≥ 0") }
            return x
        }
        func whole(_ key: String) throws(EvaluationError) -> Int? {
            guard let v = t[key] else { return nil }
            guard let n = v.int, n >= 0 else { throw bad(key, "expected a whole number ≥ 0") }
            return n
        }
        let ignoreCase = t["ignore_case"]?.bool ?? false
        let kind: CheckKind
        switch type {
        case "equals": kind = .equals(try text("value"), ignoreCase: ignoreCase)
        case "contains": kind = .contains(try text("value"), ignoreCase: ignoreCase)
        case "starts-with": kind = .startsWith(try text("value"), ignoreCase: ignoreCase)
        case "contains-any": kind = .containsAny(try texts(), ignoreCase: ignoreCase)
        case "contains-all": kind = .containsAll(try texts(), ignoreCase: ignoreCase)
        case "not-contains": kind = .notContains(try texts(), ignoreCase: ignoreCase)
        case "regex": kind = .regex(try text("value"))
        case "is-json": kind = .isJSON
        case "schema": kind = .promptSchema
        case "json-schema": kind = .jsonSchema(schema(t, label: label, locate: { locate($0) ?? at }))
        case "json-path":
            let equals = try t["equals"].map { _ throws(EvaluationError) in try text("equals") }
            let contains = try t["contains"].map { _ throws(EvaluationError) in try text("contains") }
            kind = .jsonPath(path: try text("path"), equals: equals, contains: contains)
        case "length":
            let unitText = t["unit"]?.string ?? "chars"
            guard let unit = CheckKind.LengthUnit(rawValue: unitText) else { throw bad("unit", "expected chars, words or tokens") }
            let min = try whole("min"), max = try whole("max")
            guard min != nil || max != nil else { throw fail(at, "\(label): a length check needs min, max or both") }
            kind = .length(min: min, max: max, unit: unit)
        case "max-cost":
            guard let usd = try number("usd") else { throw fail(at, "\(label): a max-cost check needs usd = 0.01") }
            kind = .maxCost(usd: usd)
        case "max-latency":
            guard let ms = try number("ms") else { throw fail(at, "\(label): a max-latency check needs ms = 2000") }
            guard let of = CheckKind.LatencyKind(rawValue: t["of"]?.string ?? "total") else { throw bad("of", "expected ttft or total") }
            kind = .maxLatency(ms: ms, of: of)
        case "command":
            let shell = t["shell"]?.bool ?? false
            let arguments: [String]
            if let list = t["run"]?.array, !list.isEmpty, list.allSatisfy({ $0.string != nil }) {
                arguments = list.compactMap(\.string)
            } else if let line = t["run"]?.string, !line.isEmpty {
                // Without a shell a line is split on spaces; quoting needs a list or shell = true.
                arguments = shell ? [line] : line.split(separator: " ").map(String.init)
            } else {
                throw fail(locate("run") ?? at, "\(label).run: expected the program and its arguments, as a list of texts")
            }
            kind = .command(CommandSpec(arguments: arguments, shell: shell, timeoutSeconds: try number("timeout") ?? 30, directory: folder.path))
        case "judge":
            let threshold = try number("threshold")
            if let threshold, threshold > 1 { throw bad("threshold", "expected a score from 0 to 1") }
            let model = try text("model")
            guard model.contains(":") else { throw bad("model", "\"\(model)\" is not provider:model") }
            kind = .judge(JudgeSpec(rubric: try text("rubric"), model: model, threshold: threshold, maxTokens: try whole("max_tokens") ?? 256))
        default:
            let near = EditDistance.closest(to: type, in: CheckKind.typeNames, maxDistance: 3).first
            throw bad("type", "unknown check type \"\(type)\"" + (near.map { " (did you mean \($0)?)" } ?? ""))
        }
        let weight = try number("weight") ?? 1
        let variants = try variantNames(t["variants"], at: locate("variants") ?? at, label: label)
        return CheckSpec(name: t["name"].map(scalarText), weight: weight, kind: kind, place: place(at), variants: variants)
    }

    /// `variants = "name"` or `variants = ["a", "b"]`; nil when absent.
    private func variantNames(_ value: TOMLValueConvertible?, at: (line: Int, column: Int)?, label: String) throws(EvaluationError) -> [String]? {
        guard let value else { return nil }
        if let one = value.string { return [one] }
        guard let list = value.array, !list.isEmpty, list.allSatisfy({ $0.string != nil }) else {
            throw fail(at, "\(label).variants: expected the names of instruction variants, e.g. [\"ticket\"]")
        }
        return list.compactMap(\.string)
    }

    /// The schema of a `json-schema` check, or why it is not one (with the file's place), kept for the
    /// check to report per cell: one bad schema must not stop the rest of the evaluation.
    private func schema(_ t: TOMLTable, label: String, locate: (String) -> (line: Int, column: Int)?) -> Result<JSONSchema, CheckSetupError> {
        func where_(_ key: String) -> String { place(locate(key)) }
        let value: JSON
        let key: String
        if let file = t["schema_file"]?.string {
            key = "schema_file"
            let url = resolve(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                return .failure(CheckSetupError("\(where_(key)): cannot read schema file \(file)"))
            }
            do { value = try JSONParser.parse(text) } catch {
                return .failure(CheckSetupError("\(file):\(error.line):\(error.column): the schema is not JSON: \(error.message)"))
            }
        } else if let v = t["schema"] {
            key = "schema"
            if let s = v.string {
                do { value = try JSONParser.parse(s) } catch {
                    return .failure(CheckSetupError("\(where_(key)): the schema is not JSON: \(error.description)"))
                }
            } else {
                value = TOMLValueJSON.json(v)
            }
        } else {
            return .failure(CheckSetupError("\(where_("type")): \(label) needs schema = {…} or schema_file = \"FILE\""))
        }
        do { return .success(try JSONSchema(value)) } catch { return .failure(CheckSetupError("\(where_(key)): \(error.description)")) }
    }
}
