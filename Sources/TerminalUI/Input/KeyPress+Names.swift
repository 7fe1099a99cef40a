extension KeyPress: CustomStringConvertible {
    /// The key as help text shows it: `Ctrl-R`, `Shift-Up`, `Alt-Enter`, `F5`, `Esc`, `a`.
    public var description: String {
        var parts: [String] = []
        if modifiers.contains(.ctrl) { parts.append("Ctrl") }
        if modifiers.contains(.alt) { parts.append("Alt") }
        if modifiers.contains(.shift) { parts.append("Shift") }
        parts.append(key.name)
        return parts.joined(separator: "-")
    }

    /// Parses a key as keymap files write it, case-insensitively: `ctrl-r`, `C-r`, `ctrl+shift+up`,
    /// `alt-enter`, `f5`, `esc`, `pgdn`, `space`, `a`. Nil when the name is unknown.
    public init?(parsing text: String) {
        var parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "+" }.map(String.init)
        // "ctrl--" or "ctrl-+" name the dash or plus key itself.
        if parts.count >= 2, parts.last == "", parts[parts.count - 2] == "" {
            parts.removeLast(2)
            parts.append(text.last.map(String.init) ?? "-")
        }
        guard let last = parts.popLast(), !last.isEmpty else { return nil }
        var modifiers: Modifiers = []
        for part in parts {
            switch part.lowercased() {
            case "ctrl", "control", "c": modifiers.insert(.ctrl)
            case "alt", "meta", "m": modifiers.insert(.alt)
            case "shift", "s": modifiers.insert(.shift)
            default: return nil
            }
        }
        guard var key = Key(name: last) else { return nil }
        // Terminals report Ctrl-R and Alt-R as the lower-case letter with the modifier.
        if !modifiers.isDisjoint(with: [.ctrl, .alt]), case .char(let c) = key, c.isLetter {
            key = .char(Character(c.lowercased()))
        }
        self.init(key, modifiers)
    }
}

extension Key {
    /// The key's name in help text.
    public var name: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): c.isLetter ? c.uppercased() : String(c)
        case .enter: "Enter"
        case .tab: "Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .escape: "Esc"
        case .insert: "Ins"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        }
    }

    /// A key from its name (`enter`, `esc`, `pgdn`, `f12`, `space`, or one character).
    public init?(name: String) {
        let lower = name.lowercased()
        switch lower {
        case "enter", "return", "ret", "cr": self = .enter
        case "tab": self = .tab
        case "backspace", "bs", "bksp": self = .backspace
        case "delete", "del": self = .delete
        case "escape", "esc": self = .escape
        case "insert", "ins": self = .insert
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "home": self = .home
        case "end": self = .end
        case "pageup", "pgup": self = .pageUp
        case "pagedown", "pgdn", "pgdown": self = .pageDown
        case "space": self = .char(" ")
        default:
            if lower.count >= 2, lower.first == "f", let n = Int(lower.dropFirst()), (1...24).contains(n) {
                self = .function(n)
            } else if name.count == 1, let c = name.first {
                self = .char(c)
            } else {
                return nil
            }
        }
    }
}
