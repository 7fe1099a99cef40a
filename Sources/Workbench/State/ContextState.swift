import Foundation
import TerminalUI

/// The context pane: the prompt's attachments, schema and tools, one line each, some expanded.
public struct ContextState: Sendable, Equatable {
    public var selected = 0
    /// Keys of the expanded items (`ContextItem.key`).
    public var expanded: Set<String> = []
    /// Decoded image previews by the file's SHA-256; pending while one is decoded.
    public var previews: [String: AttachmentPreview] = [:]
    public var pending: Set<String> = []
    /// How images can be shown on this terminal (set once at start).
    public var graphics: TerminalGraphics = .blocks

    public init() {}
}
