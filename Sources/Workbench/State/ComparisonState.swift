import Providers
/// Runs shown side by side: a re-run next to its saved original, or a grid of instructions × models.
public struct ComparisonState: Sendable {
    /// One column: a run in `WorkbenchState.runs` and how it is labelled.
    public struct Column: Sendable, Equatable {
        public var runID: String
        public var title: String
        public var subtitle: String?
        /// For grid cells: the instruction variant's name and the model, for verdicts and summaries.
        public var variant: String?
        public var model: String?
        public init(runID: String, title: String, subtitle: String? = nil, variant: String? = nil, model: String? = nil) {
            self.runID = runID
            self.title = title
            self.subtitle = subtitle
            self.variant = variant
            self.model = model
        }
    }

    /// The session group these runs belong to (a grid run from the workbench).
    public var groupID: String?
    /// Blind judging, when on.
    public var blind: BlindState?

    public var title: String
    public var columns: [Column]
    public var focused = 0
    /// The focused column fills the screen.
    public var maximized = false
    /// A word diff between these two columns is shown instead of the columns.
    public var diff: (Int, Int)?
    /// The column `d` diffs against (the first one unless marked with `x`).
    public var marked: Int?
    /// First column shown when there are more than fit.
    public var firstVisible = 0
    /// Rows scrolled, per column; `linkedScroll` moves them together.
    public var scroll: [Int]
    public var linkedScroll = true
    /// Whether the comparison screen is showing (Esc goes back to the editor; F6 comes back).
    public var visible = true
    /// Columns shade their answers by token probability (`p`), so instructions compare by how sure the model was.
    public var probabilities = false
    /// Label mode (`L`): each column's labels scored instead of read from its sampled answer, by run id.
    public var labelScores: [String: LabelScoreState] = [:]

    public init(title: String, columns: [Column]) {
        self.title = title
        self.columns = columns
        self.scroll = Array(repeating: 0, count: columns.count)
    }
}

/// A column's labels in label mode: being scored, scored, or why not.
public enum LabelScoreState: Sendable, Equatable {
    case pending
    case scored(LabelScores)
    case failed(String)
}
