import Foundation
import Providers

/// What a check tests. Texts may hold `{{variables}}` and `{{expect.field}}`, filled per case.
public enum CheckKind: Sendable, Equatable {
    case equals(String, ignoreCase: Bool)
    case contains(String, ignoreCase: Bool)
    case containsAny([String], ignoreCase: Bool)
    case containsAll([String], ignoreCase: Bool)
    case notContains([String], ignoreCase: Bool)
    case startsWith(String, ignoreCase: Bool)
    case regex(String)
    case isJSON
    /// The schema, or why it is not one (kept so every cell reports the error instead of stopping the evaluation).
    case jsonSchema(Result<JSONSchema, CheckSetupError>)
    /// The answer follows the prompt's own schema (`schema` / `schema_file` in the prompt file): nothing repeated.
    case promptSchema
    case jsonPath(path: String, equals: String?, contains: String?)
    case length(min: Int?, max: Int?, unit: LengthUnit)
    case maxCost(usd: Double)
    case maxLatency(ms: Double, of: LatencyKind)
    case command(CommandSpec)
    case judge(JudgeSpec)

    /// How `length` counts.
    public enum LengthUnit: String, Sendable, Equatable, CaseIterable { case chars, words, tokens }
    /// Which latency `max-latency` bounds: to the first token, or the whole answer.
    public enum LatencyKind: String, Sendable, Equatable, CaseIterable { case ttft, total }

    /// The names used in `type = "…"`.
    public static let typeNames = [
        "equals", "contains", "contains-any", "contains-all", "not-contains", "starts-with", "regex", "is-json", "json-schema", "schema", "json-path",
        "length", "max-cost", "max-latency", "command", "judge",
    ]

    public var typeName: String {
        switch self {
        case .equals: "equals"
        case .contains: "contains"
        case .containsAny: "contains-any"
        case .containsAll: "contains-all"
        case .notContains: "not-contains"
        case .startsWith: "starts-with"
        case .regex: "regex"
        case .isJSON: "is-json"
        case .jsonSchema: "json-schema"
        case .promptSchema: "schema"
        case .jsonPath: "json-path"
        case .length: "length"
        case .maxCost: "max-cost"
        case .maxLatency: "max-latency"
        case .command: "command"
        case .judge: "judge"
        }
    }

    /// A name for a check written without one: its type and its value (`contains 'refund'`).
    public var defaultName: String {
        switch self {
        case .equals(let v, _), .contains(let v, _), .startsWith(let v, _): "\(typeName) '\(CheckText.clip(v, 30))'"
        case .containsAny(let vs, _), .containsAll(let vs, _), .notContains(let vs, _):
            "\(typeName) " + vs.map { "'\(CheckText.clip($0, 20))'" }.joined(separator: ", ")
        case .regex(let p): "regex /\(CheckText.clip(p, 30))/"
        case .jsonPath(let path, _, _): "json-path \(path)"
        case .length(let min, let max, let unit): "length \(min.map(String.init) ?? "0")…\(max.map(String.init) ?? "∞") \(unit.rawValue)"
        case .maxCost(let usd): "max-cost $\(usd)"
        case .maxLatency(let ms, let of): "max-latency \(of.rawValue) \(Int(ms)) ms"
        case .command(let c): "command \(CheckText.clip(c.display, 30))"
        case .judge(let j): "judge \(j.model)"
        case .isJSON, .jsonSchema, .promptSchema: typeName
        }
    }
}

/// A `command` check: the program, how it is started, and how long it may take.
public struct CommandSpec: Sendable, Equatable {
    /// The program and its arguments (no shell), or one line given to `/bin/sh -c` when `shell` is true.
    public var arguments: [String]
    public var shell: Bool
    public var timeoutSeconds: Double
    /// The folder it runs in (the prompt file's).
    public var directory: String?

    public init(arguments: [String], shell: Bool = false, timeoutSeconds: Double = 30, directory: String? = nil) {
        self.arguments = arguments
        self.shell = shell
        self.timeoutSeconds = timeoutSeconds
        self.directory = directory
    }

    var display: String { arguments.joined(separator: " ") }
}

/// A `judge` check: a rubric, the grading model, and the verdict it must give.
public struct JudgeSpec: Sendable, Equatable {
    public var rubric: String
    /// `provider:model`.
    public var model: String
    /// With a threshold the judge returns a score from 0 to 1 and passes at or above it; without, pass/fail.
    public var threshold: Double?
    public var maxTokens: Int

    public init(rubric: String, model: String, threshold: Double? = nil, maxTokens: Int = 256) {
        self.rubric = rubric
        self.model = model
        self.threshold = threshold
        self.maxTokens = maxTokens
    }
}
