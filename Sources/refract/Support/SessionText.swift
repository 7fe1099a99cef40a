import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Providers
import Sessions
import TerminalUI

/// How the session commands write figures and untrusted text (titles, answers) on one line.
enum SessionText {
    /// Text from a session file made inert and flattened to one line.
    static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        return TextSanitizer.plainSanitized(flat.replacingOccurrences(of: "\t", with: " "))
    }

    /// The first non-blank line of `text`, inert.
    static func firstLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        return TextSanitizer.plainSanitized(line.replacingOccurrences(of: "\t", with: " "))
    }

    /// `2026-06-01 14:03` in local time.
    static func date(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&t, &parts)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min)
        )
    }

    /// A total over runs: `$0.0123`, `$0.0123+` when some runs are unpriced, `unpriced` when all are.
    static func total(_ usd: Double, runs: Int, unpriced: Int) -> String {
        if runs > 0, unpriced == runs { return "unpriced" }
        return ExportFormatting.usd(usd) + (unpriced > 0 ? "+" : "")
    }

    /// Milliseconds as `0.61 s`, or `–`.
    static func seconds(_ ms: Int?) -> String {
        ms.map { ExportFormatting.seconds(ms: $0) } ?? "–"
    }

    /// Pads or cuts `text` to `width` display columns.
    static func column(_ text: String, _ width: Int, right: Bool = false) -> String {
        TextTruncation.fit(text, toWidth: width, alignRight: right)
    }

    /// Rows as aligned columns (each as wide as its widest cell, capped), two spaces apart; the last column is not padded.
    static func table(_ rows: [[String]], caps: [Int], rightAligned: Set<Int> = []) -> String {
        guard let columns = rows.first?.count else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() where i < columns { widths[i] = max(widths[i], TextWidth.of(cell)) }
        }
        for i in widths.indices where i < caps.count { widths[i] = min(widths[i], caps[i]) }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == columns - 1 && !rightAligned.contains(i)
                    ? TextTruncation.truncate(cell, toWidth: widths[i])
                    : column(cell, widths[i], right: rightAligned.contains(i))
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
