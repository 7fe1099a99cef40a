import Providers
import Sessions
import TerminalUI

extension WorkbenchReducer {
    /// Plays the parts that are due by now through the same path a live stream takes.
    func advanceReplays(_ state: inout WorkbenchState) {
        var due: [(String, [ReplayStep], Bool)] = []
        var still: [ReplayState] = []
        for var replay in state.replays {
            guard let i = runIndex(replay.runID, state), state.runs[i].phase.isActive else { continue }
            var steps: [ReplayStep] = []
            if replay.clock.speed.isInstant {
                steps = replay.clock.advance(throughMs: .max)
            } else if !replay.clock.isPaused {
                replay.playedMs += (state.now - replay.lastAdvance) * 1000 * replay.clock.speed.factor
                steps = replay.clock.advance(throughMs: Int(replay.playedMs))
            }
            replay.lastAdvance = state.now
            due.append((replay.runID, steps, replay.clock.isFinished))
            if !replay.clock.isFinished { still.append(replay) }
        }
        state.replays = still
        for (id, steps, finished) in due {
            for step in steps { applyPart(step.part, to: id, &state) }
            if finished { endRun(id, &state) }
        }
    }

    /// Pause, step and speed for everything that replays; nil lets the key fall through.
    func handleReplayKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect]? {
        guard !state.replays.isEmpty, let command = keymap.command(for: press, in: [.replay]) else { return nil }
        switch command {
        case .replayPause:
            let pause = !(state.replays.first?.clock.isPaused ?? false)
            for i in state.replays.indices {
                state.replays[i].clock.isPaused = pause
                state.replays[i].lastAdvance = state.now
            }
        case .replayStep:
            // One part forward in the replay that is furthest behind (recorded time).
            var stepped: [(String, ReplayStep, Bool)] = []
            if let i = state.replays.indices.min(by: { state.replays[$0].clock.elapsedMs < state.replays[$1].clock.elapsedMs }) {
                for j in state.replays.indices { state.replays[j].clock.isPaused = true }
                if let step = state.replays[i].clock.advance() {
                    state.replays[i].playedMs = Double(step.ms)
                    stepped.append((state.replays[i].runID, step, state.replays[i].clock.isFinished))
                }
            }
            state.replays.removeAll { $0.clock.isFinished }
            for (id, step, finished) in stepped {
                applyPart(step.part, to: id, &state)
                if finished { endRun(id, &state) }
            }
            return []
        case .replaySpeed1, .replaySpeed2, .replaySpeed10, .replayInstant:
            let speed: ReplaySpeed = switch command {
            case .replaySpeed1: .x1
            case .replaySpeed2: .x2
            case .replaySpeed10: .x10
            default: .instant
            }
            for i in state.replays.indices { state.replays[i].clock.speed = speed }
        default:
            return nil
        }
        if let first = state.replays.first {
            state.notice = Notice("replay \(first.clock.isPaused ? "paused" : "playing \(first.clock.speed)")", level: .info, expiresAt: state.now + 3)
        }
        advanceReplays(&state)
        return []
    }

    /// Keys on the comparison screen; nil lets the key fall through to the global commands.
    func handleComparisonKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect]? {
        guard var comparison = state.comparison, comparison.visible, let command = keymap.command(for: press, in: [.comparison]) else { return nil }
        let count = comparison.columns.count
        switch command {
        case .columnLeft:
            comparison.focused = max(0, comparison.focused - 1)
            comparison.diff = nil
        case .columnRight:
            comparison.focused = min(count - 1, comparison.focused + 1)
            comparison.diff = nil
        case .maximize:
            comparison.maximized.toggle()
            comparison.diff = nil
        case .diff:
            if comparison.diff != nil {
                comparison.diff = nil
            } else if count >= 2 {
                // `focused` and `marked` are display slots (they differ from columns while judging blind).
                let order = comparison.blind?.order ?? Array(comparison.columns.indices)
                let mark = comparison.marked ?? 0
                let other = comparison.focused == mark ? (mark == 0 ? 1 : 0) : comparison.focused
                comparison.diff = (order[mark], order[other])
            }
        case .markColumn:
            comparison.marked = comparison.focused
            state.notice = Notice("column \(comparison.focused + 1) marked: d diffs the focused column against it", level: .info, expiresAt: state.now + 4)
        case .blind:
            state.comparison = comparison
            toggleBlind(&state)
            return []
        case .retryFailed:
            state.comparison = comparison
            return retryFailedCells(&state)
        case .labelMode:
            state.comparison = comparison
            return scoreLabels(&state)
        case .toggleProbabilities:
            comparison.probabilities.toggle()
            let missing = comparison.columns.filter { c in state.runs.last { $0.id == c.runID }?.shownTokens.isEmpty ?? true }.count
            if comparison.probabilities, missing > 0 {
                // The next comparison asks for them; these runs were made without.
                if state.parameters.logprobs == nil { state.parameters.logprobs = 5 }
                state.notice = Notice("\(missing) of \(comparison.columns.count) columns have no token probabilities: the next runs ask for them", level: .info, expiresAt: state.now + 5)
            }
        case .linkScroll:
            comparison.linkedScroll.toggle()
            state.notice = Notice(comparison.linkedScroll ? "columns scroll together" : "columns scroll alone", level: .info, expiresAt: state.now + 3)
        case .scrollUp, .scrollDown, .pageUp, .pageDown:
            let page = max(1, state.height - 8)
            let delta = switch command {
            case .scrollUp: -1
            case .scrollDown: 1
            case .pageUp: -page
            default: page
            }
            for i in comparison.scroll.indices where comparison.linkedScroll || i == comparison.focused {
                comparison.scroll[i] = max(0, comparison.scroll[i] + delta)
            }
        case .close:
            comparison.visible = false
        default:
            return nil
        }
        state.comparison = comparison
        return []
    }
}
