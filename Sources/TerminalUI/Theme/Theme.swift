import Foundation

/// A colour theme: styles for semantic roles, loaded from TOML (see `ThemeParser` for the format).
///
/// A role the theme does not define inherits from its parent role field by field
/// (`pane.title.focused` → `pane.title` → `text`), so a theme can be short; the shipped themes
/// still spell out every role so they are easy to edit.
public struct Theme: Sendable, Equatable {
    public var name: String
    /// What the file defines, role by role (after `inherits` is applied).
    public var roles: [ThemeRole: RoleStyle]
    /// Non-fatal notes from loading (unknown roles or keys), each naming file and line.
    public var warnings: [String]

    public init(name: String, roles: [ThemeRole: RoleStyle], warnings: [String] = []) {
        self.name = name
        self.roles = roles
        self.warnings = warnings
    }

    /// The compiled-in dark theme, so the app works with no theme files at all.
    public static let `default`: Theme = {
        let parser = ThemeParser(file: "<built-in dark>", source: BuiltinTheme.darkSource)
        return (try? parser.parse(defaultName: "dark").theme) ?? Theme(name: "dark", roles: [.text: RoleStyle()])
    }()

    /// The role's definition with everything it inherits filled in.
    public func roleStyle(for role: ThemeRole) -> RoleStyle {
        var merged = RoleStyle()
        for ancestor in role.lineage.reversed() {
            if let own = roles[ancestor] { merged = merged.overlaid(by: own) }
        }
        return merged
    }

    /// The terminal style for `role` at a colour depth (`.none`: attributes only, for `NO_COLOR`).
    public func style(for role: ThemeRole, depth: ColorDepth) -> Style {
        roleStyle(for: role).style(depth: depth)
    }

    /// Every role resolved once for a depth: what panes keep and index while drawing.
    public func resolved(depth: ColorDepth) -> ResolvedTheme {
        ResolvedTheme(theme: self, depth: depth)
    }

    // MARK: Loading

    /// Parses theme TOML; `file` is only used in error messages.
    public static func parse(_ source: String, file: String) throws(ThemeError) -> Theme {
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return try ThemeParser(file: file, source: source).parse(defaultName: name).theme
    }

    /// Loads a theme file. `inherits = "name"` is resolved with `searchPaths` (default: the file's folder).
    public static func load(file: String, searchPaths: [String]? = nil) throws(ThemeError) -> Theme {
        var visited: Set<String> = []
        return try load(file: file, searchPaths: searchPaths ?? [(file as NSString).deletingLastPathComponent], visited: &visited)
    }

    /// Finds `<name>.toml` in `searchPaths` (the user's folder first, then the built-in one) and loads it.
    /// `dark` and `default` fall back to the compiled-in theme when no file is found. A name with a
    /// slash or ending in `.toml` is taken as a path.
    public static func named(_ name: String, searchPaths: [String]) throws(ThemeError) -> Theme {
        var visited: Set<String> = []
        return try named(name, searchPaths: searchPaths, visited: &visited)
    }

    private static func named(_ name: String, searchPaths: [String], visited: inout Set<String>) throws(ThemeError) -> Theme {
        if name.contains("/") || name.hasSuffix(".toml") {
            return try load(file: name, searchPaths: searchPaths, visited: &visited)
        }
        var searched: [String] = []
        for dir in searchPaths {
            let path = (dir as NSString).appendingPathComponent(name + ".toml")
            searched.append(path)
            if FileManager.default.fileExists(atPath: path) {
                return try load(file: path, searchPaths: searchPaths, visited: &visited)
            }
        }
        if name == "dark" || name == "default" { return .default }
        let list = searched.isEmpty ? "no search paths" : "looked in " + searched.joined(separator: ", ")
        throw ThemeError(kind: .notFound, file: name + ".toml", message: "no theme named \"\(name)\" (\(list))")
    }

    private static func load(file: String, searchPaths: [String], visited: inout Set<String>) throws(ThemeError) -> Theme {
        let key = (file as NSString).standardizingPath
        guard !visited.contains(key) else {
            throw ThemeError(kind: .inheritanceCycle, file: file, key: "inherits", message: "themes inherit from each other in a circle")
        }
        visited.insert(key)
        guard let data = FileManager.default.contents(atPath: file) else {
            let exists = FileManager.default.fileExists(atPath: file)
            throw ThemeError(kind: exists ? .unreadable : .notFound, file: file, message: exists ? "cannot read the file" : "no such file")
        }
        let source = String(decoding: data, as: UTF8.self)
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let (theme, inherits) = try ThemeParser(file: file, source: source).parse(defaultName: name)
        guard let inherits else { return theme }
        let base = try named(inherits, searchPaths: searchPaths, visited: &visited)
        var roles = base.roles
        for (role, style) in theme.roles { roles[role] = (roles[role] ?? RoleStyle()).overlaid(by: style) }
        return Theme(name: theme.name, roles: roles, warnings: base.warnings + theme.warnings)
    }
}
