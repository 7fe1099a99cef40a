import Foundation
import TerminalUI

/// The context pane: the prompt's attachments, schema and tools, one line each, some expanded.
public struct ContextState: Sendable, Equatable {
    public var selected = 0
    /// Keys of the expanded items (`ContextItem.key`).
    public var expanded: Set<String> = []
    /// What is known of each attached file, by the path as written; pending while it is read.
    public var files: [String: AttachmentPreview] = [:]
    public var pending: Set<String> = []
    /// How images can be shown on this terminal (set once at start).
    public var graphics: TerminalGraphics = .blocks

    public init() {}
}
