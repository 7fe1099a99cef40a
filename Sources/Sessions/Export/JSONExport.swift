import Foundation
import Providers

/// A session as one JSON object: the header, then the assembled runs (answers whole, not as deltas),
/// groups, verdicts and the problems met while reading.
enum JSONExport {
    static func render(_ log: SessionLog) throws -> String {
        let bytes = try OrderedJSONEncoder(pretty: true).encode(ExportedSession(log))
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }
}

/// The exported object's shape.
private struct ExportedSession: Encodable {
    let log: SessionLog

    init(_ log: SessionLog) {
        self.log = log
    }

    enum CodingKeys: String, CodingKey { case session, runs, groups, verdicts, problems }
    enum HeaderKeys: String, CodingKey {
        case id, title, created, refractVersion = "refract_version", format, runCount = "run_count", totalCostUSD = "total_cost_usd"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        var h = c.nestedContainer(keyedBy: HeaderKeys.self, forKey: .session)
        try h.encode(log.header.id, forKey: .id)
        try h.encode(log.title, forKey: .title)
        try h.encode(SessionTimestamp.format(log.header.created), forKey: .created)
        try h.encode(log.header.refractVersion, forKey: .refractVersion)
        try h.encode(log.header.version, forKey: .format)
        try h.encode(log.runs.count, forKey: .runCount)
        try h.encode(log.totalCostUSD, forKey: .totalCostUSD)
        try c.encode(log.runs.map { ExportedRun(run: $0) }, forKey: .runs)
        try c.encode(log.groups, forKey: .groups)
        try c.encode(log.verdicts, forKey: .verdicts)
        try c.encode(log.problems.map(\.message), forKey: .problems)
    }
}

/// One run, assembled.
private struct ExportedRun: Encodable {
    let run: RecordedRun

    enum CodingKeys: String, CodingKey {
        case run, group, at, model, protocolName = "protocol", mode, label, variant, branch, params, prompt
        case answer, reasoning, toolCalls = "tool_calls", usage, cost, outcome, finish, rawFinish = "raw_finish", error
        case ttftMs = "ttft_ms", totalMs = "total_ms", warnings, checks, schema
    }

    func encode(to encoder: any Encoder) throws {
        let s = run.started
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(s.run, forKey: .run)
        try c.encodeIfPresent(s.group, forKey: .group)
        try c.encode(SessionTimestamp.format(s.at), forKey: .at)
        try c.encode(s.model, forKey: .model)
        try c.encodeIfPresent(s.protocolName, forKey: .protocolName)
        try c.encode(s.mode, forKey: .mode)
        try c.encodeIfPresent(s.label, forKey: .label)
        try c.encodeIfPresent(s.variant, forKey: .variant)
        try c.encodeIfPresent(s.branch, forKey: .branch)
        try c.encode(s.params, forKey: .params)
        try c.encode(s.prompt, forKey: .prompt)
        try c.encode(run.answerText, forKey: .answer)
        if !run.reasoning.isEmpty { try c.encode(run.reasoning, forKey: .reasoning) }
        if !run.toolCalls.isEmpty { try c.encode(run.toolCalls, forKey: .toolCalls) }
        try c.encodeIfPresent(run.usage, forKey: .usage)
        if let cost = run.cost {
            var nested = c.nestedContainer(keyedBy: CostEvent.CodingKeys.self, forKey: .cost)
            try nested.encode(cost.usd, forKey: .usd)
            try nested.encode(cost.price, forKey: .price)
        } else {
            try c.encodeNil(forKey: .cost)
        }
        switch run.outcome {
        case .finished(let f):
            try c.encode("finished", forKey: .outcome)
            try c.encode(f.finish, forKey: .finish)
            try c.encodeIfPresent(f.rawFinish, forKey: .rawFinish)
            // The schema verdict, only for a run that had a schema (older exports keep their bytes).
            try c.encodeIfPresent(f.schema, forKey: .schema)
        case .failed(let f):
            try c.encode("failed", forKey: .outcome)
            try c.encode(f.error, forKey: .error)
        case .incomplete:
            try c.encode("incomplete", forKey: .outcome)
        }
        try c.encodeIfPresent(run.ttftMs, forKey: .ttftMs)
        try c.encodeIfPresent(run.totalMs, forKey: .totalMs)
        if !run.warnings.isEmpty { try c.encode(run.warnings, forKey: .warnings) }
        // An evaluation's cell: its check results, as recorded (only when there are some, so older exports keep their bytes).
        if !run.checks.isEmpty { try c.encode(run.checks, forKey: .checks) }
    }
}
