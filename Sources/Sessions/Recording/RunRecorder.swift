import Foundation
import Providers
import Synchronization

/// Records one live run into a session: the path both the workbench and `refract run` take.
///
/// Feed it every stream part as it arrives; it timestamps them, coalesces deltas and appends events
/// to the sink. A failed write never stops the run: the first failure is kept in `writeError` (and
/// returned once) for the UI to show, and the run stays complete in `accumulator`.
public final class RunRecorder: Sendable {
    public let started: RunStarted
    private let sink: (any SessionEventSink)?
    private let elapsedMs: @Sendable () -> Int
    private let state: Mutex<State>

    private struct State {
        var builder: RunEventBuilder
        var writeError: SessionError?
        var failedWrites = 0
    }

    /// Starts recording: writes `run_started` now. `elapsedMs` overrides the clock (tests); by default
    /// offsets are measured on the monotonic clock from this call.
    public init(started: RunStarted, sink: (any SessionEventSink)?, windowMs: Int = 50, elapsedMs: (@Sendable () -> Int)? = nil) {
        self.started = started
        self.sink = sink
        if let elapsedMs {
            self.elapsedMs = elapsedMs
        } else {
            let start = ContinuousClock.now
            self.elapsedMs = {
                let d = start.duration(to: .now).components
                return Int(d.seconds) * 1000 + Int(d.attoseconds / 1_000_000_000_000_000)
            }
        }
        var builder = RunEventBuilder(run: started.run, windowMs: windowMs)
        builder.schema = started.prompt.schema
        builder.schemaPrefix = started.branch?.prefix ?? ""
        state = Mutex(State(builder: builder))
        _ = perform { _ in [.runStarted(started)] }
    }

    public var run: Int { started.run }

    /// What the run produced so far.
    public var accumulator: RunAccumulator { state.withLock { $0.builder.accumulator } }

    /// The first failure to save, if any.
    public var writeError: SessionError? { state.withLock { $0.writeError } }

    /// How many events could not be saved.
    public var failedWrites: Int { state.withLock { $0.failedWrites } }

    /// Records one part. Returns a save failure the first time one happens (later ones only count).
    @discardableResult
    public func record(_ part: StreamPart) -> SessionError? {
        let ms = elapsedMs()
        return perform { $0.add(part, atMs: ms) }
    }

    /// Saves a window that has been open long enough; call from a timer (~every 50 ms) while streaming.
    @discardableResult
    public func tick() -> SessionError? {
        let ms = elapsedMs()
        return perform { $0.tick(atMs: ms) }
    }

    /// The stream ended (after its finish or error part): saves the cost and `finished` / `failed`.
    @discardableResult
    public func finish(cost: RunCost? = nil) -> SessionError? {
        let ms = elapsedMs()
        return perform { $0.end(atMs: ms, cost: cost) }
    }

    /// The user cancelled: saved as a failed run of kind `cancelled`, partial answer kept.
    @discardableResult
    public func cancel(cost: RunCost? = nil) -> SessionError? {
        let ms = elapsedMs()
        return perform { $0.cancel(atMs: ms, cost: cost) }
    }

    /// Builds and saves events under the lock, so the file keeps the order the parts arrived in.
    private func perform(_ make: (inout RunEventBuilder) -> [SessionEvent]) -> SessionError? {
        state.withLock { s -> SessionError? in
            let events = make(&s.builder)
            guard let sink else { return nil }
            var firstNew: SessionError?
            for event in events {
                do throws(SessionError) {
                    try sink.append(event)
                } catch {
                    s.failedWrites += 1
                    if s.writeError == nil {
                        s.writeError = error
                        firstNew = error
                    }
                }
            }
            return firstNew
        }
    }
}

extension SessionWriter {
    /// Allocates a run number, writes `run_started`, and returns the recorder for the run's parts.
    public func beginRun(
        prompt: PromptSnapshot, model: ModelRef, protocolName: String? = nil, params: GenerationParameters = .init(),
        mode: RequestMode = .chat, group: Int? = nil, label: String? = nil, variant: String? = nil, branch: BranchPoint? = nil,
        at date: Date = Date(), windowMs: Int = 50, elapsedMs: (@Sendable () -> Int)? = nil, tools: [RecordedTool] = [], toolChoice: String? = nil
    ) -> RunRecorder {
        var started = RunStarted(
            run: allocateRun(), group: group, at: date, prompt: prompt, model: model, protocolName: protocolName,
            params: params, mode: mode, label: label, variant: variant, branch: branch
        )
        started.tools = tools
        started.toolChoice = toolChoice
        return RunRecorder(started: started, sink: self, windowMs: windowMs, elapsedMs: elapsedMs)
    }
}
