import Foundation

/// One scripted model step for tool-loop tests: some tool calls, or a final text answer.
public enum ToolScriptTurn: Sendable, Equatable {
    /// Calls as `(id, name, arguments JSON text)`; streaming protocols send the arguments in two fragments.
    case calls([ScriptedCall])
    case text(String)

    /// One scripted call.
    public struct ScriptedCall: Sendable, Equatable {
        public var id: String
        public var name: String
        public var arguments: String
        public init(id: String, name: String, arguments: String) {
            self.id = id
            self.name = name
            self.arguments = arguments
        }
    }

    /// A single call.
    public static func call(_ id: String, _ name: String, _ arguments: String) -> ToolScriptTurn {
        .calls([ScriptedCall(id: id, name: name, arguments: arguments)])
    }
}
