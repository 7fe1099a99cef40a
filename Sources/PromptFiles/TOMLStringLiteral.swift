/// Writes text as a TOML string literal: a basic string on one line, or a multi-line basic string
/// whose lines are the text's lines, so a one-line change of the text is a one-line change of the file.
enum TOMLStringLiteral {
    static func render(_ text: String) -> String {
        guard text.contains("\n") else { return "\"" + escape(text, multiline: false) + "\"" }
        // The newline after the opening quotes is dropped by TOML; the backslash at the end of the last
        // line trims the newline before the closing quotes, so the value does not gain a newline while the
        // closing quotes get a line of their own.
        let body = escape(text, multiline: true)
        return "\"\"\"\n" + body + (text.hasSuffix("\n") ? "" : "\\\n") + "\"\"\""
    }

    /// Always a basic string on one line, newlines escaped: for short syntax-like values (the raw-mode
    /// separator) whose newlines and spaces a `"""` block would hide.
    static func renderOnOneLine(_ text: String) -> String {
        "\"" + escape(text, multiline: false) + "\""
    }

    /// Escapes what a basic string cannot hold: backslashes, quotes (every one on a single line, a third
    /// in a row in a multi-line string), and control characters other than newline and tab.
    static func escape(_ text: String, multiline: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var quotes = 0
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                quotes += 1
                if !multiline || quotes == 3 {
                    out += "\\\""
                    quotes = 0
                } else {
                    out.unicodeScalars.append(scalar)
                }
                continue
            }
            quotes = 0
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += multiline ? "\n" : "\\n"
            case "\t": out += "\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        // A quote as the very last character would merge with the closing quotes.
        if multiline, out.hasSuffix("\"") && !out.hasSuffix("\\\"") {
            out.removeLast()
            out += "\\\""
        }
        return out
    }

    /// A bare key when it can be one, else a quoted key.
    static func key(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return bare ? name : "\"" + escape(name, multiline: false) + "\""
    }
}
