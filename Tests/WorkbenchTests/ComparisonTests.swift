import Providers
import TerminalUI
import Testing
@testable import Workbench

/// Instruction variants, comparison grids, concurrent cells, blind judging and the cost estimate.
@Suite struct ComparisonTests {
    /// Three variants on one input.
    static func threeVariants() -> WorkbenchHarness {
        var h = WorkbenchHarness()
        h.key("M-3")
        h.type("The cat sat on the mat.")
        h.key("M-2")
        h.type("Summarise:")
        h.key("M-n")
        h.type("Translate to French:")
        h.key("M-d")
        h.key("F2")
        for _ in 0..<20 { h.key("Backspace") }
        h.type("formal French")
        h.key("Enter")
        return h
    }

    @Test func variantsAddDuplicateRenameReorderDelete() {
        var h = Self.threeVariants()
        #expect(h.state.variants.map(\.name) == ["instruction 1", "instruction 2", "formal French"])
        #expect(h.state.variants.map(\.editor.text) == ["Summarise:", "Translate to French:", "Translate to French:"])
        #expect(h.state.activeVariant == 2)
        h.key("M-<")
        #expect(h.state.variants.map(\.name) == ["instruction 1", "formal French", "instruction 2"])
        #expect(h.state.activeVariant == 1)
        h.key("M-,")
        #expect(h.state.instruction.text == "Summarise:")
        h.key("M-x")
        h.type("y")
        #expect(h.state.variants.map(\.name) == ["formal French", "instruction 2"])
        // The prompt uses the active variant; the others share the input.
        #expect(h.state.prompt.instruction == "Translate to French:")
        #expect(h.state.prompt(variant: 1).input == "The cat sat on the mat.")
    }

    @Test func instructionsTimesOneModelRunsEveryCellInOneGroup() throws {
        var h = Self.threeVariants()
        #expect(h.key("C-g").isEmpty)
        guard case .gridSetup(let setup) = h.state.overlay else { Issue.record("Ctrl-G opens the comparison setup"); return }
        #expect(setup.cells.count == 3)
        #expect(setup.shape == "3 instructions × 1 model = 3 cells")
        let effects = h.key("C-r")
        let group = try #require(effects.compactMap { if case .startGroup(let g) = $0 { g } else { nil } }.first)
        #expect(group.kind == .instructions)
        #expect(group.runs.map { $0.request.messages.last?.content } == [
            "Summarise:\n\nThe cat sat on the mat.", "Translate to French:\n\nThe cat sat on the mat.", "Translate to French:\n\nThe cat sat on the mat.",
        ])
        #expect(group.runs.allSatisfy { $0.groupID == group.groupID })
        #expect(h.state.comparison?.columns.map(\.title) == ["instruction 1", "instruction 2", "formal French"])
        #expect(h.state.comparison?.visible == true)
    }

    @Test func oneInstructionTimesTwoModelsInstructVersusBase() throws {
        var h = WorkbenchHarness()
        h.type("Once upon a time")
        h.key("C-g")
        h.key("a")
        h.type("gemma")
        h.key("Enter")
        guard case .gridSetup(let setup) = h.state.overlay else { Issue.record("back to the setup after adding a model"); return }
        #expect(setup.cells.map(\.model.description) == ["local:smollm2-135m-instruct", "local:gemma3-270m"])
        #expect(setup.cells.map(\.mode) == [.chat, .rawCompletion], "the base model runs in raw completion mode")
        let group = try #require(h.key("C-r").compactMap { if case .startGroup(let g) = $0 { g } else { nil } }.first)
        #expect(group.kind == .models)
        #expect(group.models.map(\.description) == ["local:smollm2-135m-instruct", "local:gemma3-270m"])
        #expect(group.runs[1].request.mode == .rawCompletion)
    }

    @Test func aFailedCellDoesNotStopTheOthersAndRetriesAlone() throws {
        var h = Self.threeVariants()
        h.key("C-g")
        let group = try #require(h.key("C-r").compactMap { if case .startGroup(let g) = $0 { g } else { nil } }.first)
        let ids = group.runs.map(\.runID)
        h.send(.part(runID: ids[0], .textDelta("A cat sat.")))
        h.send(.part(runID: ids[1], .textDelta("Le chat")))
        h.send(.part(runID: ids[1], .error(ProviderError(kind: .streamCut, message: "the stream ended before [DONE]"))))
        h.send(.runEnded(runID: ids[1]))
        h.send(.part(runID: ids[2], .textDelta("Le chat s'est assis.")))
        h.send(.runEnded(runID: ids[0]))
        h.send(.runEnded(runID: ids[2]))
        #expect(h.state.runs.filter { ids.contains($0.id) }.map(\.phase) == [.finished, .failed, .finished])
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("✖ the stream ended before [DONE]"))
        #expect(screen.contains("Le chat s'est assis."))
        let retry = h.key("R")
        #expect(retry.count == 1)
        guard case .startRun(let again) = retry.first else { Issue.record("R retries the failed cell"); return }
        #expect(again.request == group.runs[1].request)
        #expect(again.groupID == group.groupID)
        #expect(h.state.comparison?.columns[1].runID == again.runID)
    }

    @Test func blindVerdictHidesNamesRecordsAndSummarises() throws {
        var h = WorkbenchHarness()
        h.type("Hello")
        h.key("C-g")
        h.key("a")
        h.type("gemma")
        h.key("Enter")
        let group = try #require(h.key("C-r").compactMap { if case .startGroup(let g) = $0 { g } else { nil } }.first)
        for run in group.runs {
            h.send(.part(runID: run.runID, .textDelta("an answer \(run.runID)")))
            h.send(.runEnded(runID: run.runID))
        }
        h.key("b")
        let blind = try #require(h.state.comparison?.blind)
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("BLIND"))
        #expect(!screen.contains("smollm2") && !screen.contains("gemma3"), "names are hidden while judging")
        // "a" picks the column shown first as the winner.
        let effects = h.key("a")
        let verdict = try #require(effects.compactMap { if case .recordVerdict(let v) = $0 { v } else { nil } }.first)
        let winner = group.runs[blind.order[0]]
        #expect(verdict.ranking.first == winner.runID)
        #expect(verdict.blind && !verdict.tie && verdict.groupID == group.groupID)
        #expect(h.state.comparison?.blind?.revealed == true)
        #expect(h.render().lines.joined().contains("smollm2"), "names come back after the verdict")
        // A second verdict, a tie, then the summary.
        h.key("b")
        h.key("t")
        h.key("M-v")
        let summary = h.render().lines.joined(separator: "\n")
        #expect(summary.contains("By model"))
        let winnerRate = VerdictSummaryOverlay.rates(h.state.verdicts) { m, _ in m }.first { $0.name == winner.model.description }
        #expect(winnerRate?.wins == 1.5 && winnerRate?.games == 2)
    }

    @Test func budgetAsksBeforeAnExpensiveComparison() throws {
        var h = WorkbenchHarness(model: "anthropic:claude-haiku-4-5")
        h = WorkbenchHarness(model: "anthropic:claude-haiku-4-5", budget: 0.001)
        h.type(String(repeating: "word ", count: 400))
        h.key("C-g")
        guard case .gridSetup(let setup) = h.state.overlay else { Issue.record("setup"); return }
        #expect(setup.estimate.usd > 0.001)
        #expect(h.key("C-r").isEmpty)
        guard case .confirm = h.state.overlay else { Issue.record("over budget: asks first"); return }
        let effects = h.key("y")
        #expect(effects.contains { if case .startGroup = $0 { true } else { false } })
    }

    @Test func providerTokenCountsReplaceTheEstimate() throws {
        var h = WorkbenchHarness(model: "anthropic:claude-haiku-4-5")
        h.type("Hi")
        let effects = h.key("C-g")
        let counting = try #require(effects.compactMap { if case .countTokens(let c) = $0 { c } else { nil } }.first)
        #expect(counting.map(\.cell) == [0])
        h.send(.tokensCounted([0: 4000]))
        guard case .gridSetup(let setup) = h.state.overlay else { Issue.record("setup"); return }
        #expect(setup.cells[0].countedInputTokens == 4000)
        #expect(setup.estimate.inputTokens == 4000 && setup.estimate.countedCells == 1)
        #expect(abs(setup.estimate.usd - (4000 * 1 + 1024 * 5) / 1e6) < 1e-12)
        #expect(h.render().lines.joined().contains("counted by the provider"))
    }
}
