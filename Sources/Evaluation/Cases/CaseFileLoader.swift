import Foundation
import Providers

/// Reads `cases = "FILE"`: a CSV (header row = variable names), a JSONL file (one object per line), or a
/// folder of text files (each file's text as `input`, its name as the case's). In CSV and JSONL a
/// `name` column/key names the case, `expect.FIELD` columns (CSV) or an `expect` object (JSONL) hold
/// expected values, and a `vars` object (JSONL) may hold the variables instead of top-level keys.
public enum CaseFileLoader {
    public static func load(_ url: URL, shownAs shown: String) throws(EvaluationError) -> [EvalCase] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw EvaluationError(place: shown, message: "no such file or folder")
        }
        if isFolder.boolValue { return try folder(url, shown) }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw EvaluationError(place: shown, message: "cannot read it as UTF-8 text")
        }
        switch url.pathExtension.lowercased() {
        case "csv": return try csv(text, shown)
        case "jsonl", "ndjson": return try jsonl(text, shown)
        default: throw EvaluationError(place: shown, message: "cases come from .csv, .jsonl or a folder of text files")
        }
    }

    public static func csv(_ text: String, _ shown: String) throws(EvaluationError) -> [EvalCase] {
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch {
            throw EvaluationError(place: "\(shown):\(error.line):\(error.column)", message: error.message)
        }
        guard let header = records.first else { throw EvaluationError(place: shown, message: "empty: the first row names the variables") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        if let blank = columns.firstIndex(of: "") { throw EvaluationError(place: "\(shown):\(header.line)", message: "column \(blank + 1) has no name") }
        var seen = Set<String>()
        for c in columns where !seen.insert(c).inserted { throw EvaluationError(place: "\(shown):\(header.line)", message: "two columns named \(c)") }
        var cases: [EvalCase] = []
        for record in records.dropFirst() {
            if record.fields.count < columns.count {
                throw EvaluationError(place: "\(shown):\(record.line)", message: "no value for column \(columns[record.fields.count])")
            }
            if record.fields.count > columns.count {
                throw EvaluationError(place: "\(shown):\(record.line)", message: "\(record.fields.count) values for \(columns.count) columns")
            }
            var c = EvalCase(name: "case \(cases.count + 1)", place: "\(shown):\(record.line)")
            for (column, value) in zip(columns, record.fields) {
                if column == "name" {
                    if !value.isEmpty { c.name = value }
                } else if column.hasPrefix("expect.") {
                    c.expect[String(column.dropFirst("expect.".count))] = value
                } else {
                    c.variables[column] = value
                }
            }
            cases.append(c)
        }
        return cases
    }

    public static func jsonl(_ text: String, _ shown: String) throws(EvaluationError) -> [EvalCase] {
        var cases: [EvalCase] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            guard !raw.allSatisfy({ $0.isWhitespace }) else { continue }
            let value: JSON
            do { value = try JSONParser.parse(String(raw)) } catch {
                throw EvaluationError(place: "\(shown):\(line):\(error.column)", message: "not JSON: \(error.message)")
            }
            guard case .object(let pairs) = value else { throw EvaluationError(place: "\(shown):\(line)", message: "expected an object, found \(value.typeName)") }
            var c = EvalCase(name: "case \(cases.count + 1)", place: "\(shown):\(line)")
            for (key, v) in pairs {
                switch key {
                case "name": c.name = v.plainText
                case "expect", "vars":
                    guard case .object(let inner) = v else { throw EvaluationError(place: "\(shown):\(line)", message: "\(key) must be an object") }
                    for (k, x) in inner {
                        if key == "expect" { c.expect[k] = x.plainText } else { c.variables[k] = x.plainText }
                    }
                default: c.variables[key] = v.plainText
                }
            }
            cases.append(c)
        }
        return cases
    }

    static func folder(_ url: URL, _ shown: String) throws(EvaluationError) -> [EvalCase] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
            throw EvaluationError(place: shown, message: "cannot list the folder")
        }
        var cases: [EvalCase] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let file = url.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw EvaluationError(place: "\(shown)/\(name)", message: "cannot read it as UTF-8 text")
            }
            let base = (name as NSString).deletingPathExtension
            cases.append(EvalCase(name: base.isEmpty ? name : base, variables: ["input": text], place: "\(shown)/\(name)"))
        }
        if cases.isEmpty { throw EvaluationError(place: shown, message: "the folder has no text files") }
        return cases
    }
}
