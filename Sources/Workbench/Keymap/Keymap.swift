import Platform
import TerminalUI

/// Keys to commands, per context: the defaults from `KeyTable`, with the user's `[keys]` overrides.
public struct Keymap: Sendable {
    private var bindings: [KeyContext: [KeyPress: Command]] = [:]
    /// Keys per command and context, for help and hints (in table order).
    private var keysByCommand: [Command: [KeyContext: [KeyPress]]] = [:]

    /// A `[keys]` entry that could not be used.
    public struct Error: Swift.Error, Sendable, CustomStringConvertible {
        public var command: String
        public var message: String
        public var description: String { "keys.\(command): \(message)" }
    }

    /// The default keymap with `overrides` (command name → key names) applied: an override replaces
    /// that command's keys in every context it lives in, and takes the keys away from other commands.
    public init(overrides: [String: [String]] = [:]) throws(Error) {
        var table = KeyTable.rows
        for (name, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let command = Command(rawValue: name) else {
                let known = Set(KeyTable.rows.map(\.command.rawValue)).sorted()
                let near = EditDistance.closest(to: name, in: known, limit: 1).first.map { " (did you mean \($0)?)" } ?? ""
                throw Error(command: name, message: "unknown command\(near)")
            }
            var presses: [KeyPress] = []
            for keyName in keyNames {
                do { presses.append(try KeySpec.parse(keyName)) } catch { throw Error(command: name, message: error.description) }
            }
            let contexts = Array(Set(table.filter { $0.command == command }.flatMap(\.contexts)))
            let title = table.first { $0.command == command }?.title ?? name
            let taken = Set(presses)
            table = table.compactMap { row in
                var row = row
                if row.command == command { return nil }
                if !Set(row.contexts).isDisjoint(with: contexts) {
                    row.defaultKeys = row.defaultKeys.filter { (try? KeySpec.parse($0)).map { !taken.contains($0) } ?? true }
                }
                return row
            }
            table.append(CommandInfo(command: command, contexts: contexts, title: title, defaultKeys: keyNames))
        }
        for row in table {
            for keyName in row.defaultKeys {
                guard let press = try? KeySpec.parse(keyName) else { continue }
                for context in row.contexts {
                    bindings[context, default: [:]][press] = row.command
                    keysByCommand[row.command, default: [:]][context, default: []].append(press)
                }
            }
        }
    }

    /// The command for a key, searching `contexts` in order then `global`.
    public func command(for press: KeyPress, in contexts: [KeyContext]) -> Command? {
        for context in contexts + [.global] {
            if let command = bindings[context]?[press] { return command }
        }
        return nil
    }

    /// The keys bound to a command (in any context when `context` is nil).
    public func keys(for command: Command, in context: KeyContext? = nil) -> [KeyPress] {
        guard let byContext = keysByCommand[command] else { return [] }
        if let context { return byContext[context] ?? [] }
        var seen = Set<KeyPress>()
        return KeyContext.allCases.flatMap { byContext[$0] ?? [] }.filter { seen.insert($0).inserted }
    }

    /// The first key of a command as shown in hints (`^R`), or nil when unbound.
    public func hint(for command: Command, in context: KeyContext? = nil) -> String? {
        keys(for: command, in: context).first.map(KeySpec.short)
    }

    /// Help rows: per group, each command once with all its keys.
    public func helpSections() -> [(title: String, rows: [(keys: String, title: String)])] {
        KeyTable.groups.map { group in
            var seen = Set<Command>()
            var rows: [(keys: String, title: String)] = []
            for row in KeyTable.rows where row.contexts.contains(group.context) && seen.insert(row.command).inserted {
                let presses = keys(for: row.command, in: group.context)
                guard !presses.isEmpty else { continue }
                rows.append((presses.map(KeySpec.describe).joined(separator: " "), row.title))
            }
            return (group.title, rows)
        }
    }
}
