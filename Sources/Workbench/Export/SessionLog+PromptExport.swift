import Sessions

extension SessionLog {
    /// The runs a prompt file exported from this session reproduces: run `number` alone, or its whole
    /// comparison group when it belongs to one; without a number, the last run (and its group).
    /// Nil when the session has no such run.
    public func runsForPromptExport(run number: Int?) -> [RecordedRun]? {
        let chosen: RecordedRun?
        if let number { chosen = run(number) } else { chosen = runs.last }
        guard let chosen else { return nil }
        if let group = chosen.started.group {
            let members = runs(inGroup: group)
            if !members.isEmpty { return members }
        }
        return [chosen]
    }
}
