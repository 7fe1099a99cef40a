/// The skeleton's stand-in, kept so `refract/main.swift` builds until it uses `CursesTerminal`.
@available(*, deprecated, message: "Use CursesTerminal (and CursesTerminal.cursesVersion)")
public enum CursesPlaceholder {
    public static func version() -> String { CursesTerminal.cursesVersion }
}
