import Platform
import TOMLKit

/// Reads a theme file's TOML into a `Theme`, with errors that name file, line and key.
///
/// ```toml
/// name = "dark"
/// inherits = "dark"            # optional: start from another theme
/// [roles]
/// "text" = { fg = 252, bg = 235, fg16 = "white", bg16 = "black" }
/// "pane.border.focused" = { fg = 75, fg16 = "bright-blue", bold = true }
/// ```
/// Roles may also be nested tables (`[roles.pane.border]` with `fg = 240` and `focused = { … }`).
struct ThemeParser {
    let file: String
    let source: String
    private let locator: TOMLKeyLocator

    init(file: String, source: String) {
        self.file = file
        self.source = source
        self.locator = TOMLKeyLocator(source: source)
    }

    /// The parsed theme; `inherits` is returned unresolved.
    func parse(defaultName: String) throws(ThemeError) -> (theme: Theme, inherits: String?) {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw ThemeError(
                kind: .syntax, file: file, line: error.source.begin.line, column: error.source.begin.column,
                message: error.description)
        } catch {
            throw ThemeError(kind: .syntax, file: file, message: "not valid TOML")
        }

        var issues: [ThemeError] = []
        var warnings: [String] = []
        var name = defaultName
        var inherits: String?
        var roles: [ThemeRole: RoleStyle] = [:]

        for key in root.keys.sorted() {
            guard let value = root[key] else { continue }
            switch key {
            case "name", "description", "inherits":
                guard let s = value.string else {
                    issues.append(invalid(key, "expected a string"))
                    continue
                }
                if key == "name" { name = s }
                if key == "inherits" { inherits = s }
            case "roles":
                guard let table = value.table else {
                    issues.append(invalid(key, "expected a table of roles"))
                    continue
                }
                collectRoles(table, prefix: [], into: &roles, issues: &issues)
            default:
                warnings.append(at(key, "unknown key, ignored"))
            }
        }
        for role in roles.keys.sorted() where !ThemeRole.known.contains(role) {
            warnings.append(at("roles.\(role.name)", "unknown role, ignored by the app"))
        }
        if let first = issues.min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) { throw first }
        return (Theme(name: name, roles: roles, warnings: warnings), inherits)
    }

    /// Walks `[roles]`: style keys belong to the role named by the path so far, tables nest roles.
    private func collectRoles(_ table: TOMLTable, prefix: [String], into roles: inout [ThemeRole: RoleStyle], issues: inout [ThemeError]) {
        var style = RoleStyle()
        var sawStyleKey = false
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let path = prefix + [key]
            let keyPath = "roles." + path.joined(separator: ".")
            if !prefix.isEmpty, RoleStyle.keys.contains(key) {
                sawStyleKey = true
                do throws(ThemeError) {
                    try apply(key, value, to: &style, keyPath: keyPath)
                } catch {
                    issues.append(error)
                }
            } else if let sub = value.table {
                collectRoles(sub, prefix: path, into: &roles, issues: &issues)
            } else if prefix.isEmpty {
                issues.append(invalid(keyPath, "expected a table such as { fg = 252, bold = true }"))
            } else {
                issues.append(invalid(keyPath, "unknown style key (expected one of \(RoleStyle.keys.joined(separator: ", ")))"))
            }
        }
        if sawStyleKey {
            let role = ThemeRole(prefix.joined(separator: "."))
            roles[role] = (roles[role] ?? RoleStyle()).overlaid(by: style)
        }
    }

    private func apply(_ key: String, _ value: any TOMLValueConvertible, to style: inout RoleStyle, keyPath: String) throws(ThemeError) {
        switch key {
        case "fg": style.fg = try color(value, keyPath: keyPath, max: 255)
        case "bg": style.bg = try color(value, keyPath: keyPath, max: 255)
        case "fg16": style.fg16 = try color(value, keyPath: keyPath, max: 15)
        case "bg16": style.bg16 = try color(value, keyPath: keyPath, max: 15)
        default:
            guard value.type == .bool, let flag = value.bool else {
                throw invalid(keyPath, "expected true or false, got \(describe(value))")
            }
            switch key {
            case "bold": style.bold = flag
            case "dim": style.dim = flag
            case "italic": style.italic = flag
            case "underline": style.underline = flag
            default: style.reverse = flag
            }
        }
    }

    /// A colour: an index 0…`max`, "default", or (16-colour keys) an ANSI colour name.
    private func color(_ value: any TOMLValueConvertible, keyPath: String, max: Int) throws(ThemeError) -> ThemeColor {
        let expected = max == 255
            ? "expected 0–255 or \"default\""
            : "expected 0–15, a colour name such as \"bright-blue\", or \"default\""
        if value.type == .int, let n = value.int {
            guard (0...max).contains(n) else { throw invalid(keyPath, "\(expected), got \(n)") }
            return .index(UInt8(n))
        }
        if value.type == .string, let s = value.string {
            if s.lowercased() == "default" { return .default }
            if max == 15, let i = ThemeColor.ansiIndex(named: s) { return .index(i) }
            if max == 255, let i = ThemeColor.ansiIndex(named: s) { return .index(i) }
            throw invalid(keyPath, "\(expected), got \"\(s)\"")
        }
        throw invalid(keyPath, "\(expected), got \(describe(value))")
    }

    private func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .int: value.int.map(String.init) ?? "an integer"
        case .string: value.string.map { "\"\($0)\"" } ?? "a string"
        case .bool: value.bool.map { String($0) } ?? "a boolean"
        case .double: value.double.map { String($0) } ?? "a number"
        case .table: "a table"
        case .array: "an array"
        default: "a date or time"
        }
    }

    private func invalid(_ keyPath: String, _ message: String) -> ThemeError {
        ThemeError(kind: .invalidValue, file: file, line: locator.line(of: keyPath), key: keyPath, message: message)
    }

    private func at(_ keyPath: String, _ message: String) -> String {
        let line = locator.line(of: keyPath).map { ":\($0)" } ?? ""
        return "\(file)\(line): \(keyPath): \(message)"
    }
}
