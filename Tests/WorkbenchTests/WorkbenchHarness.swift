import Foundation
import Providers
import TerminalUI
@testable import Workbench

/// Drives the reducer like the loop does, with a fixed clock, and renders frames for screen tests.
struct WorkbenchHarness {
    var state: WorkbenchState
    let reducer: WorkbenchReducer
    var now: Double = 100
    var effects: [Effect] = []

    static let prices = PriceTable(rows: [
        "local:smollm2-135m-instruct": Price(input: 0, output: 0, source: "runs on this machine: no charge", checked: "2026-11-23"),
        "anthropic:claude-haiku-4-5": Price(input: 1, output: 5, cacheRead: 0.1, source: "vendor page", checked: "2026-07-29"),
    ])

    init(width: Int = 120, height: Int = 40, model: String = "local:smollm2-135m-instruct", budget: Double? = nil, keys: [String: [String]] = [:]) {
        reducer = WorkbenchReducer(keymap: try! Keymap(overrides: keys), prices: Self.prices, providers: BuiltinProviders.all(environment: [:]), budget: budget)
        state = WorkbenchState(width: width, height: height, model: ModelRef(model)!)
        state.models = BuiltinProviders.all(environment: [:]).flatMap { spec in
            spec.models.map { m in
                let ref = ModelRef(provider: spec.name, model: m)
                let key = spec.keyStatus(environment: [:])
                let hasKey: Bool = if case .missing = key { false } else { true }
                return ModelEntry(ref: ref, keyLabel: key.label, hasKey: hasKey, reachability: spec.isManagedLocal ? .installed : .unknown,
                                  price: Self.prices.price(for: ref), defaultMode: spec.defaultMode(for: m))
            }
        }
        send(.input(.resize(width: width, height: height)))
    }

    @discardableResult
    mutating func send(_ action: Action) -> [Effect] {
        let out = reducer.reduce(&state, action, now: now)
        effects += out
        return out
    }

    @discardableResult
    mutating func key(_ spec: String) -> [Effect] { send(.input(.key(try! KeySpec.parse(spec)))) }

    mutating func type(_ text: String) {
        for ch in text { send(.input(.key(KeyPress(.char(ch))))) }
    }

    mutating func advance(_ seconds: Double) { now += seconds }

    /// The id of the run started by the last Ctrl-R.
    var lastRunID: String? {
        effects.compactMap { if case .startRun(let r) = $0 { r.runID } else { nil } }.last
    }

    var lastRequest: RunRequest? {
        effects.compactMap { if case .startRun(let r) = $0 { r } else { nil } }.last
    }

    func render(theme: ResolvedTheme = .plain) -> CellBuffer {
        WorkbenchView(state: state, theme: theme, keymap: reducer.keymap).render()
    }
}
