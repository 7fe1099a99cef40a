import Foundation

/// How figures are written on screen and on stderr, in one place so the meter and `refract run` agree.
public enum MeterFormat {
    /// `0.42 s`, `3.1 s`, `1 m 05 s`.
    public static func seconds(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.2f s", seconds) }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        return String(format: "%d m %02d s", Int(seconds) / 60, Int(seconds) % 60)
    }

    /// `$0.0123`, `$1.24`, `$0.000045`: enough digits to see small per-run costs.
    public static func usd(_ usd: Double) -> String {
        if usd == 0 { return "$0.00" }
        if usd >= 1 { return String(format: "$%.2f", usd) }
        if usd >= 0.01 { return String(format: "$%.4f", usd) }
        return String(format: "$%.6f", usd)
    }

    /// `0.7`, `1`, `0.05`: short and exact enough for parameters and prices.
    public static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// `$3`, `$0.15`: a price per million tokens.
    public static func price(_ perMillion: Double) -> String { "$" + number(perMillion) }
}
