import Foundation
import Providers
import Testing
@testable import Workbench

/// Prints screens as Swift literals when REFRACT_DUMP_SCREENS is set: a tool for writing screen tests
/// (review each screen by eye before pasting it into a test), not a test itself.
@Test(.enabled(if: ProcessInfo.processInfo.environment["REFRACT_DUMP_SCREENS"] != nil))
func dumpScreens() throws {
    var out = ""
    for (name, harness) in ScreenScenarios.all {
        out += "// \(name)\n"
        out += harness.render().lines.map { "            \"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"," }.joined(separator: "\n") + "\n"
    }
    try out.write(toFile: ProcessInfo.processInfo.environment["REFRACT_DUMP_SCREENS"]!, atomically: true, encoding: .utf8)
}

/// The states the screen tests draw.
enum ScreenScenarios {
    static var all: [(String, WorkbenchHarness)] {
        [("streaming80", streaming(80, 24)), ("streaming120", streaming(120, 40)), ("switcher", switcher()), ("help", help()), ("finished", finished(120, 12)),
         ("grid2x120", grid(columns: 2, 120, 40)), ("grid4x120", grid(columns: 4, 120, 40)), ("grid8x120", grid(columns: 8, 120, 40)),
         ("grid2x80", grid(columns: 2, 80, 24)), ("grid4x80", grid(columns: 4, 80, 24)), ("grid8x80", grid(columns: 8, 80, 24)),
         ("maximized", maximized()), ("diff", diff()), ("blind", blind()), ("gridSetup", gridSetup())]
    }

    static let answers = [
        "The cat sat on the mat and looked at the door.", "A cat was sitting on a mat.", "Le chat était assis sur le tapis.",
        "猫がマットの上に座っていた。", "The feline rested upon the rug 😀", "Cat. Mat. Sat.", "On the mat, a cat sat quietly.", "The mat had a cat on it.",
    ]

    /// `columns` instruction variants on the local model, all finished, with token usage.
    static func grid(columns: Int, _ w: Int, _ height: Int) -> WorkbenchHarness {
        var h = WorkbenchHarness(width: w, height: height)
        h.key("M-3")
        h.type("The cat sat on the mat.")
        h.key("M-2")
        h.type("Rewrite 1:")
        for i in 1..<columns {
            h.key("M-n")
            h.type("Rewrite \(i + 1):")
        }
        h.key("C-g")
        let group = h.key("C-r").compactMap { if case .startGroup(let g) = $0 { g } else { nil } }.first!
        for (i, run) in group.runs.enumerated() {
            h.advance(0.1)
            h.send(.part(runID: run.runID, .textDelta(answers[i % answers.count])))
            h.send(.part(runID: run.runID, .usage(Usage(input: 20 + i, output: 10 + 3 * i))))
            h.send(.part(runID: run.runID, .finish(FinishReason(.stop, raw: "stop"))))
            h.send(.runEnded(runID: run.runID))
        }
        return h
    }

    static func maximized() -> WorkbenchHarness {
        var h = grid(columns: 4, 80, 24)
        h.key("Right")
        h.key("m")
        return h
    }

    static func diff() -> WorkbenchHarness {
        var h = grid(columns: 2, 80, 24)
        h.key("d")
        return h
    }

    static func blind() -> WorkbenchHarness {
        var h = grid(columns: 2, 80, 24)
        h.key("b")
        return h
    }

    static func gridSetup() -> WorkbenchHarness {
        var h = WorkbenchHarness(width: 100, height: 24, model: "anthropic:claude-haiku-4-5")
        h.type("Hello {{name}}")
        h.key("M-4")
        h.key("Enter")
        h.type("Ada")
        h.key("Enter")
        h.key("M-n")
        h.type("Be formal.")
        h.key("C-g")
        return h
    }

    static func streaming(_ w: Int, _ h: Int) -> WorkbenchHarness {
        var harness = WorkbenchHarness(width: w, height: h)
        harness.key("M-2")
        harness.type("Answer in one short paragraph.")
        harness.key("M-3")
        harness.type("Why is the sky blue? 日本 e\u{301} 😀")
        harness.key("C-r")
        let id = harness.lastRunID!
        harness.advance(0.25)
        harness.send(.part(runID: id, .textDelta("Sunlight scatters off the molecules of the air, and blue light, with its shorter wavelength, scatters the most, so the sky looks blue from every direction. ")))
        harness.advance(1.0)
        harness.send(.part(runID: id, .textDelta("At sunset the light crosses more air.")))
        return harness
    }

    static func switcher() -> WorkbenchHarness {
        var h = WorkbenchHarness(width: 80, height: 24)
        h.key("C-p")
        h.type("gem")
        return h
    }

    static func help() -> WorkbenchHarness {
        var h = WorkbenchHarness(width: 80, height: 24)
        h.key("F1")
        return h
    }

    static func finished(_ w: Int, _ height: Int) -> WorkbenchHarness {
        var h = WorkbenchHarness(width: w, height: height, model: "anthropic:claude-haiku-4-5")
        h.type("Hi")
        h.key("C-r")
        let id = h.lastRunID!
        h.advance(0.5)
        h.send(.part(runID: id, .reasoningDelta("The user greets me.")))
        h.advance(0.5)
        h.send(.part(runID: id, .textDelta("Hello! How can I help?")))
        h.send(.part(runID: id, .usage(Usage(input: 1200, output: 300, cacheRead: 1000))))
        h.send(.part(runID: id, .finish(FinishReason(.stop, raw: "end_turn"))))
        h.advance(1)
        h.send(.runEnded(runID: id))
        return h
    }
}
