import Providers
import TerminalUI

/// The bottom row: the focused pane, the model and mode, then a notice or the key hints.
struct StatusBar: Widget {
    var state: WorkbenchState
    var keymap: Keymap
    var theme: ResolvedTheme

    func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, with: Cell(" ", style: theme[.statusBar]))
        var x = buffer.write(" \(state.focus.title.uppercased()) ", x: area.x, y: area.y, style: theme[.statusMode], maxX: area.maxX)
        let mode = state.mode == .rawCompletion ? " · raw" : ""
        // While judging blind the model must not show anywhere.
        let judging = state.comparison.map { $0.visible && $0.blind.map { !$0.revealed } ?? false } ?? false
        x = buffer.write(judging ? " blind judging " : " \(state.model)\(mode) ", x: x, y: area.y, style: theme[.statusText], maxX: area.maxX)
        // An evaluation running behind the editor keeps its progress in sight (Alt-M brings the matrix back).
        if let evaluation = state.evaluation, !evaluation.visible, !evaluation.stopped, evaluation.progress.done < evaluation.progress.total {
            x = buffer.write(" eval \(evaluation.progress.done)/\(evaluation.progress.total) ", x: x, y: area.y, style: theme[.statusMode], maxX: area.maxX)
        }
        x += 1
        if let notice = state.notice ?? state.persistentWarning.map({ Notice($0, level: .warning) }) {
            let role: ThemeRole = switch notice.level {
            case .info: .statusText
            case .success: .success
            case .warning: .warning
            case .error: .error
            }
            let text = TextTruncation.truncate(TextSanitizer.plainSanitized(notice.text), toWidth: max(0, area.maxX - x - 1))
            buffer.write(text, x: x, y: area.y, style: theme[role], maxX: area.maxX)
            return
        }
        var hints: [KeyHint] = []
        let wanted: [(Command, String)] = state.activeRuns.isEmpty
            ? [(.run, "run"), (.modelSwitcher, "model"), (.focusNext, "next"), (.help, "help"), (.quit, "quit")]
            : [(.cancel, "cancel"), (.run, "re-run"), (.modelSwitcher, "model"), (.help, "help"), (.quit, "quit")]
        for (command, label) in wanted {
            if let key = keymap.hint(for: command, in: .global) { hints.append(KeyHint(key, label)) }
        }
        KeyHints(hints, theme: theme).render(in: Rect(x: x, y: area.y, width: area.maxX - x, height: 1), into: &buffer)
    }
}
