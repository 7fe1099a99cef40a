/// A key the terminal can report, independent of how it was encoded.
public enum Key: Sendable, Hashable {
    /// A printable character, or a control letter with `.ctrl` (Ctrl-R is `.char("r")` + ctrl).
    case char(Character)
    case enter, tab, backspace, delete, escape, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1…F24.
    case function(Int)
}

/// Modifier keys held with a key.
public struct Modifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let shift = Modifiers(rawValue: 1)
    public static let ctrl = Modifiers(rawValue: 2)
    public static let alt = Modifiers(rawValue: 4)
}

/// A key with its modifiers.
public struct KeyPress: Sendable, Hashable {
    public var key: Key
    public var modifiers: Modifiers

    public init(_ key: Key, _ modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }
}

/// A mouse report in screen cells (0-based).
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Kind: Sendable, Hashable { case press, release, drag, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// A signal the terminal owner must act on.
public enum TerminalSignal: Sendable, Hashable { case interrupt, terminate, hangup }

/// Everything the terminal can tell the app.
public enum InputEvent: Sendable, Hashable {
    case key(KeyPress)
    /// Text that arrived inside a bracketed paste.
    case paste(String)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    case signal(TerminalSignal)
}
