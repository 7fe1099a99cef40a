import Foundation
import TOMLKit

/// Prices by `provider:model`, loaded from `data/prices.toml` and the user's config.
public struct PriceTable: Sendable, Equatable {
    public private(set) var rows: [String: Price]

    public init(rows: [String: Price] = [:]) { self.rows = rows }

    /// The price for a model: the exact row, else the row of its undated name
    /// (`claude-sonnet-4-5-20250929` → `claude-sonnet-4-5`, `gpt-4o-2024-08-06` → `gpt-4o`). Nil = unpriced.
    public func price(for ref: ModelRef) -> Price? {
        if let exact = rows[ref.description] { return exact }
        let undated = Self.withoutDateSuffix(ref.model)
        if undated != ref.model, let row = rows[ModelRef(provider: ref.provider, model: undated).description] { return row }
        return nil
    }

    /// Adds or replaces rows (user overrides win).
    public mutating func merge(_ other: PriceTable) {
        rows.merge(other.rows) { _, new in new }
    }

    /// Strips a `-YYYYMMDD` or `-YYYY-MM-DD` suffix (plain character checks: no regex at start-up).
    static func withoutDateSuffix(_ model: String) -> String {
        let chars = Array(model.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { (48...57).contains(chars[$0]) } }
        let n = chars.count
        if n > 9, chars[n - 9] == UInt8(ascii: "-"), digits((n - 8)..<n) { return String(decoding: chars[0..<(n - 9)], as: UTF8.self) }
        if n > 11, chars[n - 11] == UInt8(ascii: "-"), digits((n - 10)..<(n - 6)), chars[n - 6] == UInt8(ascii: "-"),
           digits((n - 5)..<(n - 3)), chars[n - 3] == UInt8(ascii: "-"), digits((n - 2)..<n) {
            return String(decoding: chars[0..<(n - 11)], as: UTF8.self)
        }
        return model
    }

    /// Parses a price file (`[[price]]` rows with `model`, `input`, `output`, optional `cache_read`,
    /// `cache_write`, `source`, `checked`).
    public static func parse(_ text: String, file: String) throws(PriceTableError) -> PriceTable {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw PriceTableError(file: file, line: e.source.begin.line, message: e.description)
        } catch {
            throw PriceTableError(file: file, line: nil, message: "\(error)")
        }
        var result = PriceTable()
        guard let list = table["price"]?.array else { return result }
        for (i, value) in list.enumerated() {
            guard let row = value.table else { throw PriceTableError(file: file, line: nil, message: "price row \(i + 1) is not a table") }
            guard let model = row["model"]?.string, ModelRef(model) != nil else {
                throw PriceTableError(file: file, line: nil, message: "price row \(i + 1): model must be \"provider:model\"")
            }
            func number(_ key: String) -> Double? { row[key]?.double ?? row[key]?.int.map(Double.init) }
            guard let input = number("input"), let output = number("output") else {
                throw PriceTableError(file: file, line: nil, message: "price row \(i + 1) (\(model)): input and output prices are required")
            }
            result.rows[model] = Price(
                input: input, output: output, cacheRead: number("cache_read"), cacheWrite: number("cache_write"),
                source: row["source"]?.string ?? file, checked: row["checked"]?.string
            )
        }
        return result
    }

    /// Loads a price file from disk.
    public static func load(_ url: URL) throws(PriceTableError) -> PriceTable {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw PriceTableError(file: url.path, line: nil, message: "cannot read the file")
        }
        return try parse(text, file: url.path)
    }
}

/// A price file that could not be read.
public struct PriceTableError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
