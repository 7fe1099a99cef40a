import TOMLKit

/// Renders values this Refract does not understand back to TOML, so a rewrite keeps them.
enum TOMLFragment {
    /// `key = value` (a table value becomes an inline table, so it can sit inside any table).
    static func line(key: String, value: TOMLValueConvertible) -> String {
        let holder = TOMLTable()
        if let table = value.table { table.inline = true }
        holder[key] = value
        return holder.convert(to: .toml).trimmingTrailingNewlines()
    }

    /// A whole table or array of tables under its own header(s).
    static func table(key: String, value: TOMLValueConvertible) -> String {
        let holder = TOMLTable()
        holder[key] = value
        return holder.convert(to: .toml).trimmingTrailingNewlines()
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
