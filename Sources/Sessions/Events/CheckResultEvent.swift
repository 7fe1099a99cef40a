import Foundation

/// One check's result on a run of an evaluation, written after the run ended (so a replay shows the
/// matrix filling in). `weight` defaults to 1 and `judge` is present only for judge checks.
///
///     {"type":"check_result","run":3,"index":0,"name":"…","check":"contains","result":"fail","reason":"…","weight":1}
public struct CheckResultEvent: Sendable, Equatable, Codable {
    /// What the judge of a `judge` check was asked and answered, and what it cost.
    public struct Judge: Sendable, Equatable, Codable {
        public var model: String
        public var prompt: String
        public var answer: String
        public var usd: Double?

        public init(model: String, prompt: String, answer: String, usd: Double?) {
            self.model = model
            self.prompt = prompt
            self.answer = answer
            self.usd = usd
        }

        enum CodingKeys: String, CodingKey { case model, prompt, answer, usd }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            model = try c.decode(String.self, forKey: .model)
            prompt = try c.decodeIfPresent(String.self, forKey: .prompt) ?? ""
            answer = try c.decodeIfPresent(String.self, forKey: .answer) ?? ""
            usd = try c.decodeIfPresent(Double.self, forKey: .usd)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(model, forKey: .model)
            try c.encode(prompt, forKey: .prompt)
            try c.encode(answer, forKey: .answer)
            try c.encode(usd, forKey: .usd)
        }
    }

    public var run: Int
    /// The check's position among the cell's checks (0-based).
    public var index: Int
    public var name: String
    /// The check's type (`contains`, `judge`, …).
    public var check: String
    /// `pass`, `fail` or `error` (an open set: a newer result still reads).
    public var result: String
    public var reason: String
    public var weight: Double
    public var judge: Judge?

    public init(run: Int, index: Int, name: String, check: String, result: String, reason: String, weight: Double = 1, judge: Judge? = nil) {
        self.run = run
        self.index = index
        self.name = name
        self.check = check
        self.result = result
        self.reason = reason
        self.weight = weight
        self.judge = judge
    }

    enum CodingKeys: String, CodingKey { case run, index, name, check, result, reason, weight, judge }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        run = try c.decode(Int.self, forKey: .run)
        index = try c.decodeIfPresent(Int.self, forKey: .index) ?? 0
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        check = try c.decodeIfPresent(String.self, forKey: .check) ?? ""
        result = try c.decode(String.self, forKey: .result)
        reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? ""
        weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1
        judge = try c.decodeIfPresent(Judge.self, forKey: .judge)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(run, forKey: .run)
        try c.encode(index, forKey: .index)
        try c.encode(name, forKey: .name)
        try c.encode(check, forKey: .check)
        try c.encode(result, forKey: .result)
        try c.encode(reason, forKey: .reason)
        try c.encode(weight, forKey: .weight)
        try c.encodeIfPresent(judge, forKey: .judge)
    }
}
