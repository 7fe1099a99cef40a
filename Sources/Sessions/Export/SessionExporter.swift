import Foundation

/// Exports a session for people (Markdown) or programs (one JSON object).
public enum SessionExporter {
    /// The export formats `refract sessions export --format` accepts.
    public enum Format: String, Sendable, CaseIterable {
        case markdown, json
    }

    public static func export(_ log: SessionLog, as format: Format) throws -> String {
        switch format {
        case .markdown: MarkdownExport.render(log)
        case .json: try JSONExport.render(log)
        }
    }
}
