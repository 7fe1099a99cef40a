import Evaluation
import Foundation
import Providers
import Sessions
import TerminalUI

extension WorkbenchReducer {
    /// Ctrl-G: every instruction variant on the current model, to be adjusted before running.
    func openGridSetup(_ state: inout WorkbenchState) -> [Effect] {
        let cells = state.variants.indices.map {
            GridSetupState.Cell(variant: $0, model: state.model, parameters: state.parameters, mode: state.mode)
        }
        let setup = GridSetupState(cells: cells)
        state.overlay = .gridSetup(setup)
        return tokenCountEffects(setup, state)
    }

    /// Counting requests for the cells whose provider can count (only Anthropic today).
    func tokenCountEffects(_ setup: GridSetupState, _ state: WorkbenchState) -> [Effect] {
        let requests = setup.cells.enumerated().compactMap { i, cell -> TokenCountRequest? in
            guard providers[cell.model.provider]?.protocolName == .anthropic,
                  let request = try? state.prompt(variant: cell.variant).request(model: cell.model.model, parameters: cell.parameters, mode: cell.mode)
            else { return nil }
            return TokenCountRequest(cell: i, model: cell.model, request: request)
        }
        return requests.isEmpty ? [] : [.countTokens(requests)]
    }

    /// The cost estimate: counted or estimated input, and max tokens (or an assumption) of output per cell.
    func estimate(_ setup: GridSetupState, _ state: WorkbenchState) -> GridEstimate {
        var out = GridEstimate(usd: 0, unpricedCells: 0, inputTokens: 0, countedCells: 0)
        for cell in setup.cells where cell.enabled {
            let prompt = state.prompt(variant: cell.variant)
            let filled = [prompt.system, prompt.instruction, prompt.input].map { PromptTemplate.fill($0, with: prompt.variables) }
            let input = cell.countedInputTokens ?? (filled.reduce(0) { $0 + $1.unicodeScalars.count } + 3) / 4
            if cell.countedInputTokens != nil { out.countedCells += 1 }
            out.inputTokens += input
            guard let price = prices.price(for: cell.model) else {
                out.unpricedCells += 1
                continue
            }
            out.usd += CostCalculator.estimate(inputTokens: input, maxOutputTokens: cell.parameters.maxTokens ?? GridEstimate.assumedOutputTokens, at: price)
        }
        return out
    }

    func handleGridKey(_ press: KeyPress, _ setup: inout GridSetupState, _ state: inout WorkbenchState) -> [Effect] {
        if keymap.command(for: press, in: []) == .run { return startGrid(setup, &state, confirmedBudget: false) }
        let count = setup.cells.count
        switch keymap.command(for: press, in: [.grid]) {
        case .scrollUp: setup.list.moveSelection(by: -1, count: count)
        case .scrollDown: setup.list.moveSelection(by: 1, count: count)
        case .toggleCell:
            if let i = setup.list.selected, setup.cells.indices.contains(i) { setup.cells[i].enabled.toggle() }
        case .confirm:
            guard let i = setup.list.selected, setup.cells.indices.contains(i) else { return [] }
            var switcher = SwitcherState(parameters: setup.cells[i].parameters, mode: setup.cells[i].mode)
            switcher.list.selected = state.models.firstIndex { $0.ref == setup.cells[i].model } ?? 0
            switcher.gridTarget = .cell(i)
            switcher.gridSetup = setup
            state.overlay = .switcher(switcher)
            return [.refreshModels]
        case .addModel:
            var switcher = SwitcherState(parameters: state.parameters, mode: state.mode)
            switcher.gridTarget = .addModel
            switcher.gridSetup = setup
            state.overlay = .switcher(switcher)
            return [.refreshModels]
        case .removeModel:
            guard let i = setup.list.selected, setup.cells.indices.contains(i) else { return [] }
            let model = setup.cells[i].model
            guard Set(setup.cells.map(\.model)).count > 1 else {
                state.notice = Notice("a comparison needs at least one model", level: .info, expiresAt: state.now + 3)
                return []
            }
            setup.cells.removeAll { $0.model == model }
            setup.list = ListViewState(selected: min(i, setup.cells.count - 1))
        case .allVariants:
            let models = orderedModels(setup)
            let current = Set(setup.cells.map(\.variant))
            let variants = current.count > 1 ? [state.activeVariant] : Array(state.variants.indices)
            setup.cells = variants.flatMap { v in
                models.map { m in
                    let template = setup.cells.first { $0.model == m } ?? GridSetupState.Cell(variant: v, model: m, parameters: state.parameters, mode: state.mode)
                    return GridSetupState.Cell(variant: v, model: m, parameters: template.parameters, mode: template.mode)
                }
            }
            setup.list = ListViewState(selected: 0)
            return tokenCountEffects(setup, state)
        case .close, .cancel:
            state.overlay = nil
        default:
            break
        }
        return []
    }

    func orderedModels(_ setup: GridSetupState) -> [ModelRef] {
        var seen = Set<ModelRef>()
        return setup.cells.map(\.model).filter { seen.insert($0).inserted }
    }

    /// Runs every enabled cell as one session group; asks first when the estimate passes the budget.
    func startGrid(_ setup: GridSetupState, _ state: inout WorkbenchState, confirmedBudget: Bool) -> [Effect] {
        let cells = setup.cells.filter(\.enabled)
        guard !cells.isEmpty else {
            state.notice = Notice("every cell is left out: Space puts one back", level: .info, expiresAt: state.now + 4)
            return []
        }
        let prompt = state.prompt
        if let first = prompt.missingVariables.first {
            state.overlay = nil
            state.notice = Notice("no value for {{\(first)}}: type one in the Variables table (Enter edits)", level: .error)
            state.focus = .variables
            state.variables.selected = state.variables.names.firstIndex(of: first) ?? 0
            return []
        }
        let cost = estimate(setup, state)
        if !confirmedBudget, let budget, cost.usd > budget {
            state.overlay = .confirm(ConfirmState(
                message: "This comparison may cost up to \(MeterFormat.usd(cost.usd)), over your budget of \(MeterFormat.usd(budget)) (budget_usd). Run it?",
                purpose: .runGrid(setup)))
            return []
        }
        var effects: [Effect] = []
        for run in state.activeRuns {
            cancelRun(run.id, &state)
            effects.append(.cancelRun(runID: run.id))
        }
        state.groupCounter += 1
        let groupID = "g\(state.groupCounter)"
        var requests: [RunRequest] = []
        var columns: [ComparisonState.Column] = []
        for cell in cells {
            let variantPrompt = state.prompt(variant: cell.variant)
            var request: ModelRequest
            do { request = try variantPrompt.request(model: cell.model.model, parameters: cell.parameters, mode: cell.mode) } catch {
                state.notice = Notice("\(state.variants[cell.variant].name): \(error.message)", level: .error)
                return effects
            }
            state.runCounter += 1
            let id = "r\(state.runCounter)"
            let name = state.variants[cell.variant].name
            var run = RunState(id: id, model: cell.model, parameters: cell.parameters, mode: cell.mode, prompt: variantPrompt,
                               startedAt: state.now, price: prices.price(for: cell.model), protocolName: providers[cell.model.provider]?.protocolName)
            run.label = name
            state.runs.append(run)
            let tools = ToolSetup(state.document.base)
            tools?.apply(to: &request)
            var started = RunRequest(runID: id, model: cell.model, request: request, prompt: variantPrompt, label: "cell \(requests.count + 1)", variant: name, groupID: groupID)
            started.tools = tools
            requests.append(started)
            let multipleVariants = Set(cells.map(\.variant)).count > 1
            let multipleModels = Set(cells.map(\.model)).count > 1
            let title = [multipleVariants ? name : nil, multipleModels || !multipleVariants ? cell.model.description : nil].compactMap { $0 }.joined(separator: " · ")
            columns.append(.init(runID: id, title: title, subtitle: nil, variant: name, model: cell.model.description))
        }
        let variantNames = Array(Set(cells.map(\.variant))).sorted().map { state.variants[$0].name }
        let models = orderedModels(GridSetupState(cells: cells))
        let kind: GroupKind = variantNames.count > 1 && models.count > 1 ? .grid : (variantNames.count > 1 ? .instructions : .models)
        var comparison = ComparisonState(title: setup.shape, columns: columns)
        comparison.groupID = groupID
        state.comparison = comparison
        state.overlay = nil
        state.notice = nil
        effects.append(.startGroup(GroupRequest(groupID: groupID, kind: kind, instructions: variantNames, models: models, runs: requests)))
        return effects
    }

    /// R on the comparison: the failed cells run again in place (same prompt, model and parameters).
    func retryFailedCells(_ state: inout WorkbenchState) -> [Effect] {
        guard var comparison = state.comparison else { return [] }
        var effects: [Effect] = []
        for (index, column) in comparison.columns.enumerated() {
            guard let old = state.runs.last(where: { $0.id == column.runID }), old.phase == .failed || old.phase == .cancelled, old.savedFrom == nil,
                  let request = try? old.prompt.request(model: old.model.model, parameters: old.parameters, mode: old.mode) else { continue }
            state.runCounter += 1
            let id = "r\(state.runCounter)"
            var run = RunState(id: id, model: old.model, parameters: old.parameters, mode: old.mode, prompt: old.prompt,
                               startedAt: state.now, price: old.price, protocolName: old.meter.protocolName)
            run.label = old.label
            state.runs.append(run)
            comparison.columns[index].runID = id
            if index < comparison.scroll.count { comparison.scroll[index] = 0 }
            effects.append(.startRun(RunRequest(runID: id, model: old.model, request: request, prompt: old.prompt, label: "retry", variant: column.variant, groupID: comparison.groupID)))
        }
        state.comparison = comparison
        state.notice = Notice(effects.isEmpty ? "no failed cells to retry" : "retrying \(effects.count) failed cell\(effects.count == 1 ? "" : "s")", level: .info, expiresAt: state.now + 4)
        return effects
    }

    /// b: names hidden, columns shuffled; a–h rank them (or pick the winner of two), t for a tie.
    func toggleBlind(_ state: inout WorkbenchState) {
        guard var comparison = state.comparison, comparison.columns.count >= 2 else {
            state.notice = Notice("blind judging needs at least two columns", level: .info, expiresAt: state.now + 3)
            return
        }
        if let blind = comparison.blind, !blind.revealed {
            comparison.blind = nil
        } else {
            var order = Array(comparison.columns.indices)
            // A shuffle the reducer can reproduce: seeded from the clock and the group.
            var seed = UInt64(bitPattern: Int64(state.now * 1000)) &+ UInt64(state.groupCounter) &* 0x9E37_79B9_7F4A_7C15
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                order.swapAt(i, Int((seed >> 33) % UInt64(i + 1)))
            }
            comparison.blind = BlindState(order: order)
            comparison.maximized = false
            comparison.diff = nil
            comparison.focused = 0
            let letters = (0..<order.count).map(BlindState.letter).joined(separator: ", ")
            state.notice = Notice(order.count == 2 ? "blind: which is better? a or b, t for a tie" : "blind: press \(letters) from best to worst, t for a tie", level: .info)
        }
        state.comparison = comparison
    }

    /// Letters while judging blind; nil lets other keys through (arrows, scrolling).
    func handleBlindKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect]? {
        guard var comparison = state.comparison, comparison.visible, var blind = comparison.blind, !blind.revealed else { return nil }
        let n = blind.order.count
        switch press.key {
        case .char("t") where press.modifiers.isEmpty:
            return recordVerdict(ranking: blind.order, tie: true, &comparison, &blind, &state)
        case .backspace:
            if !blind.ranking.isEmpty { blind.ranking.removeLast() }
        case .escape:
            comparison.blind = nil
            state.comparison = comparison
            state.notice = nil
            return []
        case .char(let c) where press.modifiers.isEmpty:
            guard let ascii = c.asciiValue, ascii >= 97, Int(ascii - 97) < n else { return nil }
            let slot = Int(ascii - 97)
            if !blind.ranking.contains(slot) { blind.ranking.append(slot) }
            if blind.ranking.count >= n - 1 {
                let rest = (0..<n).filter { !blind.ranking.contains($0) }
                return recordVerdict(ranking: blind.ranking + rest, tie: false, &comparison, &blind, &state)
            }
            state.notice = Notice("so far: " + blind.ranking.map(BlindState.letter).joined(separator: " > ") + " — next best?", level: .info)
        default:
            return nil
        }
        comparison.blind = blind
        state.comparison = comparison
        return []
    }

    func recordVerdict(ranking slots: [Int], tie: Bool, _ comparison: inout ComparisonState, _ blind: inout BlindState,
                       _ state: inout WorkbenchState) -> [Effect] {
        let columns = slots.map { comparison.columns[blind.order[$0]] }
        blind.ranking = slots
        blind.revealed = true
        comparison.blind = blind
        state.comparison = comparison
        state.verdicts.append(VerdictRecord(ranking: columns.map { (model: $0.model ?? "?", variant: $0.variant) }, tie: tie))
        let names = columns.map { [$0.variant, $0.model].compactMap { $0 }.joined(separator: " · ") }
        state.notice = Notice(tie ? "verdict saved: a tie (\(names.joined(separator: ", ")))" : "verdict saved: " + names.joined(separator: " > "), level: .success, expiresAt: state.now + 8)
        return [.recordVerdict(VerdictRequest(groupID: comparison.groupID, ranking: columns.map(\.runID), tie: tie, blind: true))]
    }
}
