/// A semantic style name (`pane.border.focused`, `meter.cost`): panes ask the theme for roles, never
/// for colours. Dotted names form a hierarchy; a role the theme does not define inherits from its
/// parent (`pane.title.focused` → `pane.title` → `text`).
public struct ThemeRole: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    public var description: String { name }
    public static func < (lhs: ThemeRole, rhs: ThemeRole) -> Bool { lhs.name < rhs.name }

    /// The role this one inherits from; nil only for `text`, the root.
    public var parent: ThemeRole? {
        if self == .text { return nil }
        if let explicit = ThemeRole.explicitParents[self] { return explicit }
        var parts = name.split(separator: ".")
        while parts.count > 1 {
            parts.removeLast()
            let candidate = ThemeRole(parts.joined(separator: "."))
            if ThemeRole.known.contains(candidate) { return candidate }
        }
        return .text
    }

    /// This role and its ancestors, nearest first, ending with `text`.
    public var lineage: [ThemeRole] {
        var out = [self]
        var current = self
        while let p = current.parent, !out.contains(p) {
            out.append(p)
            current = p
        }
        return out
    }

    // MARK: Roles

    public static let text: ThemeRole = "text"
    public static let textDim: ThemeRole = "text.dim"
    public static let paneBorder: ThemeRole = "pane.border"
    public static let paneBorderFocused: ThemeRole = "pane.border.focused"
    public static let paneTitle: ThemeRole = "pane.title"
    public static let paneTitleFocused: ThemeRole = "pane.title.focused"
    public static let statusBar: ThemeRole = "status.bar"
    public static let statusText: ThemeRole = "status.text"
    public static let statusKey: ThemeRole = "status.key"
    public static let statusMode: ThemeRole = "status.mode"
    public static let editorText: ThemeRole = "editor.text"
    public static let editorCursorLine: ThemeRole = "editor.cursorline"
    public static let editorSelection: ThemeRole = "editor.selection"
    public static let editorPlaceholder: ThemeRole = "editor.placeholder"
    public static let editorLabel: ThemeRole = "editor.label"
    public static let editorVariable: ThemeRole = "editor.variable"
    public static let editorInert: ThemeRole = "editor.inert"
    public static let variableName: ThemeRole = "variable.name"
    public static let variableValue: ThemeRole = "variable.value"
    public static let variableMissing: ThemeRole = "variable.missing"
    public static let responseText: ThemeRole = "response.text"
    public static let responseReasoning: ThemeRole = "response.reasoning"
    public static let responseMeta: ThemeRole = "response.meta"
    public static let responseInert: ThemeRole = "response.inert"
    public static let meterLabel: ThemeRole = "meter.label"
    public static let meterValue: ThemeRole = "meter.value"
    public static let meterCost: ThemeRole = "meter.cost"
    public static let meterUnpriced: ThemeRole = "meter.unpriced"
    public static let spinner: ThemeRole = "spinner"
    public static let error: ThemeRole = "error"
    public static let warning: ThemeRole = "warning"
    public static let success: ThemeRole = "success"
    public static let overlayBorder: ThemeRole = "overlay.border"
    public static let overlayTitle: ThemeRole = "overlay.title"
    public static let overlayText: ThemeRole = "overlay.text"
    public static let listText: ThemeRole = "list.text"
    public static let listSelected: ThemeRole = "list.selected"
    public static let listMatch: ThemeRole = "list.match"
    public static let tableHeader: ThemeRole = "table.header"
    public static let tabActive: ThemeRole = "tab.active"
    public static let tabInactive: ThemeRole = "tab.inactive"
    public static let scrollbar: ThemeRole = "scrollbar"
    public static let helpKey: ThemeRole = "help.key"
    public static let helpText: ThemeRole = "help.text"
    public static let diffAdded: ThemeRole = "diff.added"
    public static let diffRemoved: ThemeRole = "diff.removed"
    public static let diffMoved: ThemeRole = "diff.moved"
    public static let badgeBest: ThemeRole = "badge.best"
    /// The response pane's JSON view: keys, strings, numbers, `true`/`false`/`null`, brackets and commas.
    public static let jsonKey: ThemeRole = "json.key"
    public static let jsonString: ThemeRole = "json.string"
    public static let jsonNumber: ThemeRole = "json.number"
    public static let jsonLiteral: ThemeRole = "json.literal"
    public static let jsonPunctuation: ThemeRole = "json.punctuation"

    /// Every role the app uses, in the order theme files list them.
    public static let all: [ThemeRole] = [
        .text, .textDim,
        .paneBorder, .paneBorderFocused, .paneTitle, .paneTitleFocused,
        .statusBar, .statusText, .statusKey, .statusMode,
        .editorText, .editorCursorLine, .editorSelection, .editorPlaceholder, .editorLabel, .editorVariable, .editorInert,
        .variableName, .variableValue, .variableMissing,
        .responseText, .responseReasoning, .responseMeta, .responseInert,
        .meterLabel, .meterValue, .meterCost, .meterUnpriced,
        .spinner, .error, .warning, .success,
        .overlayBorder, .overlayTitle, .overlayText,
        .listText, .listSelected, .listMatch,
        .tableHeader, .tabActive, .tabInactive, .scrollbar,
        .helpKey, .helpText,
        .diffAdded, .diffRemoved, .diffMoved,
        .badgeBest,
        .jsonKey, .jsonString, .jsonNumber, .jsonLiteral, .jsonPunctuation,
    ]

    /// The roles in `all`, for lookups.
    public static let known: Set<ThemeRole> = Set(all)

    /// Parents that are not simply "drop the last name part".
    static let explicitParents: [ThemeRole: ThemeRole] = [
        .textDim: .text,
        .responseReasoning: .textDim,
        .responseMeta: .textDim,
        .editorPlaceholder: .textDim,
        .editorLabel: .textDim,
        .editorInert: .responseInert,
        .editorCursorLine: .editorText,
        .editorSelection: .editorText,
        .editorVariable: .variableName,
        .statusText: .statusBar,
        .statusKey: .statusBar,
        .statusMode: .statusBar,
        .meterUnpriced: .warning,
        .meterCost: .meterValue,
        .overlayText: .text,
        .overlayTitle: .paneTitleFocused,
        .overlayBorder: .paneBorderFocused,
        .listText: .text,
        .listMatch: .listText,
        .helpKey: .statusKey,
        .helpText: .overlayText,
        .tableHeader: .paneTitle,
        .tabActive: .paneTitleFocused,
        .tabInactive: .paneTitle,
        .scrollbar: .paneBorder,
        .spinner: .meterValue,
        .badgeBest: .success,
        .jsonKey: .variableName,
        .jsonString: .variableValue,
        .jsonNumber: .meterValue,
        .jsonLiteral: .warning,
        .jsonPunctuation: .textDim,
        .variableMissing: .error,
        .diffAdded: .success,
        .diffRemoved: .error,
        .diffMoved: .warning,
        .meterLabel: .textDim,
    ]
}
