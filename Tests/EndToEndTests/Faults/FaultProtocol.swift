import Foundation
import RefractTestSupport
import Testing

/// One wire protocol as the end-to-end fault tests use it: a provider `faults-<protocol>` in a config
/// file, pointing at the fault server's API root for that protocol.
struct FaultProtocol: Sendable, Hashable, CustomTestStringConvertible {
    let name: String
    /// The API root's path on the fault server.
    let basePath: String
    /// Whether the provider sends a key (ollama does not need one).
    let usesKey: Bool

    var testDescription: String { name }
    var provider: String { "faults-\(name)" }

    /// `faults-<protocol>:<mode>`
    func model(_ mode: String) -> String { "\(provider):\(mode)" }

    static let all: [FaultProtocol] = [
        FaultProtocol(name: "anthropic", basePath: "/v1", usesKey: true),
        FaultProtocol(name: "openai-chat", basePath: "/v1", usesKey: true),
        FaultProtocol(name: "openai-responses", basePath: "/v1", usesKey: true),
        FaultProtocol(name: "gemini", basePath: "/v1beta", usesKey: true),
        FaultProtocol(name: "ollama", basePath: "", usesKey: false),
    ]

    /// The environment variable the providers read their key from.
    static let keyVariable = "REFRACT_FAULT_TEST_KEY"

    /// A config declaring one provider per protocol at `port`, keys from `keyVariable`.
    static func config(port: Int, extra: String = "") -> String {
        all.map { p in
            """
            [providers.\(p.provider)]
            protocol = "\(p.name)"
            base_url = "http://127.0.0.1:\(port)\(p.basePath)"
            \(p.usesKey ? "api_key_env = \"\(keyVariable)\"" : "")

            """
        }.joined() + extra
    }

    /// A canary key: it must never appear in anything Refract writes. `scripts/test` sets one for the
    /// whole run (`REFRACT_CANARY_KEY`) and searches every file the run left behind for it afterwards.
    static func canaryKey() -> String {
        if let key = ProcessInfo.processInfo.environment["REFRACT_CANARY_KEY"], key.hasPrefix("sk-canary-") { return key }
        return "sk-canary-REFRACT-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}
