import Foundation
import Testing

/// A session exported with `refract sessions export --format json`, read with JSONSerialization.
struct SessionExport {
    let object: [String: Any]

    init(_ json: String) throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        object = try #require(parsed as? [String: Any], "the JSON export is not an object: \(json.prefix(200))")
    }

    var runs: [[String: Any]] { object["runs"] as? [[String: Any]] ?? [] }
    var title: String? { (object["session"] as? [String: Any])?["title"] as? String }

    func run(_ index: Int) throws -> [String: Any] {
        try #require(index < runs.count, "the export has \(runs.count) runs")
        return runs[index]
    }
}
