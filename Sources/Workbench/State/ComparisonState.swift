/// Runs shown side by side: a re-run next to its saved original, or a grid of instructions × models.
public struct ComparisonState: Sendable {
    /// One column: a run in `WorkbenchState.runs` and how it is labelled.
    public struct Column: Sendable, Equatable {
        public var runID: String
        public var title: String
        public var subtitle: String?
        public init(runID: String, title: String, subtitle: String? = nil) {
            self.runID = runID
            self.title = title
            self.subtitle = subtitle
        }
    }

    public var title: String
    public var columns: [Column]
    public var focused = 0
    /// The focused column fills the screen.
    public var maximized = false
    /// A word diff between these two columns is shown instead of the columns.
    public var diff: (Int, Int)?
    /// First column shown when there are more than fit.
    public var firstVisible = 0
    /// Rows scrolled, per column; `linkedScroll` moves them together.
    public var scroll: [Int]
    public var linkedScroll = true
    /// Whether the comparison screen is showing (Esc goes back to the editor; F6 comes back).
    public var visible = true

    public init(title: String, columns: [Column]) {
        self.title = title
        self.columns = columns
        self.scroll = Array(repeating: 0, count: columns.count)
    }
}
