import Foundation
import Testing
@testable import Providers

/// Every real recorded stream decodes to its text, usage, finish and error, whole and in small reads.
@Suite struct RecordedStreamTests {
    @Test(arguments: Recorded.all)
    func decodesToWhatWasRecorded(_ recorded: Recorded) throws {
        let parts = SplitFeeding.partsAllWays(recorded.protocolName, try recorded.body())
        let run = SplitFeeding.run(parts)
        #expect(run.text.unicodeScalars.count == recorded.text.count, "text: \(run.text.prefix(80))")
        #expect(run.text.hasPrefix(recorded.text.prefix), "text: \(run.text.prefix(80))")
        #expect(run.reasoning.unicodeScalars.count == recorded.reasoningScalars)
        #expect(run.reportedFinish?.kind.rawValue == recorded.finish)
        #expect(run.usage ?? Usage() == recorded.usage)
        #expect(run.error?.kind.rawValue == recorded.errorKind, "\(String(describing: run.error))")
    }

    /// The list above covers every capture in the folder except the framer-only byte sequences.
    @Test func everyRecordedFileIsChecked() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Recorded.folder.path).filter { $0.hasSuffix(".txt") }
        let framerOnly: Set = ["sdk-unit-01.txt", "sdk-unit-03.txt", "sdk-unit-04.txt"]
        #expect(Set(files).subtracting(framerOnly) == Set(Recorded.all.map(\.file)))
        #expect(files.count == 32)
    }
}
