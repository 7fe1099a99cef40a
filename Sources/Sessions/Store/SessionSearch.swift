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
            // Only prompts, answers, run ends and renames matter: skip the rest without decoding it.
            switch SessionLineCodec.peekType(line) {
            case .known(.finished), .known(.failed):
                if let run = DeltaLineParser.peekRun(line) {
                    state.finish(run)
                    return state.hits.count < limit
                }
            case .known(.runStarted):
                if state.consumeRunStarted(line) { return state.hits.count < limit }
            case .known(.usage), .known(.cost), .known(.toolCall), .known(.warning), .known(.groupStarted), .known(.verdict), .known(.checkResult), .unknown:
                return true
            default:
                break
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
        snippet(of: CaseInsensitiveMatcher(needle), in: text, radius: radius)
    }

    static func snippet(of matcher: CaseInsensitiveMatcher, in text: String, radius: Int = 40) -> String? {
        guard let r = matcher.firstMatch(in: text) else { return nil }
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
    let needle: CaseInsensitiveMatcher
    let file: URL
    let limit: Int
    var title = ""
    var hits: [SearchHit] = []
    var answers: [Int: (text: String, reasoning: String)] = [:]

    init(needle: String, file: URL, limit: Int) {
        self.needle = CaseInsensitiveMatcher(needle)
        self.file = file
        self.limit = limit
    }

    mutating func consume(_ event: SessionEvent) {
        switch event {
        case .renamed(let r): title = r.title
        case .runStarted(let s):
            let p = s.prompt
            started(s.run, system: p.system, instruction: p.instruction, input: p.input, variables: p.variables.map { ($0.key, $0.value) })
        case .text(let d): answers[d.run]?.text += d.text
        case .reasoning(let d): answers[d.run]?.reasoning += d.text
        case .finished(let f): finish(f.run)
        case .failed(let f): finish(f.run)
        default: break
        }
    }

    /// Reads a canonical `run_started` line's prompt without `Codable`; false when it must be decoded instead.
    mutating func consumeRunStarted(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let o = JSONObjectView(line), let run = o.int("run"), let p = o.object("prompt") else { return false }
        let variables = p.object("variables")?.stringMembers ?? []
        started(run, system: p.string("system") ?? "", instruction: p.string("instruction") ?? "", input: p.string("input") ?? "", variables: variables)
        return true
    }

    mutating func started(_ run: Int, system: String, instruction: String, input: String, variables: [(key: String, value: String)]) {
        let vars = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        for (field, text) in [(SearchHit.Field.system, system), (.instruction, instruction), (.input, input), (.variables, vars)] {
            hit(run, field, text)
        }
        answers[run] = ("", "")
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
