import Foundation
import Providers
import TerminalUI

/// Tokens in and out (`~` while estimated), speed, time to first token, elapsed, and cost of this run
/// and of the session, with the price's source ("unpriced" where there is none).
struct MeterPane: Widget {
    var run: RunState?
    var session: (usd: Double, unpricedRuns: Int)
    var now: Double
    var theme: ResolvedTheme

    typealias Group = SegmentLine.Group

    func render(in area: Rect, into buffer: inout CellBuffer) {
        // Only the money row ends in free text (the price source) that may be shortened.
        var rows: [SegmentLine] = [SegmentLine(groups: figures()), SegmentLine(groups: money(), shortenLast: true)]
        var inner = area
        if area.height >= 3 {
            let panel = Panel(title: "Meter", theme: theme)
            panel.render(in: area, into: &buffer)
            inner = panel.inner(area)
            if inner.height == 1 { rows = [SegmentLine(groups: figures() + money(), shortenLast: true)] }
        } else {
            buffer.fill(area, with: Cell(" ", style: theme[.text]))
            rows = [SegmentLine(groups: figures() + money(), shortenLast: true)]
        }
        for (i, row) in rows.prefix(inner.height).enumerated() {
            row.render(in: Rect(x: inner.x, y: inner.y + i, width: inner.width, height: 1), into: &buffer, theme: theme)
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
        let tokens = run.shownTokens
        if !tokens.isEmpty {
            // How sure the model was, as the probability view counts it.
            let f = TokenProbabilityView.figures(of: tokens)
            out.append([("ppl ", .meterLabel), (String(format: "%.2f", exp(-f.mean)), .meterValue)])
            out.append([("least ", .meterLabel), (TokenProbabilityView.quoted(f.least.token) + " " + ProbabilityText.percent(f.least.probability), .meterValue)])
        }
        return out
    }

    func money() -> [Group] {
        var out: [Group] = []
        if let run {
            if let cost = run.cost {
                out.append([("run ", .meterLabel), (MeterFormat.usd(cost) + (run.outputTokens.exact ? "" : "~"), .meterCost)])
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

