import Foundation

/// Builds the OSC 52 escape sequence that asks the terminal to set the system clipboard.
enum ClipboardSequence {
    /// `ESC ] 52 ; c ; <base64> BEL`.
    static func osc52(_ text: String) -> [UInt8] {
        let payload = Data(text.utf8).base64EncodedString()
        return Array("\u{1B}]52;c;\(payload)\u{07}".utf8)
    }

    /// The same sequence wrapped for tmux's DCS passthrough (`ESC P tmux; … ESC \`), every ESC
    /// inside doubled. tmux 3.3 only forwards it with `allow-passthrough on`; with
    /// `set-clipboard on` it handles the plain sequence itself, so inside tmux both are sent.
    static func tmuxPassthrough(_ sequence: [UInt8]) -> [UInt8] {
        var out: [UInt8] = Array("\u{1B}Ptmux;".utf8)
        for byte in sequence {
            if byte == 0x1B { out.append(0x1B) }
            out.append(byte)
        }
        out.append(contentsOf: [0x1B, 0x5C])
        return out
    }

    /// What to write for `text`: the plain sequence, plus the passthrough form inside tmux.
    static func bytes(for text: String, insideTmux: Bool) -> [UInt8] {
        let plain = osc52(text)
        return insideTmux ? plain + tmuxPassthrough(plain) : plain
    }
}
