import PromptFiles
import TerminalUI

/// The prompt file changed on disk while there were unsaved edits: what differs on each side, side by
/// side, and the two ways out (each keeps the other side in a file beside it, so neither is lost).
struct ConflictOverlay: Widget {
    var mine: String
    var disk: String
    var fileName: String
    var theme: ResolvedTheme

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        let width = min(screen.width, 110)
        let height = min(screen.height, 24)
        let box = Overlay(title: "\(fileName) changed on disk", rightTitle: "k keep yours · t take disk's · Esc later", width: width, height: height, theme: theme)
        box.render(in: screen, into: &buffer)
        let inner = box.inner(in: screen)
        guard inner.height >= 4, inner.width >= 20 else { return }
        let intro = "You have unsaved edits and the file was changed by something else. Lines that differ:"
        buffer.write(TextTruncation.truncate(intro, toWidth: inner.width), x: inner.x, y: inner.y, style: theme[.overlayText], maxX: inner.maxX)
        let (onlyMine, onlyDisk) = Self.differingLines(mine, disk)
        let half = (inner.width - 1) / 2
        let columns: [(String, [String], Int, ThemeRole)] = [
            ("yours (not saved yet)", onlyMine, inner.x, .diffRemoved), ("on disk now", onlyDisk, inner.x + half + 1, .diffAdded),
        ]
        for (title, lines, x, role) in columns {
            buffer.write(TextTruncation.truncate(title, toWidth: half), x: x, y: inner.y + 2, style: theme[.paneTitleFocused], maxX: x + half)
            let rows = inner.height - 4
            for (i, line) in lines.prefix(rows).enumerated() {
                let shown = i == rows - 1 && lines.count > rows ? "… \(lines.count - rows + 1) more" : TextSanitizer.plainSanitized(line)
                buffer.write(TextTruncation.truncate(shown, toWidth: half), x: x, y: inner.y + 3 + i, style: theme[role], maxX: x + half)
            }
            if lines.isEmpty { buffer.write("(nothing only here)", x: x, y: inner.y + 3, style: theme[.textDim], maxX: x + half) }
        }
        let footer = "k: keep yours (the disk's is kept beside it as .disk-TIME)   t: take the disk's (yours kept as .mine-TIME)"
        buffer.write(TextTruncation.truncate(footer, toWidth: inner.width), x: inner.x, y: inner.maxY - 1, style: theme[.helpText], maxX: inner.maxX)
    }

    /// Lines of each text that the other lacks (as multisets, in order), blank lines left out.
    static func differingLines(_ a: String, _ b: String) -> ([String], [String]) {
        func counts(_ lines: [Substring]) -> [Substring: Int] { lines.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
        let la = a.split(separator: "\n"), lb = b.split(separator: "\n")
        var ca = counts(la), cb = counts(lb)
        var onlyA: [String] = [], onlyB: [String] = []
        for line in la {
            if let n = cb[line], n > 0 { cb[line] = n - 1 } else { onlyA.append(String(line)) }
        }
        for line in lb {
            if let n = ca[line], n > 0 { ca[line] = n - 1 } else { onlyB.append(String(line)) }
        }
        return (onlyA, onlyB)
    }
}
