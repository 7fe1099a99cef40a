import Providers
import Sessions
import TerminalUI

extension WorkbenchReducer {
    /// Plays the parts that are due by now through the same path a live stream takes.
    func advanceReplay(_ state: inout WorkbenchState) {
        guard var replay = state.replay else { return }
        guard let i = runIndex(replay.runID, state), state.runs[i].phase.isActive else {
            state.replay = nil
            return
        }
        var steps: [ReplayStep] = []
        if replay.clock.speed.isInstant {
            steps = replay.clock.advance(throughMs: .max)
        } else if !replay.clock.isPaused {
            replay.playedMs += (state.now - replay.lastAdvance) * 1000 * replay.clock.speed.factor
            steps = replay.clock.advance(throughMs: Int(replay.playedMs))
        }
        replay.lastAdvance = state.now
        state.replay = replay
        for step in steps { applyPart(step.part, to: replay.runID, &state) }
        if replay.clock.isFinished {
            state.replay = nil
            endRun(replay.runID, &state)
        }
    }

    /// Pause, step and speed while a replay plays; nil lets the key fall through.
    func handleReplayKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect]? {
        guard var replay = state.replay, let command = keymap.command(for: press, in: [.replay]), command != .cancel else { return nil }
        let id = replay.runID
        switch command {
        case .replayPause:
            replay.clock.isPaused.toggle()
            replay.lastAdvance = state.now
        case .replayStep:
            replay.clock.isPaused = true
            if let step = replay.clock.advance() {
                replay.playedMs = Double(step.ms)
                state.replay = replay
                applyPart(step.part, to: id, &state)
                if replay.clock.isFinished {
                    state.replay = nil
                    endRun(id, &state)
                }
                return []
            }
        case .replaySpeed1: replay.clock.speed = .x1
        case .replaySpeed2: replay.clock.speed = .x2
        case .replaySpeed10: replay.clock.speed = .x10
        case .replayInstant: replay.clock.speed = .instant
        default: return nil
        }
        state.replay = replay
        let note = replay.clock.isPaused ? "paused" : "playing \(replay.clock.speed)"
        state.notice = Notice("replay \(note)", level: .info, expiresAt: state.now + 3)
        advanceReplay(&state)
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
                comparison.diff = (0, comparison.focused == 0 ? 1 : comparison.focused)
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
