/// Streams one 200 answer: the script's steps through a protocol encoder onto the wire, with the
/// scenario's pacing. Stops quietly as soon as the client is gone.
struct FaultPlayer {
    let scenario: FaultScenario
    let writer: ResponseWriter

    private var isDrip: Bool { scenario.mode == .drip }
    /// Seconds between tokens (or between bytes when dripping).
    private var delay: Double { Double(scenario.delayMilliseconds ?? (isDrip ? 1000 : 0)) / 1000 }

    func play(encoder: inout any FaultStreamEncoder, headers: [(String, String)]) {
        writer.writeHead(
            status: 200,
            headers: headers + [("content-type", encoder.contentType), ("cache-control", "no-cache")],
            framing: .chunked
        )
        guard send(encoder.start()) else { return }
        var script = FaultScript(scenario: scenario)
        while let step = script.next() {
            switch step {
            case .reasoning(let token):
                guard send(encoder.reasoning(token)), pause() else { return }
            case .text(let token):
                guard send(encoder.text(token)), pause() else { return }
            case .malformed:
                guard send(encoder.malformed()) else { return }
            case .finish:
                guard send(encoder.finish() + encoder.closing()) else { return }
                writer.end()
            case .midstreamError:
                guard send(encoder.midstreamError() + encoder.closing()) else { return }
                writer.end()
                writer.close()
            case .reset:
                // A reset makes the client's kernel drop bytes it has not read yet; give it a moment
                // so the tokens before the reset really arrive, as they would from a distant server.
                writer.sleep(0.1)
                writer.reset()
            case .cut:
                writer.end()
                writer.close()
            case .stall:
                writer.waitForHangUp(timeout: 3600)
            }
        }
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        guard isDrip else { return writer.write(bytes) }
        for byte in bytes {
            guard writer.write([byte]), writer.sleep(delay) else { return false }
        }
        return true
    }

    private func pause() -> Bool {
        isDrip || delay <= 0 ? true : writer.sleep(delay)
    }
}
