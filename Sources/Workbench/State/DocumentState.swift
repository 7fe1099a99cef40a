import Foundation
import PromptFiles

/// The prompt file behind the workbench: where it is, whether it can be written, and what was last
/// saved, so autosave writes only real changes and a change made on disk is told from our own.
public struct DocumentState: Sendable {
    /// The file; nil when the workbench has none (tests, `--no-save` of prompts).
    public var url: URL?
    /// The scratch workspace (`$XDG_STATE_HOME/refract/scratch.refract.toml`): it also keeps the focus.
    public var isScratch = false
    /// What the file held that the workbench does not edit (title, other models, raw format, unknown keys).
    public var base = PromptDocument()
    /// Why edits are not saved, when they are not (read-only file, another workbench has it).
    public var readOnlyReason: String?
    /// The text last read from or written to the file.
    public var savedText = ""
    /// The content fingerprint at that point; unsaved when the state's differs.
    public var savedFingerprint = 0
    /// The text being written now (a save in flight), and the fingerprint it captures.
    public var savingText: String?
    public var savingFingerprint = 0
    /// When the first unsaved change was made (autosave fires at most a second after it).
    public var changedSince: Double?
    /// The last save failed: why (shown until a save succeeds).
    public var saveError: String?
    /// The file changed on disk while there were unsaved edits: the disk's version, until the user chooses.
    public var conflict: DiskVersion?
    /// The mode was set by the file or by the user (written back); otherwise it follows the model.
    public var explicitMode = false
    /// Bumped by every edit of the file's cases or `repeat` (they live in `base`), so autosave sees it.
    public var casesRevision = 0

    public init() {}

    /// The file's name for the title.
    public var displayName: String? {
        guard let url else { return nil }
        return isScratch ? "scratch" : url.lastPathComponent
    }
}

/// A version of the prompt file read from disk after it changed underneath the workbench.
public struct DiskVersion: Sendable {
    public var document: PromptDocument
    public var text: String

    public init(document: PromptDocument, text: String) {
        self.document = document
        self.text = text
    }
}
