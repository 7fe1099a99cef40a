import TerminalUI

/// Builds the table from ncurses function-key codes to `KeyPress`es.
enum KeyCodeMap {
    /// The xterm-style modifier suffixes of extended terminfo key names (`kLFT5` is Ctrl-Left).
    static let modifierSuffixes: [(suffix: String, modifiers: Modifiers)] = [
        ("3", [.alt]), ("4", [.shift, .alt]), ("5", [.ctrl]), ("6", [.shift, .ctrl]), ("7", [.ctrl, .alt]),
    ]

    /// Stems of the extended key names; the bare stem (`kLFT`) is the shifted key.
    static let extendedStems: [(stem: String, key: Key)] = [
        ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home), ("kEND", .end),
        ("kPRV", .pageUp), ("kNXT", .pageDown), ("kDC", .delete), ("kIC", .insert),
    ]

    /// Every extended key name worth looking up in terminfo, with the key it stands for.
    static var extendedNames: [(name: String, press: KeyPress)] {
        var names: [(String, KeyPress)] = []
        for (stem, key) in extendedStems {
            names.append((stem, KeyPress(key, .shift)))
            for (suffix, modifiers) in modifierSuffixes { names.append((stem + suffix, KeyPress(key, modifiers))) }
        }
        return names
    }

    /// F13–F24 and beyond are how xterm-like terminals report modified F1–F12
    /// (kf13 = Shift-F1, kf25 = Ctrl-F1, kf37 = Ctrl-Shift-F1, kf49 = Alt-F1, kf61 = Alt-Shift-F1).
    static func functionKey(_ n: Int) -> KeyPress? {
        guard n >= 1, n <= 63 else { return nil }
        let base = (n - 1) % 12 + 1
        let modifiers: [Modifiers] = [[], [.shift], [.ctrl], [.ctrl, .shift], [.alt], [.alt, .shift]]
        return KeyPress(.function(base), modifiers[(n - 1) / 12])
    }

    /// The whole table. `extended` maps codes that `key_defined` found for `extendedNames`; the
    /// standard codes win where a terminal binds both (xterm's kUP and kri are the same string).
    static func build(codes: CursesKeyCodes, extended: [Int32: KeyPress]) -> [Int32: KeyPress] {
        var map = extended
        let standard: [(Int32, KeyPress)] = [
            (codes.up, KeyPress(.up)), (codes.down, KeyPress(.down)),
            (codes.left, KeyPress(.left)), (codes.right, KeyPress(.right)),
            (codes.home, KeyPress(.home)), (codes.end, KeyPress(.end)),
            (codes.pageUp, KeyPress(.pageUp)), (codes.pageDown, KeyPress(.pageDown)),
            (codes.insert, KeyPress(.insert)), (codes.delete, KeyPress(.delete)),
            (codes.backspace, KeyPress(.backspace)), (codes.enter, KeyPress(.enter)),
            (codes.backTab, KeyPress(.tab, .shift)),
            (codes.shiftLeft, KeyPress(.left, .shift)), (codes.shiftRight, KeyPress(.right, .shift)),
            (codes.shiftUp, KeyPress(.up, .shift)), (codes.shiftDown, KeyPress(.down, .shift)),
            (codes.shiftHome, KeyPress(.home, .shift)), (codes.shiftEnd, KeyPress(.end, .shift)),
            (codes.shiftDelete, KeyPress(.delete, .shift)), (codes.shiftInsert, KeyPress(.insert, .shift)),
            (codes.shiftPageDown, KeyPress(.pageDown, .shift)), (codes.shiftPageUp, KeyPress(.pageUp, .shift)),
        ]
        for (code, press) in standard { map[code] = press }
        for n in 1...63 {
            if let press = functionKey(n) { map[codes.f0 + Int32(n)] = press }
        }
        return map
    }
}
