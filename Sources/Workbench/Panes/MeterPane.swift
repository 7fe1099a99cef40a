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

    func render(in area: Rect, into buffer: inout CellBuffer) {
        var lines: [[(String, ThemeRole)]] = [figures(), money()]
        var inner = area
        if area.height >= 3 {
            let panel = Panel(title: "Meter", theme: theme)
            panel.render(in: area, into: &buffer)
            inner = panel.inner(area)
        } else {
            buffer.fill(area, with: Cell(" ", style: theme[.text]))
            lines = [figures() + [("  ", .text)] + money()]
        }
        for (i, segments) in lines.prefix(inner.height).enumerated() {
            var x = inner.x
            for (text, role) in segments where x < inner.maxX {
                x = buffer.write(text, x: x, y: inner.y + i, style: theme[role], maxX: inner.maxX)
            }
        }
    }

    func figures() -> [(String, ThemeRole)] {
        guard let run else { return [("no run yet", .textDim)] }
        var out: [(String, ThemeRole)] = []
        let input = run.inputTokens, output = run.outputTokens
        out += [("in ", .meterLabel), ("\(input.count)\(input.exact ? "" : "~")", .meterValue)]
        out += [("  out ", .meterLabel), ("\(output.count)\(output.exact ? "" : "~")", .meterValue)]
        if let rate = run.tokensPerSecond(now: now) {
            out += [("  ", .text), (String(format: "%.1f", rate), .meterValue), (" tok/s", .meterLabel)]
        }
        if let ttft = run.timeToFirstToken {
            out += [("  ttft ", .meterLabel), (MeterFormat.seconds(ttft), .meterValue)]
        }
        out += [("  ", .text), (MeterFormat.seconds(run.elapsed(now: now)), .meterValue)]
        if let reasoning = run.result.usage?.reasoning, reasoning > 0 {
            out += [("  reasoning ", .meterLabel), ("\(reasoning)", .meterValue)]
        }
        return out
    }

    func money() -> [(String, ThemeRole)] {
        var out: [(String, ThemeRole)] = []
        if let run {
            if let cost = run.cost {
                out += [("run ", .meterLabel), (MeterFormat.usd(cost) + (run.result.usage?.output == nil ? "~" : ""), .meterCost)]
            } else {
                out += [("run ", .meterLabel), ("unpriced", .meterUnpriced)]
            }
        }
        out += [("  session ", .meterLabel), (MeterFormat.usd(session.usd), .meterCost)]
        if session.unpricedRuns > 0 { out += [(" + \(session.unpricedRuns) unpriced", .meterUnpriced)] }
        if let price = run?.price {
            out += [("  price ", .meterLabel), (price.source + (price.checked.map { ", checked \($0)" } ?? ""), .textDim)]
        }
        return out
    }
}

