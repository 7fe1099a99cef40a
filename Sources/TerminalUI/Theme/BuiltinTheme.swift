// The compiled-in default theme: the same text as themes/dark.toml (ThemeTests checks they match;
// after editing dark.toml, paste it here between the delimiters, keeping the blank line at the end).

/// Theme sources built into the binary, so the app works with no theme files installed.
enum BuiltinTheme {
    static let darkSource = #"""
# Refract theme: dark (the default).
#
# Each role takes a 256-colour value (fg, bg: 0–255 or "default") and a 16-colour fallback
# (fg16, bg16: 0–15 or a name such as "bright-blue"), plus bold, dim, italic, underline, reverse.
# A role left out inherits from its parent (pane.title.focused -> pane.title -> text).
# Role names contain dots, so keep them quoted.
name = "dark"
description = "Light text on a dark grey background."

[roles]
"text"                = { fg = 252, bg = 235, fg16 = "white", bg16 = "black" }
"text.dim"            = { fg = 244, fg16 = "bright-black" }

"pane.border"         = { fg = 240, fg16 = "bright-black" }
"pane.border.focused" = { fg = 75, fg16 = "bright-blue" }
"pane.title"          = { fg = 250, fg16 = "white" }
"pane.title.focused"  = { fg = 117, fg16 = "bright-cyan", bold = true }

"status.bar"          = { fg = 250, bg = 237, fg16 = "black", bg16 = "white" }
"status.text"         = { fg = 250, bg = 237, fg16 = "black", bg16 = "white" }
"status.key"          = { fg = 222, bg = 237, fg16 = "blue", bg16 = "white", bold = true }
"status.mode"         = { fg = 235, bg = 75, fg16 = "black", bg16 = "bright-blue", bold = true }

"editor.text"         = { fg = 252, fg16 = "white" }
"editor.cursorline"   = { bg = 236, bg16 = "black" }
"editor.selection"    = { fg = 255, bg = 24, fg16 = "black", bg16 = "cyan" }
"editor.placeholder"  = { fg = 242, fg16 = "bright-black", italic = true }
"editor.label"        = { fg = 110, fg16 = "cyan", bold = true }
"editor.variable"     = { fg = 179, fg16 = "yellow" }
"editor.inert"        = { fg = 209, fg16 = "magenta" }

"variable.name"       = { fg = 179, fg16 = "yellow", bold = true }
"variable.value"      = { fg = 151, fg16 = "green" }
"variable.missing"    = { fg = 203, fg16 = "bright-red", underline = true }

"response.text"       = { fg = 252, fg16 = "white" }
"response.reasoning"  = { fg = 245, fg16 = "bright-black", italic = true }
"response.meta"       = { fg = 242, fg16 = "bright-black" }
"response.inert"      = { fg = 209, fg16 = "magenta" }

"meter.label"         = { fg = 244, fg16 = "bright-black" }
"meter.value"         = { fg = 252, fg16 = "white", bold = true }
"meter.cost"          = { fg = 150, fg16 = "green", bold = true }
"meter.unpriced"      = { fg = 214, fg16 = "yellow", italic = true }

"spinner"             = { fg = 75, fg16 = "bright-blue" }
"error"               = { fg = 203, fg16 = "bright-red", bold = true }
"warning"             = { fg = 214, fg16 = "yellow" }
"success"             = { fg = 114, fg16 = "green" }

"overlay.border"      = { fg = 117, bg = 236, fg16 = "bright-cyan", bg16 = "black" }
"overlay.title"       = { fg = 230, bg = 236, fg16 = "bright-white", bg16 = "black", bold = true }
"overlay.text"        = { fg = 252, bg = 236, fg16 = "white", bg16 = "black" }

"list.text"           = { fg = 252, fg16 = "white" }
"list.selected"       = { fg = 255, bg = 24, fg16 = "black", bg16 = "cyan", bold = true }
"list.match"          = { fg = 214, fg16 = "yellow", bold = true }

"table.header"        = { fg = 110, fg16 = "cyan", bold = true }
"tab.active"          = { fg = 235, bg = 117, fg16 = "black", bg16 = "bright-cyan", bold = true }
"tab.inactive"        = { fg = 246, bg = 237, fg16 = "white", bg16 = "black" }
"scrollbar"           = { fg = 240, fg16 = "bright-black" }

"help.key"            = { fg = 222, fg16 = "yellow", bold = true }
"help.text"           = { fg = 250, fg16 = "white" }

"diff.added"          = { fg = 114, fg16 = "green" }
"diff.removed"        = { fg = 203, fg16 = "red" }
"diff.moved"          = { fg = 141, fg16 = "magenta" }
"badge.best"          = { fg = 235, bg = 114, fg16 = "black", bg16 = "green", bold = true }
"json.key"            = { fg = 179, fg16 = "yellow", bold = true }
"json.string"         = { fg = 151, fg16 = "green" }
"json.number"         = { fg = 117, fg16 = "cyan" }
"json.literal"        = { fg = 214, fg16 = "yellow" }
"json.punctuation"    = { fg = 244, fg16 = "bright-black" }

"""#
}
