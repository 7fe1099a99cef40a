import Foundation

extension Prompt {
    /// Things in the examples worth a marker before sending, for `mode`: an example whose answer breaks the
    /// pattern the others set, which a model copies as readily as the good ones.
    public func exampleHazards(mode: RequestMode) -> [String] {
        var found: [String] = []
        let outputs = examples.map(\.output)
        for (i, output) in outputs.enumerated() {
            let n = i + 1
            if output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                found.append("example \(n) has no answer: the model learns that an empty answer is fine")
                continue
            }
            if mode == .rawCompletion {
                // The open end stops at the next "Input:"; an answer that writes one cuts the pattern short.
                let marker = rawFormat.inputPrefix.trimmingCharacters(in: .whitespaces)
                if !marker.isEmpty, output.contains("\n" + marker) {
                    found.append("example \(n)'s answer contains \"\\n\(marker)\": in raw mode that is where the model is stopped")
                }
            }
            if output.first?.isWhitespace == true || output.last?.isWhitespace == true {
                found.append("example \(n)'s answer starts or ends with a space or newline: the model copies it")
            }
        }
        // One answer many times longer (or with several lines where the others have one) teaches two formats.
        let lines = outputs.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }
        if outputs.count >= 2, lines.max() ?? 1 > 1, lines.min() == 1 {
            let odd = lines.enumerated().filter { $0.element > 1 }.map { String($0.offset + 1) }
            if odd.count < outputs.count {
                found.append("example\(odd.count > 1 ? "s" : "") \(odd.joined(separator: ", ")) answer\(odd.count > 1 ? "" : "s") on several lines where the others use one: two formats to copy")
            }
        }
        return found
    }
}
