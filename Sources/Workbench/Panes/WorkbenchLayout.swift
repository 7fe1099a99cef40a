import TerminalUI

/// Where each pane goes for a terminal size: side by side when wide enough, stacked when narrow.
public struct WorkbenchLayout: Sendable, Equatable {
    public var panes: [PaneID: Rect]
    /// The token/cost meter (below the response).
    public var meter: Rect
    /// The bottom row.
    public var status: Rect
    /// True when the prompt fields are stacked above the response.
    public var stacked: Bool

    /// Below this width the prompt and response are stacked.
    public static let sideBySideMinWidth = 70

    public static func compute(width: Int, height: Int, focus: PaneID, variableCount: Int, exampleCount: Int = 0, contextRows: Int = 0) -> WorkbenchLayout {
        let status = Rect(x: 0, y: max(0, height - 1), width: width, height: height > 0 ? 1 : 0)
        let bodyHeight = max(0, height - 1)
        if width >= sideBySideMinWidth {
            let leftWidth = min(max(34, width * 2 / 5), width / 2)
            let left = Rect(x: 0, y: 0, width: leftWidth, height: bodyHeight)
            let right = Rect(x: leftWidth, y: 0, width: width - leftWidth, height: bodyHeight)
            var panes = promptColumn(left, focus: focus, variableCount: variableCount, exampleCount: exampleCount, contextRows: contextRows)
            let meterHeight = right.height >= 14 ? 4 : (right.height >= 8 ? 3 : 0)
            panes[.response] = Rect(x: right.x, y: right.y, width: right.width, height: right.height - meterHeight)
            let meter = Rect(x: right.x, y: right.maxY - meterHeight, width: right.width, height: meterHeight)
            return WorkbenchLayout(panes: panes, meter: meter, status: status, stacked: false)
        }
        // Stacked: the prompt gets a bit under half, the response the rest, the meter one row.
        let meterHeight = bodyHeight >= 12 ? 1 : 0
        let promptHeight = bodyHeight * 9 / 20
        let prompt = Rect(x: 0, y: 0, width: width, height: promptHeight)
        var panes = promptColumn(prompt, focus: focus, variableCount: variableCount, exampleCount: exampleCount, contextRows: contextRows)
        panes[.response] = Rect(x: 0, y: promptHeight, width: width, height: bodyHeight - promptHeight - meterHeight)
        let meter = Rect(x: 0, y: bodyHeight - meterHeight, width: width, height: meterHeight)
        return WorkbenchLayout(panes: panes, meter: meter, status: status, stacked: true)
    }

    /// Splits a column among system, instruction, examples, input, variables and context; the focused field
    /// grows. The examples and context panes take no room while empty and not focused.
    static func promptColumn(_ area: Rect, focus: PaneID, variableCount: Int, exampleCount: Int = 0, contextRows: Int = 0) -> [PaneID: Rect] {
        let showExamples = exampleCount > 0 || focus == .examples
        let showContext = contextRows > 0 || focus == .context
        var order: [PaneID] = showExamples ? [.system, .instruction, .examples, .input, .variables] : [.system, .instruction, .input, .variables]
        if showContext { order.append(.context) }
        // Minimum rows (a border and one line each) and weights for what is left over.
        var minimum: [PaneID: Int] = [
            .system: 3, .instruction: 3, .input: 3, .variables: min(2 + max(1, variableCount), 8), .examples: min(2 + max(1, exampleCount), 6),
            .context: min(2 + max(1, contextRows), focus == .context ? 20 : 10),
        ]
        var weight: [PaneID: Int] = [.system: 2, .instruction: 3, .input: 5, .variables: 0, .examples: 0, .context: 0]
        if focus.isTextField || focus == .variables || focus == .examples { weight[focus, default: 0] += 4 }
        if focus == .variables { minimum[.variables] = min(2 + max(1, variableCount) + 2, 10) }
        if focus == .examples { minimum[.examples] = 9 }
        var heights: [PaneID: Int] = [:]
        let needed = order.reduce(0) { $0 + minimum[$1]! }
        if area.height < needed {
            // Too short for everything: the focused field (or input) first, the rest as space allows.
            var left = area.height
            let first = focus == .response ? PaneID.input : focus
            for pane in [first] + order.filter({ $0 != first }) {
                let h = min(left, pane == first ? max(minimum[pane]!, left - 3 * (order.count - 1)) : minimum[pane]!)
                heights[pane] = h < 3 ? 0 : h
                left -= heights[pane]!
            }
        } else {
            let spare = area.height - needed
            let totalWeight = order.reduce(0) { $0 + weight[$1]! }
            var given = 0
            for pane in order {
                let extra = totalWeight == 0 ? 0 : spare * weight[pane]! / totalWeight
                heights[pane] = minimum[pane]! + extra
                given += extra
            }
            heights[.input, default: 3] += spare - given
        }
        var rects: [PaneID: Rect] = [:]
        var y = area.y
        for pane in order {
            let h = heights[pane] ?? 0
            rects[pane] = Rect(x: area.x, y: y, width: area.width, height: h)
            y += h
        }
        if !showExamples { rects[.examples] = Rect(x: area.x, y: y, width: area.width, height: 0) }
        if !showContext { rects[.context] = Rect(x: area.x, y: y, width: area.width, height: 0) }
        return rects
    }

    /// The pane under a screen cell (mouse clicks).
    public func pane(atX x: Int, y: Int) -> PaneID? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }
}
