import Foundation
import Providers
import Sessions

/// One run of `refract run` being saved: parts as they stream, the session's ticker saving a quiet
/// stream's last words (so `kill -9` loses at most ~50 ms of text), and the ending with its cost.
final class RunRecording: Sendable {
    let recorder: RunRecorder
    private let session: SessionRecording

    init(recorder: RunRecorder, session: SessionRecording) {
        self.recorder = recorder
        self.session = session
        session.ticker.add(recorder, report: session.warn)
    }

    deinit { session.ticker.remove(recorder) }

    func record(_ part: StreamPart) {
        if let error = recorder.record(part) { session.warn(error) }
    }

    /// Saves the end: cost, then `finished`, or `failed` (a cancelled run is failed with kind `cancelled`, its partial text kept).
    func end(meter: RunMeter, cancelled: Bool) {
        session.ticker.remove(recorder)
        let cost = Self.cost(of: meter)
        let error = cancelled ? recorder.cancel(cost: cost) : recorder.finish(cost: cost)
        if let error { session.warn(error) }
    }

    /// The run's cost as the stats line shows it (usage when reported, else the meter's estimate); nil when unpriced.
    static func cost(of meter: RunMeter) -> RunCost? {
        guard let price = meter.price, let usd = meter.cost else { return nil }
        return RunCost(
            usd: usd,
            price: PriceRecord(price)
        )
    }
}
