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
    /// Cells of panes whose inputs did not change since the last frame (the loop passes one; nil redraws).
    public var paneCache: PaneCellCache?

    public init(state: WorkbenchState, theme: ResolvedTheme, keymap: Keymap, columnCache: ColumnTextCache? = nil, paneCache: PaneCellCache? = nil) {
        self.state = state
        self.theme = theme
        self.keymap = keymap
        self.columnCache = columnCache
        self.paneCache = paneCache
    }

    /// The prompt file's name with a mark: `●` unsaved, `read-only`, `!` when saving failed or it changed on disk.
    var fileTitle: String? {
        guard let name = state.document.displayName else { return nil }
        let d = state.document
        if d.readOnlyReason != nil { return "\(name) [read-only]" }
        if d.conflict != nil || d.saveError != nil { return "\(name) !" }
        return d.changedSince != nil || d.savingText != nil ? "\(name) ●" : name
    }

    /// Every pane is a `Widget`: it draws into its rectangle, and the one that has the keys puts the terminal
    /// cursor in `buffer.cursor` (its editor does); an overlay takes the cursor from the panes under it.
    public func render() -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height, fill: Cell(" ", style: theme[.text]))
        guard state.width > 0, state.height > 0 else { return buffer }
        let layout = state.layout
        let screen = Rect(x: 0, y: 0, width: state.width, height: max(0, state.height - 1))
        // Full-screen views: the Cases table, then the evaluation matrix, then a comparison.
        if let cases = state.cases {
            CasesView(cases: cases, theme: theme, keymap: keymap, fileName: state.document.displayName ?? "").render(in: screen, into: &buffer)
            StatusBar(state: state, keymap: keymap, theme: theme).render(in: layout.status, into: &buffer)
        } else if let evaluation = state.evaluation, evaluation.visible {
            EvaluationMatrixView(evaluation: evaluation, state: state, theme: theme, keymap: keymap).render(in: screen, into: &buffer)
            StatusBar(state: state, keymap: keymap, theme: theme).render(in: layout.status, into: &buffer)
        } else if let comparison = state.comparison, comparison.visible {
            ComparisonView(comparison: comparison, state: state, theme: theme, cache: columnCache).render(in: screen, into: &buffer)
            StatusBar(state: state, keymap: keymap, theme: theme).render(in: layout.status, into: &buffer)
        } else {
            for (slot, (rect, pane)) in panes(layout).enumerated() {
                // Panes that are values of their inputs (`Equatable`) may come from the cache.
                if let paneCache, let cacheable = pane as? any Widget & Equatable {
                    paneCache.render(cacheable, slot: slot, in: rect, into: &buffer)
                } else {
                    pane.render(in: rect, into: &buffer)
                }
            }
        }
        if let overlay = state.overlay {
            // A graphics-protocol image would be drawn over the overlay.
            buffer.images.removeAll()
            buffer.cursor = nil
            OverlayView(overlay: overlay, state: state, keymap: keymap, theme: theme).render(in: Rect(x: 0, y: 0, width: state.width, height: state.height), into: &buffer)
        }
        return buffer
    }

    /// The panes of the editing screen with their rectangles, in drawing order.
    func panes(_ layout: WorkbenchLayout) -> [(Rect, any Widget)] {
        var out: [(Rect, any Widget)] = []
        let typing = state.overlay == nil
        for pane in [PaneID.system, .instruction, .input] {
            guard let rect = layout.panes[pane], !rect.isEmpty, let editor = state.editor(pane) else { continue }
            let title = pane == .instruction && state.variants.count > 1
                ? "Instruction · \(state.variants[state.activeVariant].name) (\(state.activeVariant + 1)/\(state.variants.count))" : nil
            out.append((rect, PromptFieldPane(
                pane: pane, title: title, editor: editor, fileTitle: pane == .system ? fileTitle : nil, focused: state.focus == pane && typing, theme: theme
            )))
        }
        if let rect = layout.panes[.examples], !rect.isEmpty {
            out.append((rect, ExamplesPane(state: state.examples, focused: state.focus == .examples && typing, theme: theme)))
        }
        if let rect = layout.panes[.variables], !rect.isEmpty {
            out.append((rect, VariablesPane(state: state.variables, focused: state.focus == .variables && typing, theme: theme)))
        }
        if let rect = layout.panes[.context], !rect.isEmpty {
            out.append((rect, ContextPane(items: state.contextItems, state: state.context, focused: state.focus == .context && typing, theme: theme)))
        }
        if let rect = layout.panes[.response], !rect.isEmpty {
            out.append((rect, ResponsePane(state: state, focused: state.focus == .response && typing, theme: theme)))
        }
        if !layout.meter.isEmpty {
            out.append((layout.meter, MeterPane(run: state.shownRun, session: state.sessionCost, now: state.now, theme: theme)))
        }
        out.append((layout.status, StatusBar(state: state, keymap: keymap, theme: theme)))
        return out
    }
}
