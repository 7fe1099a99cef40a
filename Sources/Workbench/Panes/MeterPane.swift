import Foundation
import Providers
import TerminalUI

/// Tokens in and out (`~` while estimated), speed, time to first token, elapsed, and cost of this run
/// and of the session, with the price's source ("unpriced" where there is none).
struct MeterPane {
    var run: RunState?
    var session: (usd: Double, unpricedRuns: Int)
    var now: Double
    var theme: ResolvedTheme

    /// A label-and-value group drawn whole or not at all.
    typealias Group = [(String, ThemeRole)]

    func render(in area: Rect, into buffer: inout CellBuffer) {
        // Only the money row ends in free text (the price source) that may be shortened.
        var rows: [(groups: [Group], shortenLast: Bool)] = [(figures(), false), (money(), true)]
        var inner = area
        if area.height >= 3 {
            let panel = Panel(title: "Meter", theme: theme)
            panel.render(in: area, into: &buffer)
            inner = panel.inner(area)
            if inner.height == 1 { rows = [(figures() + money(), true)] }
        } else {
            buffer.fill(area, with: Cell(" ", style: theme[.text]))
            rows = [(figures() + money(), true)]
        }
        for (i, row) in rows.prefix(inner.height).enumerated() {
            draw(row.groups, shortenLast: row.shortenLast, in: Rect(x: inner.x, y: inner.y + i, width: inner.width, height: 1), into: &buffer)
        }
    }

    /// Groups left to right, two spaces apart; a group that does not fit is skipped, except a last one
    /// that may be shortened (the price source), which gets an ellipsis.
    func draw(_ groups: [Group], shortenLast: Bool, in row: Rect, into buffer: inout CellBuffer) {
        var x = row.x
        for (index, group) in groups.enumerated() {
            let gap = x == row.x ? 0 : 2
            let width = group.reduce(0) { $0 + TextWidth.of($1.0) }
            let isLast = shortenLast && index == groups.count - 1
            if x + gap + width > row.maxX, !isLast { continue }
            x += gap
            for (text, role) in group where x < row.maxX {
                let shown = TextTruncation.truncate(text, toWidth: row.maxX - x)
                x = buffer.write(shown, x: x, y: row.y, style: theme[role], maxX: row.maxX)
            }
        }
    }

    func figures() -> [Group] {
        guard let run else { return [[("no run yet", .textDim)]] }
        var out: [Group] = []
        let input = run.inputTokens, output = run.outputTokens
        out.append([("in ", .meterLabel), ("\(input.count)\(input.exact ? "" : "~")", .meterValue)])
        out.append([("out ", .meterLabel), ("\(output.count)\(output.exact ? "" : "~")", .meterValue)])
        if let rate = run.tokensPerSecond(now: now) {
            out.append([(String(format: "%.1f", rate), .meterValue), (" tok/s", .meterLabel)])
        }
        if let ttft = run.timeToFirstToken {
            out.append([("ttft ", .meterLabel), (MeterFormat.seconds(ttft), .meterValue)])
        }
        out.append([(MeterFormat.seconds(run.elapsed(now: now)), .meterValue)])
        if let reasoning = run.result.usage?.reasoning, reasoning > 0 {
            out.append([("reasoning ", .meterLabel), ("\(reasoning)", .meterValue)])
        }
        return out
    }

    func money() -> [Group] {
        var out: [Group] = []
        if let run {
            if let cost = run.cost {
                out.append([("run ", .meterLabel), (MeterFormat.usd(cost) + (run.result.usage?.output == nil ? "~" : ""), .meterCost)])
            } else {
                out.append([("run ", .meterLabel), ("unpriced", .meterUnpriced)])
            }
        }
        var total: Group = [("session ", .meterLabel), (MeterFormat.usd(session.usd), .meterCost)]
        if session.unpricedRuns > 0 { total.append((" + \(session.unpricedRuns) unpriced", .meterUnpriced)) }
        out.append(total)
        if let price = run?.price {
            out.append([("price ", .meterLabel), (price.source + (price.checked.map { ", checked \($0)" } ?? ""), .textDim)])
        }
        return out
    }
}

