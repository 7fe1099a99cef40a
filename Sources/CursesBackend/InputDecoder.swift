import TerminalUI

/// Turns the raw items drained from ncurses into app-level input events.
///
/// Pure and stateful only across a bracketed paste: a paste whose end has not arrived yet stays
/// buffered until a later `decode` call brings the end bracket, so it is still one `.paste` event.
struct InputDecoder: Sendable {
    /// Function-key codes to key presses (see `KeyCodeMap`).
    let keyCodes: [Int32: KeyPress]
    /// Text of a bracketed paste whose end bracket has not arrived yet.
    private(set) var pendingPaste: String?
    /// The paste's last scalar was a CR, so a following LF belongs to the same line break.
    private var pasteEndsWithCR = false

    init(keyCodes: [Int32: KeyPress]) {
        self.keyCodes = keyCodes
    }

    /// True while inside a bracketed paste.
    var isInPaste: Bool { pendingPaste != nil }

    /// Decodes one drained batch. ncurses has already waited ESCDELAY after a lone Esc, so an Esc
    /// followed by something else in the same batch is a meta prefix (Alt), and one at the end is
    /// the Esc key.
    mutating func decode(_ inputs: [RawInput]) -> [InputEvent] {
        var events: [InputEvent] = []
        var escapePending = false
        // Index in `events` of a plain character that a following combining scalar may join.
        var joinable: Int?

        /// Appends a key, with Alt when an Esc came right before it.
        func emitKey(_ press: KeyPress, alt: Bool) {
            var press = press
            if alt { press.modifiers.insert(.alt) }
            events.append(.key(press))
        }

        for input in inputs {
            if pendingPaste != nil {
                consumeInPaste(input, into: &events)
                joinable = nil
                continue
            }
            switch input {
            case .scalar(27):
                if escapePending { events.append(.key(KeyPress(.escape))) }
                escapePending = true
                joinable = nil
            case .scalar(let value):
                if !escapePending, let index = joinable, let joined = Self.join(events[index], value) {
                    events[index] = joined
                    continue
                }
                guard let press = Self.keyPress(forScalar: value) else {
                    joinable = nil
                    continue
                }
                emitKey(press, alt: escapePending)
                let isPlainCharacter = press.modifiers.isEmpty && !escapePending && press.key.isCharacter
                joinable = isPlainCharacter ? events.count - 1 : nil
                escapePending = false
            case .keyCode(let code):
                if let press = keyCodes[code] { emitKey(press, alt: escapePending) }
                else if escapePending { events.append(.key(KeyPress(.escape))) }
                escapePending = false
                joinable = nil
            case .mouse(let mouse):
                if escapePending { events.append(.key(KeyPress(.escape))) }
                events.append(.mouse(mouse))
                escapePending = false
                joinable = nil
            case .pasteStart:
                if escapePending { events.append(.key(KeyPress(.escape))) }
                escapePending = false
                joinable = nil
                pendingPaste = ""
                pasteEndsWithCR = false
            case .pasteEnd:
                // An end bracket without a start: nothing to close.
                if escapePending { events.append(.key(KeyPress(.escape))) }
                escapePending = false
                joinable = nil
            }
        }
        if escapePending { events.append(.key(KeyPress(.escape))) }
        return events
    }

    /// Inside a paste everything is text; terminals send line breaks as CR (tmux turns LF into CR),
    /// so CR and CRLF both become LF.
    private mutating func consumeInPaste(_ input: RawInput, into events: inout [InputEvent]) {
        switch input {
        case .pasteEnd:
            events.append(.paste(pendingPaste ?? ""))
            pendingPaste = nil
            pasteEndsWithCR = false
        case .scalar(let value):
            defer { pasteEndsWithCR = value == 13 }
            if value == 10, pasteEndsWithCR { return }
            if value == 13 || value == 10 {
                pendingPaste?.append("\n")
                return
            }
            guard let scalar = Unicode.Scalar(value) else { return }
            pendingPaste?.unicodeScalars.append(scalar)
        case .keyCode, .mouse, .pasteStart:
            // Escape sequences inside pasted text were decoded as keys by ncurses: drop them,
            // pasted text must never act as commands.
            pasteEndsWithCR = false
        }
    }

    /// The key a scalar stands for: control bytes become Ctrl+letter, except Tab, Enter and
    /// Backspace, which terminals cannot tell apart from Ctrl-I, Ctrl-M/J and Ctrl-H.
    static func keyPress(forScalar value: UInt32) -> KeyPress? {
        switch value {
        case 9: return KeyPress(.tab)
        case 10, 13: return KeyPress(.enter)
        case 8, 127: return KeyPress(.backspace)
        case 27: return KeyPress(.escape)
        case 0: return KeyPress(.char(" "), .ctrl)
        case 1...26:
            guard let letter = Unicode.Scalar(value + 96) else { return nil }
            return KeyPress(.char(Character(letter)), .ctrl)
        case 28: return KeyPress(.char("\\"), .ctrl)
        case 29: return KeyPress(.char("]"), .ctrl)
        case 30: return KeyPress(.char("^"), .ctrl)
        case 31: return KeyPress(.char("_"), .ctrl)
        case 0x80...0x9F: return nil  // C1 controls: never printable
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return KeyPress(.char(Character(scalar)))
        }
    }

    /// `event` with `value` appended when together they still form one grapheme (a combining
    /// mark, a variation selector, the second half of a flag); nil otherwise.
    static func join(_ event: InputEvent, _ value: UInt32) -> InputEvent? {
        guard case .key(let press) = event, case .char(let character) = press.key,
              let scalar = Unicode.Scalar(value), value >= 0x20, !(0x7F...0x9F).contains(value)
        else { return nil }
        var text = String(character)
        text.unicodeScalars.append(scalar)
        guard text.count == 1, let joined = text.first else { return nil }
        return .key(KeyPress(.char(joined), press.modifiers))
    }
}

private extension Key {
    var isCharacter: Bool {
        if case .char = self { return true }
        return false
    }
}
