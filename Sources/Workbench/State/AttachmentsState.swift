import Foundation
import PromptFiles
import Providers
import TerminalUI

/// The prompt's attached files as the workbench holds them: the entries asked for (the prompt file's
/// `[[attachments]]`), what loading them gave, and a summary per file for lists and previews.
public struct AttachmentsState: Sendable, Equatable {
    /// The entries the loaded files are for; nil before the first load.
    public var requested: [String]?
    /// The files, with their bytes (an image's bytes are what a preview draws).
    public var files: [ContextFile] = []
    /// One per file, in order: name, kind, size, tokens (estimate), pixel size, hash.
    public var summaries: [AttachmentSummary] = []
    /// Why the entries could not be loaded (one line naming the file); a run is refused while set.
    public var error: String?
    /// True while a load is under way (it runs off the UI thread: a 5 MB folder takes a moment).
    public var loading = false

    public init() {}

    /// The loaded bytes of the image named `name`, for a preview.
    public func imageData(named name: String) -> Data? {
        files.first { $0.path == name && $0.kind == .image }?.content
    }
}

/// One file the picker offers: how it is shown and what is written in `[[attachments]]` for it.
public struct AttachableFile: Sendable, Equatable {
    public var shown: String
    public var entry: String
    public init(shown: String, entry: String) {
        self.shown = shown
        self.entry = entry
    }
}

/// The attach picker: files under the prompt file's folder (or the working folder), filtered as you type;
/// Enter attaches the selected file, or detaches it when it is attached already.
public struct AttachPickerState: Sendable {
    public var filter = TextEditorState()
    public var list = ListViewState(selected: 0)
    /// Nil until the folder has been listed.
    public var candidates: [AttachableFile]?

    public init() {}

    /// The candidates that match the filter, best first (all, in path order, with an empty filter).
    public func matches() -> [AttachableFile] {
        let all = candidates ?? []
        guard !filter.text.isEmpty else { return all }
        return FuzzyMatcher().rank(filter.text, in: all.map(\.shown)).map { all[$0.index] }
    }
}
