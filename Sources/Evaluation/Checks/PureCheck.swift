import Foundation
import Providers

/// The deterministic checks: pure functions from a check and a cell's context to a result. `command`
/// and `judge` are not pure and are run by `CheckRunner`.
public enum PureCheck {
    /// The result of a deterministic check; nil for `command` and `judge`.
    public static func evaluate(_ spec: CheckSpec, _ context: CheckContext) -> CheckResult? {
        func result(_ status: CheckResult.Status, _ reason: String) -> CheckResult {
            CheckResult(name: spec.name, type: spec.type, status: status, reason: reason, weight: spec.weight)
        }
        do {
            let (status, reason) = try outcome(spec.kind, context)
            return result(status, reason)
        } catch let error as CheckSetupError {
            return result(.error, error.description)
        } catch NotPure.command {
            return nil
        } catch {
            return result(.error, "\(error)")
        }
    }

    private enum NotPure: Error { case command }

    /// Fills `{{…}}` from the case; a placeholder without a value makes the check unable to run.
    static func fill(_ text: String, _ context: CheckContext) throws(CheckSetupError) -> String {
        let missing = PromptTemplate.variableNames(in: text).filter { context.values[$0] == nil }
        if let first = missing.first {
            throw CheckSetupError("no value for {{\(first)}} in case \(context.caseName.isEmpty ? "(unnamed)" : "\"\(context.caseName)\"")")
        }
        return PromptTemplate.fill(text, with: context.values)
    }

    private static func fold(_ text: String, _ ignoreCase: Bool) -> String { ignoreCase ? text.lowercased() : text }

    private static func outcome(_ kind: CheckKind, _ c: CheckContext) throws -> (CheckResult.Status, String) {
        let answer = c.answer
        switch kind {
        case .equals(let raw, let ic):
            let expected = try fill(raw, c)
            let a = answer.trimmingCharacters(in: .whitespacesAndNewlines)
            let e = expected.trimmingCharacters(in: .whitespacesAndNewlines)
            return fold(a, ic) == fold(e, ic) ? (.pass, "equals '\(CheckText.clip(e, 40))'")
                : (.fail, "expected '\(CheckText.clip(e, 40))', got '\(CheckText.clip(a, 40))'")
        case .contains(let raw, let ic):
            let needle = try fill(raw, c)
            return fold(answer, ic).contains(fold(needle, ic)) ? (.pass, "contains '\(CheckText.clip(needle, 40))'")
                : (.fail, "expected to contain '\(CheckText.clip(needle, 40))': not found")
        case .containsAny(let raws, let ic):
            let needles = try raws.map { (r: String) throws(CheckSetupError) in try fill(r, c) }
            if let hit = needles.first(where: { fold(answer, ic).contains(fold($0, ic)) }) { return (.pass, "contains '\(CheckText.clip(hit, 40))'") }
            return (.fail, "expected to contain one of " + needles.map { "'\(CheckText.clip($0, 20))'" }.joined(separator: ", ") + ": none found")
        case .containsAll(let raws, let ic):
            let needles = try raws.map { (r: String) throws(CheckSetupError) in try fill(r, c) }
            let missing = needles.filter { !fold(answer, ic).contains(fold($0, ic)) }
            return missing.isEmpty ? (.pass, "contains all \(needles.count)")
                : (.fail, "expected to contain " + missing.map { "'\(CheckText.clip($0, 20))'" }.joined(separator: ", ") + ": not found")
        case .notContains(let raws, let ic):
            let needles = try raws.map { (r: String) throws(CheckSetupError) in try fill(r, c) }
            if let hit = needles.first(where: { fold(answer, ic).contains(fold($0, ic)) }) {
                return (.fail, "expected not to contain '\(CheckText.clip(hit, 40))': found")
            }
            return (.pass, "contains none of \(needles.count)")
        case .startsWith(let raw, let ic):
            let prefix = try fill(raw, c)
            let a = answer.drop { $0.isWhitespace || $0.isNewline }
            return fold(String(a), ic).hasPrefix(fold(prefix, ic)) ? (.pass, "starts with '\(CheckText.clip(prefix, 40))'")
                : (.fail, "expected to start with '\(CheckText.clip(prefix, 40))', starts with '\(CheckText.clip(String(a), 30))'")
        case .regex(let raw):
            let pattern = try fill(raw, c)
            let regex: NSRegularExpression
            do { regex = try NSRegularExpression(pattern: pattern) } catch {
                throw CheckSetupError("bad regex /\(CheckText.clip(pattern, 40))/: it does not compile")
            }
            let range = NSRange(answer.startIndex..., in: answer)
            guard let match = regex.firstMatch(in: answer, range: range), let r = Range(match.range, in: answer) else {
                return (.fail, "expected to match /\(CheckText.clip(pattern, 40))/: no match")
            }
            return (.pass, "matches '\(CheckText.clip(String(answer[r]), 40))'")
        case .isJSON:
            do {
                let value = try JSONParser.parse(answer)
                return (.pass, "JSON \(value.typeName)")
            } catch { return (.fail, "not JSON: \(error.description)") }
        case .jsonSchema(let schemaResult):
            let schema = try schemaResult.get()
            let value: JSON
            do { value = try JSONParser.parse(answer) } catch { return (.fail, "not JSON: \(error.description)") }
            if let violation = schema.firstViolation(of: value) { return (.fail, "does not fit the schema: \(violation)") }
            return (.pass, "fits the schema")
        case .promptSchema:
            guard let schema = c.schema else { throw CheckSetupError("the prompt has no schema: add schema = {…} or schema_file = \"…\" to the prompt file, or use --schema FILE") }
            let verdict = SchemaVerdict.check(answer, against: schema)
            if verdict.valid { return (.pass, "fits the prompt's schema") }
            let violation = verdict.summary
            return (.fail, violation.hasPrefix("not JSON") ? violation : "does not fit the schema: \(violation)")
        case .jsonPath(let rawPath, let equals, let contains):
            let path = try JSONPath(rawPath)
            let root: JSON
            do { root = try JSONParser.parse(answer) } catch { return (.fail, "not JSON: \(error.description)") }
            let found: JSON
            switch path.value(in: root) {
            case .success(let v): found = v
            case .failure(let missing): return (.fail, "\(path): \(missing.reason)")
            }
            if let equals {
                let expected = try fill(equals, c)
                // Compared as text: TOML and CSV values are text, and "3" should equal 3.
                return found.plainText == expected ? (.pass, "\(path) = \(CheckText.clip(found.text, 40))")
                    : (.fail, "\(path): expected '\(CheckText.clip(expected, 30))', found \(CheckText.clip(found.text, 30))")
            }
            if let contains {
                let needle = try fill(contains, c)
                let hit: Bool
                if case .array(let items) = found { hit = items.contains { $0.plainText == needle } } else { hit = found.plainText.contains(needle) }
                return hit ? (.pass, "\(path) contains '\(CheckText.clip(needle, 30))'")
                    : (.fail, "\(path): expected to contain '\(CheckText.clip(needle, 30))': not found in \(CheckText.clip(found.text, 30))")
            }
            return (.pass, "\(path) exists")
        case .length(let min, let max, let unit):
            let count: Int
            var estimated = false
            switch unit {
            case .chars: count = answer.count
            case .words: count = CheckText.wordCount(answer)
            case .tokens:
                if let exact = c.outputTokens { count = exact } else {
                    count = (answer.unicodeScalars.count + 3) / 4
                    estimated = true
                }
            }
            let shown = "\(estimated ? "~" : "")\(count) \(unit.rawValue)"
            if let min, count < min { return (.fail, "\(shown), fewer than \(min)") }
            if let max, count > max { return (.fail, "\(shown), more than \(max)") }
            return (.pass, shown)
        case .maxCost(let limit):
            guard let cost = c.costUSD else { throw CheckSetupError("the model is unpriced: its cost is unknown") }
            return cost <= limit ? (.pass, String(format: "$%.6f", cost)) : (.fail, String(format: "$%.6f, more than $%.6f", cost, limit))
        case .maxLatency(let limit, let of):
            let measured = of == .ttft ? c.ttftMs : c.totalMs
            guard let measured else { throw CheckSetupError(of == .ttft ? "no first token arrived" : "the run did not finish") }
            return measured <= limit ? (.pass, "\(of.rawValue) \(Int(measured)) ms")
                : (.fail, "\(of.rawValue) \(Int(measured)) ms, more than \(Int(limit)) ms")
        case .command, .judge:
            throw NotPure.command
        }
    }
}
