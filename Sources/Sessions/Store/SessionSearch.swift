import Foundation

/// Case-insensitive substring search across the prompts and answers of session files.
///
/// Streams each file: answers are assembled per run only until the run ends, so memory stays
/// bounded by the runs in flight, not by the file.
public enum SessionSearch {
    /// Hits in one file, one per run and field, in file order.
    public static func search(_ query: String, in file: URL, limit: Int = 500) throws(SessionError) -> [SearchHit] {
        let needle = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !needle.isEmpty else { return [] }
        var state = FileSearch(needle: needle, file: file, limit: limit)
        var isHeader = true
        try SessionIndex.withLines(of: file) { (line, _, _) throws(SessionError) -> Bool in
            if isHeader {
                guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { return true }
                isHeader = false
                let header = try SessionHeaderCheck.header(from: line, terminated: true, path: file.path)
                state.title = header.title
                return true
            }
            guard let event = try? SessionLineCodec.decodeLine(line) else { return true }
            state.consume(event)
            return state.hits.count < limit
        }
        state.finishAll()
        // Renamed after the hits were made: show the final title.
        return state.hits.prefix(limit).map { hit in
            var hit = hit
            hit.sessionTitle = state.title
            return hit
        }
    }

    /// The text around the first match of `needle` in `text`, or nil when there is none.
    public static func snippet(of needle: String, in text: String, radius: Int = 40) -> String? {
        guard let r = text.range(of: needle, options: [.caseInsensitive]) else { return nil }
        let start = text.index(r.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(r.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        var out = String(text[start..<end]).map { $0.isNewline || $0 == "\t" ? " " : $0 }.reduce(into: "") { $0.append($1) }
        out = out.trimmingCharacters(in: .whitespaces)
        if start > text.startIndex { out = "…" + out }
        if end < text.endIndex { out += "…" }
        return out
    }
}

/// The state of a search through one file.
private struct FileSearch {
    let needle: String
    let file: URL
    let limit: Int
    var title = ""
    var hits: [SearchHit] = []
    var answers: [Int: (text: String, reasoning: String)] = [:]

    init(needle: String, file: URL, limit: Int) {
        self.needle = needle
        self.file = file
        self.limit = limit
    }

    mutating func consume(_ event: SessionEvent) {
        switch event {
        case .renamed(let r): title = r.title
        case .runStarted(let s):
            let p = s.prompt
            let variables = p.variables.keys.sorted().map { "\($0)=\(p.variables[$0] ?? "")" }.joined(separator: " ")
            for (field, text) in [(SearchHit.Field.system, p.system), (.instruction, p.instruction), (.input, p.input), (.variables, variables)] {
                hit(s.run, field, text)
            }
            answers[s.run] = ("", "")
        case .text(let d): answers[d.run]?.text += d.text
        case .reasoning(let d): answers[d.run]?.reasoning += d.text
        case .finished(let f): finish(f.run)
        case .failed(let f): finish(f.run)
        default: break
        }
    }

    mutating func finish(_ run: Int) {
        guard let answer = answers.removeValue(forKey: run) else { return }
        hit(run, .answer, answer.text)
        hit(run, .reasoning, answer.reasoning)
    }

    mutating func finishAll() {
        for run in answers.keys.sorted() { finish(run) }
    }

    mutating func hit(_ run: Int, _ field: SearchHit.Field, _ text: String) {
        guard !text.isEmpty, let snippet = SessionSearch.snippet(of: needle, in: text) else { return }
        hits.append(SearchHit(file: file, sessionTitle: title, run: run, field: field, snippet: snippet))
    }
}
