import Foundation
import TerminalUI
import Testing

/// Compares a rendered screen with a snapshot file `__Snapshots__/<name>.txt` beside the test file.
/// A missing or different snapshot fails and prints both screens; `REFRACT_RECORD_SNAPSHOTS=1` writes
/// the current screen instead (and still fails, so a recording run is never mistaken for a passing one).
public func expectSnapshot(
    _ buffer: CellBuffer, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = buffer.lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["REFRACT_RECORD_SNAPSHOTS"] != nil {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded \(file.lastPathComponent); review it, then run again without REFRACT_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expectedText = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(file.path): run with REFRACT_RECORD_SNAPSHOTS=1 to record it, then review it", sourceLocation: sourceLocation)
        return
    }
    var expected = expectedText.components(separatedBy: "\n")
    if expected.last == "" { expected.removeLast() }
    if let mismatch = ScreenComparison.mismatch(buffer, expected) {
        Issue.record("screen differs from \(file.lastPathComponent):\n\(mismatch)", sourceLocation: sourceLocation)
    }
}
