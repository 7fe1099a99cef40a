/// How this terminal can show an image: a graphics protocol, half-block characters, or not at all
/// (a name and size instead). Decided once at start from the environment.
public enum TerminalGraphics: String, Sendable, Equatable {
    /// The kitty graphics protocol (kitty, WezTerm, Ghostty, Konsole).
    case kitty
    /// DEC sixel (foot, mlterm, xterm -ti vt340, WezTerm, Windows Terminal).
    case sixel
    /// `▀` cells coloured from the pixels.
    case blocks
    /// `NO_COLOR` or a monochrome terminal: the file's name and size only.
    case none

    /// Picks from the environment. `REFRACT_GRAPHICS=kitty|sixel|blocks|none` overrides; inside tmux or
    /// screen, graphics protocols do not reach the outer terminal, so blocks are used.
    public static func detect(environment: [String: String], depth: ColorDepth) -> TerminalGraphics {
        if let forced = environment["REFRACT_GRAPHICS"].flatMap(TerminalGraphics.init(rawValue:)) { return forced }
        if depth == .none { return .none }
        let term = environment["TERM"] ?? ""
        if environment["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux") { return .blocks }
        let program = environment["TERM_PROGRAM"] ?? ""
        if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" || term == "xterm-ghostty"
            || ["WezTerm", "ghostty"].contains(program) || environment["KONSOLE_VERSION"] != nil {
            return .kitty
        }
        if term.hasPrefix("foot") || term.hasPrefix("mlterm") || term.contains("sixel") || environment["WT_SESSION"] != nil {
            return .sixel
        }
        return .blocks
    }
}
