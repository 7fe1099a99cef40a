import Foundation
import Providers
import TOMLKit

/// A parsed TOML value as JSON. TOML tables come back from the library with their keys sorted; where the
/// order written matters (a response schema), `TOMLInlineJSON` reads the source instead.
public enum TOMLValueJSON {
    public static func json(_ value: TOMLValueConvertible) -> JSON {
        if let s = value.string { return .string(s) }
        if let n = value.int { return .number(Double(n)) }
        if let d = value.double { return .number(d) }
        if let b = value.bool { return .bool(b) }
        if let a = value.array { return .array(a.map { json($0) }) }
        if let t = value.table { return .object(t.keys.sorted().compactMap { k in t[k].map { (k, json($0)) } }) }
        return .null
    }
}
