import Foundation
import PromptFiles
import Providers

/// Answers the loop's calls the way the prompt file says: a fixed `result` (with `{{args.NAME}}`
/// filled in), a `command` the file names, or the person (`ask`). Nothing else ever runs.
public struct PromptToolAnswerer: ToolAnswering {
    public let tools: [PromptTool]
    public let ask: ToolAsk

    public init(tools: [PromptTool], ask: @escaping ToolAsk) {
        self.tools = tools
        self.ask = ask
    }

    public func answer(_ call: ToolLoop.PendingCall, step: Int) async -> ToolAnswer {
        guard let tool = tools.first(where: { $0.name == call.call.name }) else {
            return ToolAnswer(content: "error: there is no tool named \"\(call.call.name)\"", isError: true)
        }
        switch tool.answer {
        case .result(let template):
            return ToolAnswer(content: Self.fill(template, arguments: call.arguments))
        case .command(let arguments, let timeout):
            return await ToolCommandRunner.run(
                arguments, input: call.arguments.text, timeoutSeconds: timeout ?? PromptTool.defaultTimeoutSeconds, tool: tool.name
            )
        case .ask:
            guard let typed = await ask(ToolQuestion(name: tool.name, arguments: call.call.arguments, step: step)) else {
                let line = "\(tool.name) asks for an answer and no one can give it here (run it in the workbench, or in a terminal)"
                return ToolAnswer(content: "error: \(line)", isError: true, note: line)
            }
            return ToolAnswer(content: typed)
        }
    }

    /// `{{args.NAME}}` becomes that argument (text as it is, anything else as JSON; missing: empty),
    /// `{{args}}` the whole arguments object.
    public static func fill(_ template: String, arguments: JSON) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if name == "args" {
                out += arguments.text
            } else if name.hasPrefix("args.") {
                switch arguments[String(name.dropFirst(5))] {
                case .string(let s)?: out += s
                case let value?: out += value.text
                case nil: break
                }
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
