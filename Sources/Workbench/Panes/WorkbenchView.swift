import Providers
import TerminalUI

/// Draws the whole workbench for a state: panes, meter, status bar, then any overlay on top.
/// A pure function of its inputs; the loop diffs its output against the last frame.
public struct WorkbenchView {
    public var state: WorkbenchState
    public var theme: ResolvedTheme
    public var keymap: Keymap
    /// Comparison columns' wrapped answers kept between frames (the loop passes one; nil re-wraps).
    public var columnCache: ColumnTextCache?

    public init(state: WorkbenchState, theme: ResolvedTheme, keymap: Keymap, columnCache: ColumnTextCache? = nil) {
        self.state = state
        self.theme = theme
        self.keymap = keymap
        self.columnCache = columnCache
    }

    /// The prompt file's name with a mark: `●` unsaved, `read-only`, `!` when saving failed or it changed on disk.
    var fileTitle: String? {
        guard let name = state.document.displayName else { return nil }
        let d = state.document
        if d.readOnlyReason != nil { return "\(name) [read-only]" }
        if d.conflict != nil || d.saveError != nil { return "\(name) !" }
        return d.changedSince != nil || d.savingText != nil ? "\(name) ●" : name
    }

    public func render() -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height, fill: Cell(" ", style: theme[.text]))
        guard state.width > 0, state.height > 0 else { return buffer }
        let layout = state.layout
        var cursor: (x: Int, y: Int)?
        // Full-screen views: the Cases table, then the evaluation matrix, then a comparison.
        if let cases = state.cases {
            CasesView(cases: cases, theme: theme, keymap: keymap, fileName: state.document.displayName ?? "")
                .render(in: Rect(x: 0, y: 0, width: state.width, height: max(0, state.height - 1)), into: &buffer)
            let editing = buffer.cursor
            var done = finish(&buffer, layout: layout)
            if state.overlay == nil { done.cursor = editing }
            return done
        }
        if let evaluation = state.evaluation, evaluation.visible {
            EvaluationMatrixView(evaluation: evaluation, state: state, theme: theme, keymap: keymap)
                .render(in: Rect(x: 0, y: 0, width: state.width, height: max(0, state.height - 1)), into: &buffer)
            return finish(&buffer, layout: layout)
        }
        if let comparison = state.comparison, comparison.visible {
            ComparisonView(comparison: comparison, state: state, theme: theme, cache: columnCache)
                .render(in: Rect(x: 0, y: 0, width: state.width, height: max(0, state.height - 1)), into: &buffer)
            StatusBar(state: state, keymap: keymap, theme: theme).render(in: layout.status, into: &buffer)
            if let overlay = state.overlay {
                cursor = OverlayView(overlay: overlay, state: state, keymap: keymap, theme: theme).render(into: &buffer)
            }
            buffer.cursor = cursor
            return buffer
        }
        for pane in [PaneID.system, .instruction, .input] {
            guard let rect = layout.panes[pane], !rect.isEmpty, let editor = state.editor(pane) else { continue }
            let title = pane == .instruction && state.variants.count > 1
                ? "Instruction · \(state.variants[state.activeVariant].name) (\(state.activeVariant + 1)/\(state.variants.count))" : nil
            let c = PromptFieldPane(
                pane: pane, title: title, editor: editor, fileTitle: pane == .system ? fileTitle : nil, focused: state.focus == pane && state.overlay == nil, theme: theme
            ).render(in: rect, into: &buffer)
            if state.focus == pane { cursor = c }
        }
        if let rect = layout.panes[.examples], !rect.isEmpty {
            let c = ExamplesPane(state: state.examples, focused: state.focus == .examples && state.overlay == nil, theme: theme).render(in: rect, into: &buffer)
            if state.focus == .examples { cursor = c }
        }
        if let rect = layout.panes[.variables], !rect.isEmpty {
            let c = VariablesPane(state: state.variables, focused: state.focus == .variables && state.overlay == nil, theme: theme)
                .render(in: rect, into: &buffer)
            if state.focus == .variables { cursor = c }
        }
        if let rect = layout.panes[.response], !rect.isEmpty {
            ResponsePane(state: state, focused: state.focus == .response && state.overlay == nil, theme: theme).render(in: rect, into: &buffer)
        }
        if !layout.meter.isEmpty {
            MeterPane(run: state.shownRun, session: state.sessionCost, now: state.now, theme: theme).render(in: layout.meter, into: &buffer)
        }
        StatusBar(state: state, keymap: keymap, theme: theme).render(in: layout.status, into: &buffer)
        if let overlay = state.overlay {
            cursor = OverlayView(overlay: overlay, state: state, keymap: keymap, theme: theme).render(into: &buffer)
        }
        buffer.cursor = cursor
        return buffer
    }

    /// The status bar and any overlay over a full-screen view.
    private func finish(_ buffer: inout CellBuffer, layout: WorkbenchLayout) -> CellBuffer {
        StatusBar(state: state, keymap: keymap, theme: theme).render(in: layout.status, into: &buffer)
        buffer.cursor = state.overlay.flatMap { OverlayView(overlay: $0, state: state, keymap: keymap, theme: theme).render(into: &buffer) }
        return buffer
    }
}
