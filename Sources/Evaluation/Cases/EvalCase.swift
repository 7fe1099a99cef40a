import Foundation
import Providers

/// One test case: a name, values for the prompt's `{{variables}}`, optional expected values (for
/// `{{expect.field}}` in checks), and checks of its own added to the file's.
public struct EvalCase: Sendable, Equatable {
    public var name: String
    public var variables: [String: String]
    public var expect: [String: String]
    public var checks: [CheckSpec]
    /// Where it was written (`cases.csv:4`, `evals.refract.toml:12:1`), for messages.
    public var place: String
    /// Only these instruction variants run this case (`variants = ["ticket"]`); nil: every one.
    public var variants: [String]?

    public init(name: String, variables: [String: String] = [:], expect: [String: String] = [:], checks: [CheckSpec] = [], place: String = "") {
        self.name = name
        self.variables = variables
        self.expect = expect
        self.checks = checks
        self.place = place
    }

    /// What `{{…}}` in a check fills from: the variables, and `expect.NAME` for each expected value.
    public func checkValues(defaults: [String: String] = [:]) -> [String: String] {
        var values = defaults.merging(variables) { _, new in new }
        for (key, value) in expect { values["expect.\(key)"] = value }
        return values
    }

    /// The case as one JSON object, for `command` checks: `{"name":…,"vars":{…},"expect":{…}}`.
    public var json: String {
        func object(_ d: [String: String]) -> JSON { .object(d.keys.sorted().map { ($0, .string(d[$0]!)) }) }
        return JSON.object([("name", .string(name)), ("vars", object(variables)), ("expect", object(expect))]).text
    }
}
