import Foundation
import Testing
@testable import TerminalUI

/// A fresh temporary folder for theme files.
private func temporaryFolder() throws -> String {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("refract-theme-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func write(_ text: String, to folder: String, _ name: String) throws -> String {
    let path = (folder as NSString).appendingPathComponent(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// The repository's `themes/` folder, found from this file's path.
private let shippedThemes: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("themes").path
}()

@Suite struct ThemeTests {
    @Test func rolesInheritFieldByField() throws {
        let theme = try Theme.parse("""
            [roles]
            "text" = { fg = 1, bg = 2, bold = true }
            "pane.title" = { fg = 100 }
            "text.dim" = { fg = 3, bold = false }
            """, file: "t.toml")
        #expect(theme.style(for: .paneTitleFocused, depth: .palette256) == Style(foreground: .indexed(100), background: .indexed(2), attributes: .bold))
        #expect(theme.style(for: .textDim, depth: .palette256) == Style(foreground: .indexed(3), background: .indexed(2)))
        #expect(theme.style(for: .responseReasoning, depth: .palette256).foreground == .indexed(3))  // → text.dim
        #expect(theme.style(for: ThemeRole("made.up.role"), depth: .palette256).foreground == .indexed(1))
    }

    @Test func lineageEndsAtText() {
        #expect(ThemeRole.paneTitleFocused.lineage == [.paneTitleFocused, .paneTitle, .text])
        #expect(ThemeRole.paneBorderFocused.parent == .paneBorder)
        #expect(ThemeRole.text.parent == nil)
        for role in ThemeRole.all { #expect(role.lineage.last == .text) }
    }

    @Test func sixteenColourFallbacks() throws {
        let theme = try Theme.parse("""
            [roles]
            "text" = { fg = 252, fg16 = "white", bg = 235, bg16 = "black" }
            "pane.border" = { fg = 75 }
            "error" = { fg = 196, fg16 = "bright-red" }
            "warning" = { fg16 = 3 }
            """, file: "t.toml")
        #expect(theme.style(for: .text, depth: .ansi16) == Style(foreground: .indexed(7), background: .indexed(0)))
        // A role that sets only a 256-colour fg falls back to the nearest ANSI colour, not the parent's fg16.
        #expect(theme.style(for: .paneBorder, depth: .ansi16).foreground == .indexed(12))
        #expect(theme.style(for: .error, depth: .ansi16).foreground == .indexed(9))
        #expect(theme.style(for: .error, depth: .palette256).foreground == .indexed(196))
        #expect(theme.style(for: .warning, depth: .palette256).foreground == .indexed(3))
    }

    @Test func noColorKeepsAttributesOnly() throws {
        let theme = try Theme.parse("""
            [roles]
            "error" = { fg = 196, bg = 52, bold = true, underline = true }
            """, file: "t.toml")
        #expect(theme.style(for: .error, depth: .none) == Style(attributes: [.bold, .underline]))
    }

    @Test func nestedTablesAndDefaultColour() throws {
        let theme = try Theme.parse("""
            [roles.pane.border]
            fg = 240
            focused = { fg = "default", reverse = true }
            """, file: "t.toml")
        #expect(theme.roles[.paneBorder] == RoleStyle(fg: .index(240)))
        #expect(theme.roles[.paneBorderFocused] == RoleStyle(fg: .default, reverse: true))
        #expect(theme.style(for: .paneBorderFocused, depth: .palette256) == Style(foreground: .default, attributes: .reverse))
    }

    @Test func valueOutOfRangeNamesFileLineAndKey() {
        let source = """
            name = "x"

            [roles]
            "text" = { fg = 252 }
            "error" = { fg = 300, bold = true }
            """
        #expect(throws: ThemeError(kind: .invalidValue, file: "themes/x.toml", line: 5, key: "roles.error.fg", message: "expected 0–255 or \"default\", got 300")) {
            try Theme.parse(source, file: "themes/x.toml")
        }
        do {
            _ = try Theme.parse(source, file: "themes/x.toml")
        } catch {
            #expect(error.description == "themes/x.toml:5: roles.error.fg: expected 0–255 or \"default\", got 300")
        }
    }

    @Test func badValuesInNestedTables() {
        let source = """
            [roles.pane.border]
            fg = 240
            bold = "yes"
            """
        do {
            _ = try Theme.parse(source, file: "n.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.key == "roles.pane.border.bold")
            #expect(error.description == "n.toml:3: roles.pane.border.bold: expected true or false, got \"yes\"")
        }
    }

    @Test func badFallbackColourAndUnknownStyleKey() {
        do {
            _ = try Theme.parse("[roles]\n\"text\" = { fg16 = 99 }\n", file: "a.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "a.toml:2: roles.text.fg16: expected 0–15, a colour name such as \"bright-blue\", or \"default\", got 99")
        }
        do {
            _ = try Theme.parse("[roles]\n\n\"text\" = { colour = 1 }\n", file: "b.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.key == "roles.text.colour")
        }
        do {
            _ = try Theme.parse("[roles]\n\"text\" = { fg16 = \"purple\" }\n", file: "c.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasSuffix("got \"purple\""))
        }
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        do {
            _ = try Theme.parse("[roles]\n\"text\" = { fg = 1\n", file: "s.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.line == 2)
            #expect(error.column != nil)
            #expect(error.description.hasPrefix("s.toml:2:"))
        }
    }

    @Test func unknownRolesAreWarningsWithLines() throws {
        let theme = try Theme.parse("[roles]\n\"text\" = { fg = 1 }\n\"pane.bordr\" = { fg = 2 }\n", file: "w.toml")
        #expect(theme.warnings == ["w.toml:3: roles.pane.bordr: unknown role, ignored by the app"])
    }

    @Test func namedSearchesUserFolderFirst() throws {
        let user = try temporaryFolder()
        let builtIn = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: user)
            try? FileManager.default.removeItem(atPath: builtIn)
        }
        _ = try write("name = \"mine\"\n[roles]\n\"text\" = { fg = 1 }\n", to: user, "mine.toml")
        _ = try write("name = \"builtin-mine\"\n[roles]\n\"text\" = { fg = 2 }\n", to: builtIn, "mine.toml")
        _ = try write("name = \"other\"\n[roles]\n\"text\" = { fg = 3 }\n", to: builtIn, "other.toml")
        #expect(try Theme.named("mine", searchPaths: [user, builtIn]).name == "mine")
        #expect(try Theme.named("other", searchPaths: [user, builtIn]).name == "other")
        #expect(try Theme.named("dark", searchPaths: [user]) == Theme.default)
        do {
            _ = try Theme.named("missing", searchPaths: [user])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.description.contains("missing.toml"))
        }
    }

    @Test func inheritsOverlaysAnotherTheme() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try write("[roles]\n\"text\" = { fg = 1, bg = 2 }\n\"error\" = { fg = 9, bold = true }\n", to: folder, "base.toml")
        let child = try write("inherits = \"base\"\n[roles]\n\"error\" = { fg = 160 }\n", to: folder, "child.toml")
        let theme = try Theme.load(file: child)
        #expect(theme.style(for: .error, depth: .palette256) == Style(foreground: .indexed(160), background: .indexed(2), attributes: .bold))
        _ = try write("inherits = \"loop2\"\n", to: folder, "loop1.toml")
        _ = try write("inherits = \"loop1\"\n", to: folder, "loop2.toml")
        do {
            _ = try Theme.named("loop1", searchPaths: [folder])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .inheritanceCycle)
        }
    }

    @Test func shippedThemesAreCompleteAndClean() throws {
        for name in ["dark", "light", "high-contrast", "16color"] {
            let theme = try Theme.load(file: (shippedThemes as NSString).appendingPathComponent("\(name).toml"))
            #expect(theme.name == name)
            #expect(theme.warnings.isEmpty, "\(name): \(theme.warnings)")
            for role in ThemeRole.all {
                #expect(theme.roles[role] != nil, "\(name).toml lacks \(role)")
            }
        }
    }

    @Test func sixteenColourThemeUsesOnlyTheFirstSixteen() throws {
        let theme = try Theme.load(file: (shippedThemes as NSString).appendingPathComponent("16color.toml"))
        for (role, style) in theme.roles {
            for color in [style.fg, style.bg, style.fg16, style.bg16] {
                if case .index(let i) = color { #expect(i < 16, "\(role) uses \(i)") }
            }
        }
    }

    @Test func compiledInDefaultMatchesDarkFile() throws {
        let dark = try Theme.load(file: (shippedThemes as NSString).appendingPathComponent("dark.toml"))
        #expect(dark.roles == Theme.default.roles)
        #expect(Theme.default.roles.count == ThemeRole.all.count)
        let source = try String(contentsOfFile: (shippedThemes as NSString).appendingPathComponent("dark.toml"), encoding: .utf8)
        #expect(source == BuiltinTheme.darkSource)
    }

    @Test func resolvedThemeIndexesEveryRole() {
        let resolved = Theme.default.resolved(depth: .palette256)
        for role in ThemeRole.all { #expect(resolved[role] == Theme.default.style(for: role, depth: .palette256)) }
        #expect(resolved[.paneBorderFocused].foreground == .indexed(75))
    }

    @Test func colourNames() {
        #expect(ThemeColor.ansiIndex(named: "bright-blue") == 12)
        #expect(ThemeColor.ansiIndex(named: "BrightBlue") == 12)
        #expect(ThemeColor.ansiIndex(named: "grey") == 8)
        #expect(ThemeColor.ansiIndex(named: "navy") == nil)
        #expect(Palette.nearestANSI(to: 196) == 9)
        #expect(Palette.nearestANSI(to: 16) == 0)
        #expect(Palette.nearestANSI(to: 231) == 15)
    }
}
