import Platform
import Foundation
import RefractTestSupport
import Testing
@testable import TerminalUI

@Suite struct MemoryTerminalTests {
    @Test func applyingRunsReproducesEachFrame() {
        let terminal = MemoryTerminal(width: 12, height: 3)
        var previous: CellBuffer?
        var rng = SplitMix64(seed: 99)
        let words = ["日本", "ab", "😀", "e\u{301}x", " ", "wide語", "zz", "中"]
        for frameIndex in 0..<60 {
            var frame = previous ?? CellBuffer(width: 12, height: 3)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let word = words.randomElement(using: &rng) ?? "a"
                frame.write(word, x: Int.random(in: 0..<12, using: &rng), y: Int.random(in: 0..<3, using: &rng),
                            style: Style(foreground: .indexed(UInt8(frameIndex % 3))))
            }
            frame.cursor = (frameIndex % 12, frameIndex % 3)
            terminal.present(frame, changes: frame.changes(since: previous))
            #expect(terminal.screen == frame, "frame \(frameIndex)")
            #expect(terminal.screenMatchesLastFrame)
            previous = frame
        }
        #expect(terminal.frameCount == 60)
    }

    @Test func countsOnlyTheCellsThatChanged() {
        let terminal = MemoryTerminal(width: 10, height: 2)
        var frame = CellBuffer(width: 10, height: 2)
        terminal.present(frame, changes: frame.changes(since: nil))
        #expect(terminal.cellsWritten == 20)
        let before = frame
        frame.write("日x", x: 0, y: 1)
        terminal.present(frame, changes: frame.changes(since: before))
        #expect(terminal.cellsWritten == 22)
        expectScreen(terminal.screen, ["", "日x"])
    }

    @Test func anIncompleteDiffShows() {
        let terminal = MemoryTerminal(width: 5, height: 1)
        var frame = CellBuffer(width: 5, height: 1)
        terminal.present(frame, changes: frame.changes(since: nil))
        frame.write("hi", x: 0, y: 0)
        terminal.present(frame, changes: [])
        #expect(!terminal.screenMatchesLastFrame)
    }

    @Test func scriptedEventsAndResize() {
        let terminal = MemoryTerminal(width: 10, height: 4)
        terminal.type("hi")
        terminal.enqueue(.key(KeyPress(.enter)))
        #expect(terminal.waitForEvents(timeoutMilliseconds: 0) == [
            .key(KeyPress(.char("h"))), .key(KeyPress(.char("i"))), .key(KeyPress(.enter)),
        ])
        #expect(terminal.waitForEvents(timeoutMilliseconds: 0).isEmpty)
        terminal.resize(width: 20, height: 5)
        #expect(terminal.width == 20)
        #expect(terminal.waitForEvents(timeoutMilliseconds: 0) == [.resize(width: 20, height: 5)])
    }

    @Test func wakerReleasesAWaitingLoop() async {
        let terminal = MemoryTerminal()
        let waker = terminal.waker
        let waiting = Task.detached { terminal.waitForEvents(timeoutMilliseconds: nil) }
        // Whether the wake lands before or during the wait, the wait must return.
        waker.wake()
        let events = await waiting.value
        #expect(events.isEmpty)
    }

    @Test func eventsFromAnotherThreadReleaseAWaitingLoop() async {
        let terminal = MemoryTerminal()
        let waiting = Task.detached { terminal.waitForEvents(timeoutMilliseconds: nil) }
        terminal.enqueue(.paste("text"))
        #expect(await waiting.value == [.paste("text")])
    }

    @Test func resumeForcesAFullRedraw() {
        let terminal = MemoryTerminal(width: 4, height: 1)
        var frame = CellBuffer(width: 4, height: 1)
        frame.write("ab", x: 0, y: 0)
        terminal.present(frame, changes: frame.changes(since: nil))
        terminal.suspend()
        #expect(terminal.isSuspended)
        terminal.resume()
        #expect(!terminal.screenMatchesLastFrame)
        terminal.present(frame, changes: frame.changes(since: nil))
        #expect(terminal.screenMatchesLastFrame)
        terminal.copyToClipboard("copied")
        terminal.shutdown()
        #expect(terminal.clipboard == ["copied"])
        #expect(terminal.isShutDown)
        #expect(terminal.suspendCount == 1)
    }
}
