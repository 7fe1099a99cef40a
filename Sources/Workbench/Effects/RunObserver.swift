import Evaluation
import Foundation
import Providers

/// Sees every run's parts as they stream (the session recorder); called off the UI thread.
public protocol RunObserver: Sendable {
    func runStarted(_ run: RunRequest, at time: Double)
    func runPart(_ runID: String, _ part: StreamPart, at time: Double)
    /// The stream closed; `cancelled` when the user stopped it.
    func runEnded(_ runID: String, cancelled: Bool, at time: Double)
    /// A comparison starts; its runs follow with `groupID` set.
    func groupStarted(_ group: GroupRequest)
    /// A verdict on a comparison's runs.
    func verdict(_ verdict: VerdictRequest)
    /// An evaluation cell's check results, recorded after its run ended.
    func checkResults(_ runID: String, _ results: [CheckResult])
    /// The session file this observer is writing, once it has one (the browser marks it as current).
    var currentFile: URL? { get }
}

extension RunObserver {
    /// Observers that do not record evaluations ignore check results.
    public func checkResults(_ runID: String, _ results: [CheckResult]) {}

    /// An observer that saves nothing has no file.
    public var currentFile: URL? { nil }
}
