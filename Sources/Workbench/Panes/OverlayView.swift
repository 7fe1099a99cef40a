import PromptFiles
import Providers
import TerminalUI

/// Draws the open overlay over the panes; a field in it that has the keys puts the cursor in `buffer.cursor`.
struct OverlayView: Widget {
    var overlay: OverlayState
    var state: WorkbenchState
    var keymap: Keymap
    var theme: ResolvedTheme

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        switch overlay {
        case .help(let scroll):
            HelpOverlay(keymap: keymap, scroll: scroll, theme: theme).render(in: screen, into: &buffer)
        case .switcher(let switcher):
            SwitcherOverlay(switcher: switcher, state: state, keymap: keymap, theme: theme).render(in: screen, into: &buffer)
        case .sessions(let browser):
            BrowserOverlay(browser: browser, state: state, keymap: keymap, theme: theme).render(in: screen, into: &buffer)
        case .gridSetup(let setup):
            GridSetupOverlay(setup: setup, state: state, estimate: setup.estimate, budget: setup.budget, theme: theme).render(in: screen, into: &buffer)
        case .verdictSummary:
            VerdictSummaryOverlay(verdicts: state.verdicts, theme: theme).render(in: screen, into: &buffer)
        case .textPrompt(let prompt):
            let box = Overlay(title: prompt.title, rightTitle: "Enter save · Esc cancel", width: min(screen.width, 60), height: 3, theme: theme)
            box.render(in: screen, into: &buffer)
            let inner = box.inner(in: screen)
            TextEditorView(state: prompt.editor, theme: theme, focused: true).render(in: inner, into: &buffer)
        case .confirm(let question):
            let lines = WordWrapper(width: min(screen.width, 70) - 4).wrappedStrings(question.message)
            let box = Overlay(title: "Are you sure?", rightTitle: "y yes · n no", width: min(screen.width, 70), height: lines.count + 4, theme: theme)
            box.render(in: screen, into: &buffer)
            let inner = box.inner(in: screen)
            for (i, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
                buffer.write(line, x: inner.x + 1, y: inner.y + i, style: theme[.overlayText], maxX: inner.maxX)
            }
        case .schemaEditor(let editor):
            SchemaEditorOverlay(editor: editor, keymap: keymap, theme: theme).render(in: screen, into: &buffer)
        case .inspection(let shown):
            InspectionOverlay(shown: shown, theme: theme).render(in: screen, into: &buffer)
        case .attachPicker(let picker):
            AttachPickerOverlay(picker: picker, state: state, theme: theme).render(in: screen, into: &buffer)
        case .conflict:
            guard let disk = state.document.conflict else { return }
            ConflictOverlay(mine: PromptFileWriter.text(of: state.promptDocument), disk: disk.text, fileName: state.document.displayName ?? "the prompt file", theme: theme)
                .render(in: screen, into: &buffer)
        case .confirmQuit:
            let box = Overlay(title: "Quit?", width: 44, height: 5, theme: theme)
            box.render(in: screen, into: &buffer)
            let inner = box.inner(in: screen)
            buffer.write("A run is still streaming.", x: inner.x + 1, y: inner.y, style: theme[.overlayText], maxX: inner.maxX)
            var x = buffer.write("y", x: inner.x + 1, y: inner.y + 2, style: theme[.helpKey], maxX: inner.maxX)
            x = buffer.write(" quit and cancel it   ", x: x, y: inner.y + 2, style: theme[.helpText], maxX: inner.maxX)
            x = buffer.write("n", x: x, y: inner.y + 2, style: theme[.helpKey], maxX: inner.maxX)
            buffer.write(" keep working", x: x, y: inner.y + 2, style: theme[.helpText], maxX: inner.maxX)
        }
    }
}

/// F1: every key, grouped, generated from the keymap (so help can never disagree with the keys).
struct HelpOverlay: Widget {
    var keymap: Keymap
    var scroll: Int
    var theme: ResolvedTheme

    /// The help text as (keys, description) rows, with group headings as rows without keys.
    func rows() -> [(keys: String?, text: String)] {
        var out: [(keys: String?, text: String)] = []
        for section in keymap.helpSections() where !section.rows.isEmpty {
            if !out.isEmpty { out.append((nil, "")) }
            out.append((nil, section.title))
            out += section.rows.map { (Optional($0.keys), $0.title) }
        }
        return out
    }

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        let all = rows()
        let box = Overlay(title: "Keys", rightTitle: "Esc close", width: min(screen.width, 78), height: min(screen.height, all.count + 2), theme: theme)
        box.render(in: screen, into: &buffer)
        let inner = box.inner(in: screen)
        guard !inner.isEmpty else { return }
        let keyWidth = min(max(12, all.compactMap { $0.keys.map { TextWidth.of($0) } }.max() ?? 12) + 2, inner.width / 2)
        let top = min(max(0, scroll), max(0, all.count - inner.height))
        for (i, row) in all.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + i
            if let keys = row.keys {
                buffer.write(TextTruncation.truncate(keys, toWidth: keyWidth - 1), x: inner.x + 1, y: y, style: theme[.helpKey], maxX: inner.x + keyWidth)
                buffer.write(row.text, x: inner.x + keyWidth + 1, y: y, style: theme[.helpText], maxX: inner.maxX)
            } else {
                buffer.write(row.text, x: inner.x, y: y, style: theme[.overlayTitle], maxX: inner.maxX)
            }
        }
        if all.count > inner.height {
            Scrollbar(total: all.count, offset: top, visible: inner.height, style: theme[.scrollbar])
                .render(in: Rect(x: inner.maxX, y: inner.y, width: 1, height: inner.height), into: &buffer)
        }
    }
}

/// Ctrl-P: a fuzzy filter over every configured model with key, reachability and price, and the
/// per-run parameters below it.
struct SwitcherOverlay: Widget {
    var switcher: SwitcherState
    var state: WorkbenchState
    var keymap: Keymap
    var theme: ResolvedTheme

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        let box = Overlay(title: "Model", rightTitle: "Tab parameters · Enter pick · Esc close", width: min(screen.width, 96), height: min(screen.height, 26), theme: theme)
        box.render(in: screen, into: &buffer)
        let inner = box.inner(in: screen)
        guard inner.height >= 3, inner.width >= 10 else { return }
        // Filter line.
        var x = buffer.write("filter ", x: inner.x, y: inner.y, style: theme[.editorLabel], maxX: inner.maxX)
        let filterArea = Rect(x: x, y: inner.y, width: inner.maxX - x, height: 1)
        let filterView = TextEditorView(state: switcher.filter, theme: theme, placeholder: "type to filter provider:model", focused: switcher.section == .models)
        filterView.render(in: filterArea, into: &buffer)
        // The selected model's description, the parameters and a hint take the last three rows.
        let paramsHeight = inner.height >= 9 ? 3 : 0
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1 - paramsHeight)
        let matches = switcher.matches(in: state.models)
        let items = matches.map { match -> ListItem in
            ListItem(match.entry.ref.description + (match.entry.ref == state.model ? "  (current)" : ""), detail: detail(match.entry), matches: match.positions)
        }
        if items.isEmpty {
            buffer.write(state.models.isEmpty ? "finding models…" : "no model matches", x: list.x + 2, y: list.y, style: theme[.textDim], maxX: list.maxX)
        } else {
            var listState = switcher.list
            if switcher.isOnParameters { listState.selected = switcher.list.selected }
            ListView(items: items, state: listState, theme: theme).render(in: list, into: &buffer)
        }
        guard paramsHeight > 0 else { return }
        let py = inner.maxY - 2
        buffer.fill(Rect(x: inner.x, y: py - 1, width: inner.width, height: 3), with: Cell(" ", style: theme[.overlayText]))
        if let i = switcher.list.selected, matches.indices.contains(i) {
            let text = TextTruncation.truncate(selectedDescription(matches[i].entry), toWidth: inner.width)
            buffer.write(text, x: inner.x, y: py - 1, style: theme[.textDim], maxX: inner.maxX)
        }
        x = inner.x
        for parameter in SwitcherState.Parameter.allCases {
            let selected = switcher.isOnParameters && switcher.parameter == parameter
            x = buffer.write(parameter.label + " ", x: x, y: py, style: selected ? theme[.listSelected] : theme[.meterLabel], maxX: inner.maxX)
            if selected, case .typingParameter(let editor) = switcher.section {
                let area = Rect(x: x, y: py, width: min(10, inner.maxX - x), height: 1)
                let view = TextEditorView(state: editor, theme: theme, focused: true)
                view.render(in: area, into: &buffer)
                x += 10
            } else {
                let value = value(parameter)
                x = buffer.write(value, x: x, y: py, style: selected ? theme[.listSelected] : theme[.meterValue], maxX: inner.maxX)
            }
            x = buffer.write("  ", x: x, y: py, style: theme[.overlayText], maxX: inner.maxX)
        }
        let help = switcher.parameterError ?? (switcher.isOnParameters
            ? "←/→ adjust · Enter type a value · Backspace provider default · Tab models"
            : "the choice applies to the next run")
        buffer.write(TextTruncation.truncate(help, toWidth: inner.width), x: inner.x, y: py + 1, style: theme[switcher.parameterError == nil ? .textDim : .error], maxX: inner.maxX)
    }

    func value(_ p: SwitcherState.Parameter) -> String {
        switch p {
        case .temperature: switcher.parameters.temperature.map(MeterFormat.number) ?? "default"
        case .maxTokens: switcher.parameters.maxTokens.map(String.init) ?? "default"
        case .topP: switcher.parameters.topP.map(MeterFormat.number) ?? "default"
        case .seed: switcher.parameters.seed.map(String.init) ?? "none"
        case .mode: switcher.mode == .chat ? "chat" : "raw"
        }
    }

    /// The short note at the right of a row: key, server, price.
    func detail(_ entry: ModelEntry) -> String {
        var parts: [String] = []
        if !entry.hasKey { parts.append("no key") }
        switch entry.reachability {
        case .reachable: parts.append("up")
        case .unreachable: parts.append("down")
        case .notInstalled: parts.append("not installed")
        default: break
        }
        parts.append(priceLabel(entry.price))
        return parts.joined(separator: " · ")
    }

    func priceLabel(_ price: Price?) -> String {
        guard let price else { return "unpriced" }
        if price.input == 0, price.output == 0 { return "free" }
        return "\(MeterFormat.price(price.input))/\(MeterFormat.price(price.output))"
    }

    /// Everything about the selected model, on one line under the list.
    func selectedDescription(_ entry: ModelEntry) -> String {
        var parts = [entry.ref.description, entry.keyLabel]
        switch entry.reachability {
        case .unknown: parts.append("not checked")
        case .checking: parts.append("checking")
        case .reachable: parts.append("reachable")
        case .unreachable(let why): parts.append("unreachable: \(why)")
        case .installed: parts.append("installed, starts on first run")
        case .notInstalled: parts.append("not installed: run scripts/setup-local-model")
        }
        if let price = entry.price {
            parts.append("in/out per 1M \(priceLabel(price)) (\(price.source))")
        } else {
            parts.append("unpriced")
        }
        if entry.defaultMode == .rawCompletion { parts.append("base model: raw completion") }
        return parts.joined(separator: " · ")
    }
}
