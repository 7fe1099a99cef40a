import Foundation
import Providers
import TerminalUI

/// The response pane's last line for a run with a schema: `schema: valid ✓`, or `schema ✗ ` and the
/// first violation with its path (model output inside it shown inert).
struct SchemaVerdictLine: Widget {
    var verdict: SchemaVerdict
    var theme: ResolvedTheme

    func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        if verdict.valid {
            _ = buffer.write("schema: valid ✓", x: area.x, y: area.y, style: theme[.success], maxX: area.maxX)
            return
        }
        let x = buffer.write("schema ✗ ", x: area.x, y: area.y, style: theme[.error], maxX: area.maxX)
        let text = TextSanitizer.plainSanitized(verdict.violation ?? "invalid")
        _ = buffer.write(TextTruncation.truncate(text, toWidth: max(0, area.maxX - x)), x: x, y: area.y, style: theme[.responseMeta], maxX: area.maxX)
    }
}
