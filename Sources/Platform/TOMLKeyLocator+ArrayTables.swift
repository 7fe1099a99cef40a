import Foundation

extension TOMLKeyLocator {
    /// 1-based (line, column) of `key` in the `index`-th (0-based) `[[name]]` entry, or of that entry's
    /// header when the key is not written there; nil when the file has fewer entries.
    public func position(of key: String?, inArray name: String, index: Int) -> (line: Int, column: Int)? {
        var seen = -1
        var inEntry = false
        var header: Int?
        for (i, raw) in lines.enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let isArray = line.hasPrefix("[[")
                let inner = line.dropFirst(isArray ? 2 : 1).prefix { $0 != "]" }
                if inEntry { break }
                if isArray, Self.splitKeyPath(inner) == [name] {
                    seen += 1
                    if seen == index {
                        inEntry = true
                        header = i + 1
                    }
                }
                continue
            }
            guard inEntry, let key else { continue }
            let written = line.prefix { $0 != "=" }.trimmingCharacters(in: .whitespaces)
            if line.contains("="), Self.splitKeyPath(Substring(written)) == [key] {
                return (i + 1, raw.count - line.count + 1)
            }
        }
        return header.map { ($0, 1) }
    }
}
