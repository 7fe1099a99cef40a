import Evaluation
import Foundation
import Sessions

/// Reads the cells of a recorded evaluation for `--baseline`: the last evaluation group of the session,
/// each run a cell that passed when it finished and every recorded check passed.
enum BaselineLoader {
    static func cells(of log: SessionLog, named name: String) throws -> [BaselineComparison.Cell] {
        guard let group = log.groups.last(where: { $0.kind == .evaluation }) else {
            throw CLIError(message: "\(name) holds no evaluation (record one with refract eval)", exitCode: 2)
        }
        var seen: [String: Int] = [:]
        return log.runs.filter { $0.started.group == group.group }.map { run in
            let s = run.started
            let variant = s.variant ?? ""
            // The n-th run with the same variant, model and values is the n-th sample.
            let key = "\(variant)\u{1}\(s.model)\u{1}" + s.prompt.variables.keys.sorted().map { "\($0)=\(s.prompt.variables[$0]!)" }.joined(separator: "\u{2}")
            seen[key, default: 0] += 1
            let finished: Bool = if case .finished = run.outcome { true } else { false }
            return BaselineComparison.Cell(
                variant: variant, model: s.model, variables: s.prompt.variables, repeatIndex: seen[key]!,
                passed: finished && run.checks.allSatisfy { $0.result == "pass" }, costUSD: run.cost?.usd, latencyMs: run.totalMs
            )
        }
    }
}
