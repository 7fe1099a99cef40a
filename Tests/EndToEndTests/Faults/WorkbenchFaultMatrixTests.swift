import Foundation
import RefractTestSupport
import Testing

/// Every fault mode in the real workbench (tmux), each row on one protocol (the rows take turns): the
/// run ends with one clear line in the pane, the partial answer stays on screen and in the session
/// with the run marked failed, keys still work, and Ctrl-R tries again.
@Suite(.serialized) struct WorkbenchFaultMatrixTests {
    /// The matrix rows the workbench can run quickly (the 50 MB answer has its own test).
    static let rows: [(HeadlessFault, FaultProtocol)] = HeadlessFault.all
        .filter { !$0.mode.hasPrefix("large-") }
        .enumerated().map { ($0.element, FaultProtocol.all[$0.offset % FaultProtocol.all.count]) }

    @Test(arguments: rows.map { "\($0.0.name) · \($0.1.name)" })
    func workbenchUnderFault(_ row: String) throws {
        let (fault, wire) = try #require(Self.rows.first { "\($0.0.name) · \($0.1.name)" == row })
        let server = try FaultServer()
        defer { server.stop() }
        let readTimeout = fault.arguments.contains("--read-timeout") ? 1 : 60
        let w = try WorkbenchFaultTests.workbench(server, model: wire.model(fault.mode), readTimeout: readTimeout, width: 200, height: 40)
        try w.tmux.waitForText("Write a prompt")
        try w.tmux.type("Say the pangram.")
        try w.keys("C-r")

        if fault.interrupt {
            try w.tmux.waitForText("The quick brown", timeout: 15)
            try w.escape()
        }
        let ended = try w.tmux.waitFor("the run to end", timeout: 30) { lines in
            // A finished run is waited for by its last line: tmux can be read while a frame is half written
            // (the title already says "stop", a long answer's rows not yet), which made this flaky under load.
            if fault.status == 0, !fault.interrupt { return lines.joined().contains("■ stop") }
            let top = lines.first ?? ""
            return top.contains(" failed ╮") || top.contains(" cancelled ╮") || top.contains(" stop ╮") || top.contains(" stop (end_turn) ╮")
        }
        let screen = ended.joined(separator: "\n")
        if fault.status == 0 {
            #expect(screen.contains("■ stop"), "\(screen)")
        } else if fault.interrupt {
            #expect(screen.contains("■ cancelled (the partial answer above is kept)"), "\(screen)")
        } else {
            #expect(screen.contains("✖ "), "\(screen)")
            if let says = fault.says { #expect(screen.contains(says), "one clear line saying \(says):\n\(screen)") }
            if !fault.answer.isEmpty { #expect(screen.contains("above is kept)"), "\(screen)") }
        }
        if !fault.answer.isEmpty, fault.answer.hasPrefix("The quick") { #expect(screen.contains("The quick"), "the (partial) answer is on screen") }

        // Still responsive: a key typed now is drawn.
        try w.tmux.type(" Again?")
        try w.tmux.waitForText("Say the pangram. Again?", timeout: 5)

        // The user's retry gets the whole answer.
        if fault.userRetrySucceeds {
            try w.keys("C-r")
            try w.tmux.waitForText("■ stop", timeout: 30)
            #expect(w.screen.contains("The quick brown fox jumps over the lazy dog."))
        }
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)

        let runs = try WorkbenchFaultTests.savedRuns(w)
        let first = try #require(runs.first)
        let outcome = fault.interrupt ? "failed" : fault.outcome
        #expect(first["outcome"] as? String == outcome, "\(first)")
        if !fault.errorKinds.isEmpty {
            let kind = (first["error"] as? [String: Any])?["kind"] as? String ?? "none"
            #expect(fault.errorKinds.contains(kind), "saved error kind \(kind)")
        }
        if !fault.interrupt, fault.answerBytes == nil, fault.mode != "hostile" {
            #expect(first["answer"] as? String ?? "" == fault.answer)
        }
        if fault.userRetrySucceeds { #expect(runs.last?["outcome"] as? String == "finished") }
    }
}
