import Providers
import TerminalUI

extension WorkbenchReducer {
    /// F7: the request the current prompt makes for the current model, and, for the models Refract runs,
    /// what llama.cpp makes of it (asked in the background).
    func openInspection(_ state: inout WorkbenchState) -> [Effect] {
        commitVariableEdit(&state)
        let request: ModelRequest
        do {
            request = try state.prompt.request(model: state.model.model, parameters: state.parameters, mode: state.mode)
        } catch {
            state.notice = Notice(error.message, level: .error, expiresAt: state.now + 5)
            return []
        }
        let local = providers[state.model.provider]?.isManagedLocal == true
        let status = local ? "asking llama.cpp for the template and the tokens…"
            : "\(state.model.provider) applies its own template on its servers; Refract cannot see it (the messages above are exactly what is sent)"
        var shown = InspectionState(model: state.model, request: request, status: status)
        shown.exampleHazards = state.prompt.exampleHazards(mode: state.mode)
        if let spec = providers[state.model.provider] {
            shown.preview = Result { () throws(ProviderError) in try spec.requestPreview(request, key: nil) }
        }
        state.overlay = .inspection(shown)
        return local ? [.inspectPrompt(request, model: state.model)] : []
    }

    func applyInspection(_ inspection: PromptInspection?, error: String?, _ state: inout WorkbenchState) {
        guard case .inspection(var shown) = state.overlay else { return }
        shown.inspection = inspection
        shown.status = error.map { "template and tokens unavailable: \($0)" }
        state.overlay = .inspection(shown)
    }

    func handleInspectionKey(_ press: KeyPress, _ shown: inout InspectionState, _ state: inout WorkbenchState) -> [Effect] {
        switch keymap.command(for: press, in: [.overlay, .list]) {
        case .scrollUp: shown.scroll = max(0, shown.scroll - 1)
        case .scrollDown: shown.scroll += 1
        case .pageUp: shown.scroll = max(0, shown.scroll - 10)
        case .pageDown: shown.scroll += 10
        case .scrollTop: shown.scroll = 0
        case .quit: return execute(.quit, &state)
        default: state.overlay = nil
        }
        return []
    }
}
