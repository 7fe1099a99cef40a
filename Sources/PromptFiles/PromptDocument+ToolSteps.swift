import Foundation

extension PromptDocument {
    /// The most tool steps a run takes (`[params] max_tool_steps`; nil: the loop's default).
    ///
    /// Kept as a line of `[params]` rather than a stored field: a stored field more made the document
    /// crash when destroyed in the test build (a Swift 6.3 miscompile of the reader); the reader checks
    /// the value, and the line is written back where it was.
    public var maxToolSteps: Int? {
        get {
            for line in parameterExtras.lines {
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == "max_tool_steps" { return Int(parts[1]) }
            }
            return nil
        }
        set {
            let index = parameterExtras.lines.firstIndex { $0.hasPrefix("max_tool_steps ") || $0.hasPrefix("max_tool_steps=") }
            switch (newValue, index) {
            case (let n?, let i?): parameterExtras.lines[i] = "max_tool_steps = \(n)"
            case (let n?, nil): parameterExtras.lines.append("max_tool_steps = \(n)")
            case (nil, let i?): parameterExtras.lines.remove(at: i)
            case (nil, nil): break
            }
        }
    }
}
