import Foundation
import Sessions
import TerminalUI

/// The session browser: every saved session (title, date, runs, models, cost), a search across
/// prompts and answers, and one session's runs to fork, replay or re-run.
public struct BrowserState: Sendable {
    /// Which list the browser shows.
    public enum Level: Sendable {
        case sessions
        case runs(SessionScan)
    }

    /// What the keys do: move through the list, type the search, type a new title, or answer y/n to a delete.
    /// One value, so two of them can never be on at once.
    public enum Mode: Sendable, Equatable {
        case browsing
        case searching
        case renaming(TextEditorState)
        case confirmingDelete
    }

    public var level: Level = .sessions
    public var mode: Mode = .browsing
    public var sessions: [SessionSummary] = []
    public var loaded = false
    /// Files that could not be read, said once in the footer.
    public var problems: [String] = []
    /// The search words; typed while `mode` is `.searching` (after `/`), kept as a filter after Enter.
    public var query = TextEditorState()
    /// Full-text results for `searchedQuery` (nil: no search yet, filter by title only).
    public var hits: [SearchHit]?
    public var searchedQuery = ""
    public var list = ListViewState(selected: 0)
    /// The session this workbench is recording into (it cannot be deleted while open).
    public var currentFile: URL?

    public init() {}

    /// The sessions shown: all, filtered by the query on title and models, or those with text hits.
    public var visibleSessions: [SessionSummary] {
        let q = query.text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !q.isEmpty else { return sessions }
        let hitFiles = Set((hits ?? []).map(\.file.standardizedFileURL))
        return sessions.filter { s in
            s.title.lowercased().contains(q) || s.models.contains { $0.description.lowercased().contains(q) }
                || hitFiles.contains(s.file.standardizedFileURL)
        }
    }

    /// The first text hit in a session, shown under its row.
    public func snippet(for file: URL) -> String? {
        hits?.first { $0.file.standardizedFileURL == file.standardizedFileURL }?.snippet
    }
}

/// Why a saved run is being loaded.
public enum SavedRunPurpose: Sendable, Equatable {
    /// Put its prompt back in the editor and show its answer.
    case fork
    /// Play it back with its timing.
    case replay
    /// Run its prompt again (on the current model) and compare.
    case rerun
}
