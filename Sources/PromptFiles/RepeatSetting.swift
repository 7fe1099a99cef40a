import TOMLKit

extension PromptDocument {
    /// The file's `repeat = N` (samples per evaluation cell), when it has one. The evaluation reader gives
    /// the key its meaning and checks its range; this reads it only to show it and to change it.
    public var repeatCount: Int? {
        for line in extras.lines where Self.isRepeatLine(line) {
            if let table = try? TOMLTable(string: line), let n = table["repeat"]?.int { return n }
        }
        return nil
    }

    /// Writes `repeat = N` where the key was (so its comment stays beside it), or adds it; nil removes it.
    /// A file without the key does not grow one for 1, the default.
    public mutating func setRepeatCount(_ count: Int?) {
        let index = extras.lines.firstIndex(where: Self.isRepeatLine)
        guard let count, count != 1 || index != nil else {
            if let index { extras.lines.remove(at: index) }
            return
        }
        let line = TOMLFragment.line(key: "repeat", value: count)
        if let index { extras.lines[index] = line } else { extras.lines.append(line) }
    }

    /// `repeat = …`, not a key that merely starts with the word (`repeats_note = …`).
    private static func isRepeatLine(_ line: String) -> Bool {
        guard line.hasPrefix("repeat") else { return false }
        return line.dropFirst("repeat".count).first.map { $0 == " " || $0 == "=" } ?? false
    }
}
