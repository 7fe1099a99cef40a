import TerminalUI

/// Parses and prints key names as written in config files: `C-r`, `Ctrl-R`, `F5`, `S-Tab`, `M-x`, `Esc`.
public enum KeySpec {
    /// A key name that could not be understood.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var text: String
        public var description: String {
            "cannot read the key \"\(text)\" (write it like C-r, M-x, S-Tab, F5, Esc, Enter, PgUp, C-Left)"
        }
    }

    static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "ret": .enter, "tab": .tab, "backspace": .backspace, "bs": .backspace,
        "delete": .delete, "del": .delete, "esc": .escape, "escape": .escape, "insert": .insert, "ins": .insert,
        "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pgdown": .pageDown, "pagedown": .pageDown,
        "space": .char(" "),
    ]

    /// Parses one key name.
    public static func parse(_ text: String) throws(ParseError) -> KeyPress {
        var modifiers: Modifiers = []
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        // Modifier prefixes: C- Ctrl- Control- M- Alt- Meta- S- Shift- (case-insensitive).
        let prefixes: [(String, Modifiers)] = [
            ("control-", .ctrl), ("ctrl-", .ctrl), ("c-", .ctrl), ("meta-", .alt), ("alt-", .alt), ("m-", .alt),
            ("shift-", .shift), ("s-", .shift),
        ]
        var matched = true
        while matched, rest.count > 1 {
            matched = false
            for (prefix, modifier) in prefixes where rest.lowercased().hasPrefix(prefix) && rest.count > prefix.count {
                modifiers.insert(modifier)
                rest = rest.dropFirst(prefix.count)
                matched = true
                break
            }
        }
        let name = String(rest)
        let lower = name.lowercased()
        if let key = named[lower] { return KeyPress(key, modifiers) }
        if lower.count >= 2, lower.first == "f", let n = Int(lower.dropFirst()), (1...24).contains(n) {
            return KeyPress(.function(n), modifiers)
        }
        guard name.count == 1, let ch = name.first else { throw ParseError(text: text) }
        // Ctrl and Alt combinations are case-insensitive for letters; keep printable symbols as typed.
        if !modifiers.isDisjoint(with: [.ctrl, .alt]), ch.isLetter { return KeyPress(.char(Character(ch.lowercased())), modifiers) }
        return KeyPress(.char(ch), modifiers)
    }

    /// How a key is shown in help and hints: `Ctrl-R`, `F5`, `Shift-Tab`, `Alt-X`, `Esc`, `?`.
    public static func describe(_ press: KeyPress) -> String {
        var parts: [String] = []
        if press.modifiers.contains(.ctrl) { parts.append("Ctrl") }
        if press.modifiers.contains(.alt) { parts.append("Alt") }
        if press.modifiers.contains(.shift) { parts.append("Shift") }
        // Characters keep their case unless modified (`?` vs `Ctrl-R`); every other key by its help name.
        let key: String = if case .char(let c) = press.key, c != " ", press.modifiers.isEmpty { String(c) } else { press.key.name }
        parts.append(key)
        return parts.joined(separator: "-")
    }

    /// The short form used in the status bar: `^R`, `F5`, `⇧Tab`.
    public static func short(_ press: KeyPress) -> String {
        if press.modifiers == .ctrl, case .char(let c) = press.key { return "^" + c.uppercased() }
        return describe(press)
    }
}
