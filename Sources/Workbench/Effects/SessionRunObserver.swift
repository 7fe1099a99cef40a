import Evaluation
import Foundation
import Platform
import Providers
import Sessions
import Synchronization

/// Records every workbench run into one session file: created on the first run (opening and quitting
/// leaves nothing behind), one `RunRecorder` per run, text coalesced per ~50 ms. A folder that cannot
/// be written becomes a warning; the workbench keeps the runs in memory and goes on.
public final class SessionRunObserver: RunObserver {
    private struct Active {
        let recorder: RunRecorder
        let model: ModelRef
        let protocolName: ProtocolName?
    }

    private struct State {
        var writer: SessionWriter?
        var active: [String: Active] = [:]
        var lastWarning: String?
        /// Workbench run id → session run number (the browser and re-run refer to runs by number).
        var numbers: [String: Int] = [:]
        /// Workbench group id → session group number.
        var groups: [String: Int] = [:]
    }

    public let store: SessionStore
    private let refractVersion: String
    private let prices: PriceTable
    private let protocols: [String: ProtocolName]
    private let state = Mutex(State())
    private let warningHandler = Mutex<(@Sendable (String?) -> Void)?>(nil)
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    /// Records into `store` (its folder, and its scrubber for keys that must never reach the file).
    public init(store: SessionStore, refractVersion: String, prices: PriceTable, providers: [ProviderSpec]) {
        self.store = store
        self.refractVersion = refractVersion
        self.prices = prices
        self.protocols = Dictionary(providers.map { ($0.name, $0.protocolName) }, uniquingKeysWith: { _, b in b })
    }

    deinit {
        ticker.withLock { $0?.cancel() }
    }

    /// Where warnings go (the loop's queue); set once the loop exists.
    public func onWarning(_ handler: @escaping @Sendable (String?) -> Void) {
        warningHandler.withLock { $0 = handler }
    }

    /// The session file being written, once the first run started.
    public var currentFile: URL? { state.withLock { $0.writer?.file } }

    /// The session run number of a workbench run.
    public func runNumber(of runID: String) -> Int? { state.withLock { $0.numbers[runID] } }

    /// Opens the session file on first use; returns a warning when it cannot be written.
    private func ensureWriter(_ s: inout State, title: String) -> String? {
        guard s.writer == nil else { return nil }
        do throws(SessionError) {
            s.writer = try store.create(title: title, refractVersion: refractVersion)
            return nil
        } catch {
            return "not saving: \(error.message) — runs are kept on screen only"
        }
    }

    public func groupStarted(_ group: GroupRequest) {
        let warning: String? = state.withLock { s in
            let warning = ensureWriter(&s, title: SessionTitle.make(for: group.runs.map(\.prompt)))
            guard let writer = s.writer else { return warning }
            let number = writer.allocateGroup()
            s.groups[group.groupID] = number
            do throws(SessionError) {
                try writer.append(.groupStarted(GroupStarted(group: number, at: Date(), kind: group.kind,
                                                             instructions: group.instructions, models: group.models, cases: group.cases)))
                return warning
            } catch {
                return "not saving: \(error.message) — runs are kept on screen only"
            }
        }
        report(warning)
    }

    public func verdict(_ verdict: VerdictRequest) {
        let warning: String? = state.withLock { s in
            guard let writer = s.writer, let groupID = verdict.groupID, let group = s.groups[groupID] else { return nil }
            let runs = verdict.ranking.compactMap { s.numbers[$0] }
            let outcome: Verdict.Outcome = verdict.tie ? .tie : (runs.count == 2 ? .winner(runs[0]) : .ranking(runs))
            do throws(SessionError) {
                try writer.append(.verdict(Verdict(group: group, at: Date(), outcome: outcome, blind: verdict.blind)))
                return nil
            } catch {
                return "not saving: \(error.message) — runs are kept on screen only"
            }
        }
        report(warning)
    }

    public func checkResults(_ runID: String, _ results: [CheckResult]) {
        let warning: String? = state.withLock { s in
            guard let writer = s.writer, let run = s.numbers[runID] else { return nil }
            do throws(SessionError) {
                for (index, c) in results.enumerated() {
                    try writer.append(.checkResult(CheckResultEvent(
                        run: run, index: index, name: c.name, check: c.type, result: c.status.rawValue, reason: c.reason, weight: c.weight,
                        judge: c.judge.map { .init(model: $0.model, prompt: $0.prompt, answer: $0.answer, usd: $0.costUSD) }
                    )))
                }
                return nil
            } catch {
                return "not saving: \(error.message) — runs are kept on screen only"
            }
        }
        report(warning)
    }

    public func runStarted(_ run: RunRequest, at time: Double) {
        let warning: String? = state.withLock { s in
            let warning = ensureWriter(&s, title: SessionTitle.make(for: [run.prompt]))
            guard let writer = s.writer else { return warning }
            // A branch names its parent by session number; one whose parent was not recorded here (loaded
            // from another file) keeps its prefix and token with parent 0.
            let branch = run.branch.map {
                BranchPoint(of: s.numbers[$0.parentID] ?? 0, token: $0.tokenIndex, chosen: $0.chosen, prefix: $0.prefix)
            }
            let recorder = writer.beginRun(
                prompt: run.prompt, model: run.model, protocolName: protocols[run.model.provider]?.rawValue,
                params: run.request.parameters, mode: run.request.mode, group: run.groupID.flatMap { s.groups[$0] },
                label: run.label, variant: run.variant, branch: branch,
                tools: RecordedTool.of(run.request), toolChoice: RecordedTool.choice(run.request)
            )
            s.active[run.runID] = Active(recorder: recorder, model: run.model, protocolName: protocols[run.model.provider])
            s.numbers[run.runID] = recorder.run
            return warning
        }
        report(warning)
        startTicking()
    }

    /// Ticks only while something streams, so an idle workbench wakes no one.
    private func startTicking() {
        ticker.withLock { ticker in
            guard ticker == nil else { return }
            ticker = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(50))
                    self?.tickAll()
                }
            }
        }
    }

    public func runPart(_ runID: String, _ part: StreamPart, at time: Double) {
        guard let active = state.withLock({ $0.active[runID] }) else { return }
        report(active.recorder.record(part))
    }

    public func runEnded(_ runID: String, cancelled: Bool, at time: Double) {
        guard let (active, idle) = state.withLock({ s -> (Active, Bool)? in
            guard let a = s.active.removeValue(forKey: runID) else { return nil }
            return (a, s.active.isEmpty)
        }) else { return }
        if idle { ticker.withLock { $0?.cancel(); $0 = nil } }
        let cost = runCost(active)
        report(cancelled ? active.recorder.cancel(cost: cost) : active.recorder.finish(cost: cost))
    }

    /// Flushes text windows of quiet streams (a stream that pauses still gets its text on disk).
    private func tickAll() {
        let recorders = state.withLock { Array($0.active.values) }
        for active in recorders { report(active.recorder.tick()) }
    }

    private func runCost(_ active: Active) -> RunCost? {
        guard let usage = active.recorder.accumulator.usage, let price = prices.price(for: active.model),
              let usd = CostCalculator.cost(of: usage, at: price, protocol: active.protocolName) else { return nil }
        return RunCost(usd: usd, price: PriceRecord(price))
    }

    private func report(_ error: SessionError?) {
        guard let error else { return }
        report("not saving: \(error.message) — runs are kept on screen only")
    }

    private func report(_ warning: String?) {
        guard let warning else { return }
        let isNew = state.withLock { s in
            defer { s.lastWarning = warning }
            return s.lastWarning != warning
        }
        if isNew { warningHandler.withLock { $0 }?(warning) }
    }
}
