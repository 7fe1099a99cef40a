import Foundation
import Platform
import Providers
import TOMLKit

/// Reads `[[tools]]` entries and the `[params]` tool keys; every mistake names the entry and key.
struct PromptToolReader {
    static let toolKeys: Set<String> = ["name", "description", "parameters", "result", "command", "timeout", "ask"]
    static let paramKeys: Set<String> = ["tool_choice", "max_tool_steps"]

    let file: String
    let locator: TOMLKeyLocator

    /// An error at `key` of entry `index` (nil index: the `[params]` table; nil key: the entry itself).
    func fail(_ message: String, _ key: String?, _ index: Int?) -> PromptFileError {
        let position: (line: Int, column: Int)?
        let name: String
        if let index {
            position = locator.position(of: key, inArray: "tools", index: index)
            name = "tools[\(index + 1)]" + (key.map { ".\($0)" } ?? "")
        } else if let key {
            position = locator.position(of: key, inTable: ["params"])
            name = "params.\(key)"
        } else {
            position = locator.position(of: "tools", inTable: [])
            name = "tools"
        }
        return PromptFileError(file: file, line: position?.line, column: position?.column, message: "\(name): \(message)")
    }

    /// Unknown keys of an entry, rendered for the rewrite.
    func extras(_ t: TOMLTable) -> ExtraKeys {
        var extras = ExtraKeys()
        for key in t.keys where !Self.toolKeys.contains(key) {
            if let value = t[key] { extras.lines.append(TOMLFragment.line(key: key, value: value)) }
        }
        return extras
    }

    func tools(_ value: TOMLValueConvertible?) throws(PromptFileError) -> [PromptTool] {
        guard let value else { return [] }
        guard let array = value.array else { throw fail("expected [[tools]] tables, each with a name, parameters and one of result, command or ask", nil, nil) }
        var list: [PromptTool] = []
        for index in array.indices {
            guard let t = array[index].table else { throw fail("expected a table with name, parameters and one of result, command or ask", nil, index) }
            let tool = try tool(t, index: index)
            guard !list.contains(where: { $0.name == tool.name }) else { throw fail("a second tool named \"\(tool.name)\" (names must differ)", "name", index) }
            list.append(tool)
        }
        return list
    }

    private func text(_ t: TOMLTable, _ key: String, _ index: Int) throws(PromptFileError) -> String? {
        guard let v = t[key] else { return nil }
        guard let s = v.string else { throw fail("expected text in quotes", key, index) }
        return s
    }

    private func tool(_ t: TOMLTable, index: Int) throws(PromptFileError) -> PromptTool {
        guard let name = try text(t, "name", index) else { throw fail("a tool needs a name", nil, index) }
        // The rule OpenAI, Anthropic and Gemini share for function names.
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            throw fail("\"\(name)\" is not a tool name (letters, digits, _ and -, at most 64)", "name", index)
        }
        var tool = PromptTool(name: name, description: try text(t, "description", index) ?? "")
        if let v = t["parameters"] {
            let json: JSON
            if let s = v.string {
                do { json = try JSONParser.parse(s) } catch { throw fail("not JSON: \(error.description)", "parameters", index) }
                tool.parametersText = s
            } else if v.table != nil {
                json = TOMLValueJSON.json(v)
            } else {
                throw fail("expected a JSON schema: an inline table { type = \"object\", properties = { ... } } or a JSON string", "parameters", index)
            }
            guard case .object = json, json["type"].map({ $0 == .string("object") }) ?? true else {
                throw fail("expected a JSON schema of type \"object\" (a tool's arguments are an object)", "parameters", index)
            }
            tool.parameters = json
        }
        var answers: [PromptTool.Answer] = []
        if t["result"] != nil { answers.append(.result(try text(t, "result", index) ?? "")) }
        if let v = t["command"] {
            guard let array = v.array, !array.isEmpty, array.allSatisfy({ $0.string != nil }), let program = array.first?.string, !program.isEmpty else {
                throw fail("expected a list: the program, then its arguments (no shell), e.g. [\"./weather.sh\", \"--metric\"]", "command", index)
            }
            var timeout: Double?
            if let tv = t["timeout"] {
                guard let x = tv.double ?? tv.int.map(Double.init), x > 0, x <= 3600 else { throw fail("expected seconds, above 0 and at most 3600", "timeout", index) }
                timeout = x
            }
            answers.append(.command(array.compactMap(\.string), timeoutSeconds: timeout))
        } else if t["timeout"] != nil {
            throw fail("timeout goes with command", "timeout", index)
        }
        if let v = t["ask"] {
            guard v.bool == true else { throw fail("expected ask = true (leave it out otherwise)", "ask", index) }
            answers.append(.ask)
        }
        guard answers.count == 1, let answer = answers.first else {
            throw fail(answers.isEmpty
                ? "a tool needs one answer: result = \"…\", command = [\"program\", …] or ask = true"
                : "give only one of result, command and ask", answers.isEmpty ? nil : "name", index)
        }
        tool.answer = answer
        tool.extras = extras(t)
        return tool
    }

    /// `[params] tool_choice` and `max_tool_steps`, checked against the tools read.
    /// `tool_choice` (checked against the tools read) and `max_tool_steps`.
    func params(_ t: TOMLTable, tools: [PromptTool]) throws(PromptFileError) -> (choice: ToolChoice?, maxSteps: Int?) {
        var choice: ToolChoice?
        var maxSteps: Int?
        if let v = t["tool_choice"] {
            guard let s = v.string else { throw fail("expected \"auto\", \"none\", \"required\" or a tool's name", "tool_choice", nil) }
            switch s {
            case "auto": choice = .auto
            case "none": choice = ToolChoice.none
            case "required": choice = .required
            default:
                guard tools.contains(where: { $0.name == s }) else {
                    throw fail("\"\(s)\" is not \"auto\", \"none\", \"required\" or the name of a [[tools]] entry", "tool_choice", nil)
                }
                choice = .named(s)
            }
        }
        if let v = t["max_tool_steps"] {
            guard let n = v.int, (1...100).contains(n) else { throw fail("expected a whole number from 1 to 100", "max_tool_steps", nil) }
            maxSteps = n
        }
        return (choice, maxSteps)
    }
}
