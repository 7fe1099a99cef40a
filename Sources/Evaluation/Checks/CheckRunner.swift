import Foundation

/// Runs every check of a cell: the pure ones at once, `command` and `judge` concurrently; results come
/// back in the checks' order. Nothing here throws: a check that cannot run is an error result.
public struct CheckRunner: Sendable {
    /// Resolves a judge's `provider:model` into a model to call.
    public var judgeModel: @Sendable (String) throws -> JudgeModel

    public init(judgeModel: @escaping @Sendable (String) throws -> JudgeModel) {
        self.judgeModel = judgeModel
    }

    public func run(_ checks: [CheckSpec], context: CheckContext) async -> [CheckResult] {
        var results = [CheckResult?](repeating: nil, count: checks.count)
        await withTaskGroup(of: (Int, CheckResult).self) { group in
            for (index, spec) in checks.enumerated() {
                if let pure = PureCheck.evaluate(spec, context) {
                    results[index] = pure
                    continue
                }
                let resolve = judgeModel
                group.addTask {
                    switch spec.kind {
                    case .command(let command): return (index, await CommandCheck.run(spec, command: command, context: context))
                    case .judge(let judge): return (index, await JudgeCheck.run(spec, judge: judge, context: context, model: resolve))
                    default: return (index, CheckResult(name: spec.name, type: spec.type, status: .error, reason: "not runnable", weight: spec.weight))
                    }
                }
            }
            for await (index, result) in group { results[index] = result }
        }
        return results.map { $0! }
    }
}
