import Foundation
import Providers

/// A session as a Markdown document: the title, then each run with its model, parameters, prompt,
/// answer, usage, cost, timings and failure. Prompts and answers are fenced, shown exactly as written.
enum MarkdownExport {
    static func render(_ log: SessionLog) -> String {
        var out = "# \(log.title.isEmpty ? "Untitled session" : log.title)\n\n"
        out += "- Session `\(log.header.id)`, created \(SessionTimestamp.format(log.header.created))"
        if !log.header.refractVersion.isEmpty { out += " by Refract \(log.header.refractVersion)" }
        out += "\n"
        let unpriced = log.runs.filter { $0.cost == nil }.count
        out += "- \(log.runs.count) run\(log.runs.count == 1 ? "" : "s")"
        if !log.models.isEmpty { out += " on \(log.models.map { "`\($0)`" }.joined(separator: ", "))" }
        out += "; total cost \(ExportFormatting.usd(log.totalCostUSD))"
        if unpriced > 0 { out += " (\(unpriced) unpriced)" }
        out += "\n"
        for problem in log.problems { out += "- Note: \(problem.message)\n" }
        for group in log.groups { out += groupLine(group, verdicts: log.verdicts.filter { $0.group == group.group }) }
        for run in log.runs { out += "\n---\n\n" + runSection(run) }
        return out
    }

    private static func groupLine(_ g: GroupStarted, verdicts: [Verdict]) -> String {
        var line = "- Comparison \(g.group) (\(g.kind)): \(g.instructions.count) instruction(s) × \(g.models.count) model(s)"
        for v in verdicts {
            let blind = v.blind ? "blind " : ""
            switch v.outcome {
            case .ranking(let runs): line += "; \(blind)ranking " + runs.map { "run \($0)" }.joined(separator: " > ")
            case .winner(let run): line += "; \(blind)winner run \(run)"
            case .tie: line += "; \(blind)verdict: tie"
            }
        }
        return line + "\n"
    }

    private static func runSection(_ run: RecordedRun) -> String {
        let s = run.started
        var out = "## Run \(run.run) · `\(s.model)`"
        if let label = s.label { out += " · \(label)" }
        out += "\n\n"
        var facts = "- Started \(SessionTimestamp.format(s.at)), mode \(s.mode.rawValue)"
        if let p = s.protocolName { facts += ", protocol \(p)" }
        if let g = s.group { facts += ", comparison \(g)" }
        if let v = s.variant { facts += ", variant \(v)" }
        out += facts + "\n"
        out += "- Parameters: \(parameters(s.params))\n"
        out += "- Outcome: \(outcome(run))\n"
        if let u = run.usage { out += "- Usage: \(usage(u))\n" }
        if let c = run.cost {
            out += "- Cost: \(ExportFormatting.usd(c.usd)) (\(price(c.price)))\n"
        } else {
            out += "- Cost: unpriced\n"
        }
        out += "\n"
        for (name, text) in [("System", s.prompt.system), ("Instruction", s.prompt.instruction), ("Input", s.prompt.input)] where !text.isEmpty {
            out += "### \(name)\n\n" + ExportFormatting.fenced(text) + "\n"
        }
        if !s.prompt.variables.isEmpty {
            out += "### Variables\n\n"
            for name in s.prompt.variables.keys.sorted() {
                let value = s.prompt.variables[name] ?? ""
                out += value.contains("\n") || value.contains("`")
                    ? "- `\(name)`:\n\n" + ExportFormatting.fenced(value) + "\n"
                    : "- `\(name)`: `\(value)`\n"
            }
            out += "\n"
        }
        if !run.reasoning.isEmpty { out += "### Reasoning\n\n" + ExportFormatting.fenced(run.reasoning) + "\n" }
        out += "### Answer\n\n" + (run.answerText.isEmpty ? "_(no text)_\n" : ExportFormatting.fenced(run.answerText)) + "\n"
        if !run.toolCalls.isEmpty {
            out += "### Tool calls\n\n"
            for call in run.toolCalls {
                out += "- `\(call.name ?? "?")`" + (call.id.map { " (\($0))" } ?? "") + ":\n\n" + ExportFormatting.fenced(call.arguments) + "\n"
            }
        }
        if let f = run.failure { out += "### Failure\n\n`\(f.error.kind.rawValue)`: \(f.error.message)\n\n" }
        if !run.warnings.isEmpty { out += "### Warnings\n\n" + run.warnings.map { "- \($0)\n" }.joined() + "\n" }
        return out
    }

    static func parameters(_ p: GenerationParameters) -> String {
        var parts: [String] = []
        if let t = p.temperature { parts.append("temperature \(ExportFormatting.number(t))") }
        if let t = p.topP { parts.append("top_p \(ExportFormatting.number(t))") }
        if let m = p.maxTokens { parts.append("max_tokens \(m)") }
        if !p.stop.isEmpty { parts.append("stop " + p.stop.map { "`\($0.replacingOccurrences(of: "\n", with: "\\n"))`" }.joined(separator: ", ")) }
        if let seed = p.seed { parts.append("seed \(seed)") }
        return parts.isEmpty ? "provider defaults" : parts.joined(separator: ", ")
    }

    private static func outcome(_ run: RecordedRun) -> String {
        var text: String
        switch run.outcome {
        case .finished(let f): text = "finished (\(f.finish.rawValue)" + (f.rawFinish.map { ", provider said `\($0)`" } ?? "") + ")"
        case .failed(let f): text = "failed (\(f.error.kind.rawValue))"
        case .incomplete: text = "incomplete (the recording stops before the end)"
        }
        if let ttft = run.ttftMs { text += ", first token after \(ExportFormatting.seconds(ms: ttft))" }
        if let total = run.totalMs { text += ", total \(ExportFormatting.seconds(ms: total))" }
        return text
    }

    private static func usage(_ u: Usage) -> String {
        let parts: [(String, Int?)] = [("input", u.input), ("output", u.output), ("cache read", u.cacheRead), ("cache write", u.cacheWrite), ("reasoning", u.reasoning)]
        let shown = parts.compactMap { name, value in value.map { "\($0) \(name)" } }
        return shown.isEmpty ? "not reported" : shown.joined(separator: ", ")
    }

    private static func price(_ p: PriceRecord) -> String {
        let rates: [(String, Double?)] = [("input", p.input), ("output", p.output), ("cache read", p.cacheRead), ("cache write", p.cacheWrite)]
        var text = rates.compactMap { name, v in v.map { "\(name) $\(ExportFormatting.number($0))" } }.joined(separator: ", ")
        if !text.isEmpty { text += " per million tokens; " }
        text += "source \(p.source.isEmpty ? "unknown" : p.source)"
        if let checked = p.checked { text += ", checked \(checked)" }
        return text
    }
}
