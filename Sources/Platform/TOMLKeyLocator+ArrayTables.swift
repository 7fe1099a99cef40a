import Foundation

extension TOMLKeyLocator {
    /// 1-based (line, column) of `key` in the `index`-th (0-based) `[[name]]` entry, or of that entry's
    /// header when the key is not written there; nil when the file has fewer entries.
    public func position(of key: String?, inArray name: String, index: Int) -> (line: Int, column: Int)? {
        let headers = entries.indices.filter { entries[$0].isHeader && entries[$0].path == [name] }
        guard headers.indices.contains(index) else { return nil }
        let start = headers[index]
        let header = entries[start]
        if let key {
            for entry in entries[(start + 1)...] {
                if entry.isHeader { break }
                if entry.path == [name, key] { return (entry.line, entry.column) }
            }
        }
        return (header.line, 1)
    }
}
