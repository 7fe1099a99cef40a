import Foundation
import PromptFiles
import Providers
import TerminalUI

/// One line of the context pane (an attachment, the schema, a tool) and what it shows when expanded.
public struct ContextItem: Sendable, Equatable {
    /// What the item is.
    public enum Kind: Sendable, Equatable {
        case attachment(path: String)
        case schema
        case tool(name: String)
    }

    /// One row of an expanded item.
    public enum Row: Sendable, Equatable {
        case text(String)
        /// An image preview `rows` high, drawn from the attachment's decoded pixels.
        case image(key: String, rows: Int)
    }

    public var kind: Kind
    public var key: String
    /// The left part of the line (the name).
    public var title: String
    /// The right part (kind, size, tokens; what answers a tool).
    public var detail: String
    public var rows: [Row]

    /// Rows an image preview takes in the pane.
    static let imageRows = 8

    /// The items of a prompt, in the order shown: attached files (each file of a glob or folder), then the
    /// schema, then the tools.
    public static func items(_ document: PromptDocument, attachments: AttachmentsState, previews: [String: AttachmentPreview], graphics: TerminalGraphics) -> [ContextItem] {
        var out: [ContextItem] = []
        if let error = attachments.error {
            out.append(ContextItem(kind: .attachment(path: ""), key: "files", title: "attachments", detail: "not loaded", rows: [.text(AttachmentSummary.inert(error))]))
        } else if attachments.loading || (attachments.requested == nil && !document.attachments.isEmpty) {
            out.append(ContextItem(kind: .attachment(path: ""), key: "files", title: "attachments", detail: "reading…", rows: []))
        }
        for (file, summary) in zip(attachments.files, attachments.summaries) where attachments.error == nil {
            out.append(attachmentItem(file, summary, preview: previews[file.sha256], graphics: graphics))
        }
        if let schema = document.schema {
            out.append(ContextItem(kind: .schema, key: "schema", title: "schema", detail: schemaSummary(schema), rows: schema.text(pretty: true).components(separatedBy: "\n").map { .text($0) }))
        } else if let file = document.schemaFile {
            out.append(ContextItem(kind: .schema, key: "schema", title: "schema", detail: TextSanitizer.plainSanitized(file), rows: []))
        }
        for tool in document.tools {
            let arguments = propertyNames(tool.parameters).joined(separator: ", ")
            var rows: [Row] = []
            if !tool.description.isEmpty { rows.append(.text(TextSanitizer.plainSanitized(tool.description))) }
            rows += tool.parameters.text(pretty: true).components(separatedBy: "\n").map { .text($0) }
            let answer: String
            switch tool.answer {
            case .result(let text): answer = "fixed result"; rows.append(.text("result: " + TextSanitizer.plainSanitized(text)))
            case .command(let argv, let timeout):
                answer = "runs " + (argv.first.map { ($0 as NSString).lastPathComponent } ?? "?")
                rows.append(.text("command: " + TextSanitizer.plainSanitized(argv.joined(separator: " ")) + (timeout.map { " (timeout \(Int($0)) s)" } ?? "")))
            case .ask: answer = "asks you"
            }
            let title = TextSanitizer.plainSanitized("\(tool.name)(\(arguments))")
            out.append(ContextItem(kind: .tool(name: tool.name), key: "tool:" + tool.name, title: "tool " + title, detail: "→ " + answer, rows: rows))
        }
        return out
    }

    static func attachmentItem(_ file: ContextFile, _ summary: AttachmentSummary, preview: AttachmentPreview?, graphics: TerminalGraphics) -> ContextItem {
        var detail: [String] = [file.kind == .image ? file.mediaType.replacingOccurrences(of: "image/", with: "").uppercased() : file.kind.rawValue]
        if let size = summary.pixelSize { detail.append(size.description) }
        detail.append(AttachmentRules.size(file.bytes))
        if let tokens = summary.tokens { detail.append("\(summary.tokensCounted ? "" : "~")\(tokens) tok") }
        var rows: [Row] = []
        switch file.kind {
        case .image:
            if let preview, preview.image != nil, graphics != .none {
                rows.append(.image(key: file.sha256, rows: imageRows))
            } else {
                let why = graphics == .none ? "" : (preview?.unavailable).map { " (no preview: \($0))" } ?? ""
                rows.append(.text(AttachmentSummary.inert(summary.line + why)))
            }
        case .text:
            // The first lines only: a file can be megabytes, and items are built for every frame.
            let head = String(decoding: (file.content ?? Data()).prefix(4096), as: UTF8.self)
            let lines = head.split(separator: "\n", omittingEmptySubsequences: false).prefix(6)
            rows += lines.map { .text(TextSanitizer.plainSanitized(String($0))) }
        case .pdf:
            rows.append(.text(AttachmentSummary.inert(summary.line)))
        }
        return ContextItem(kind: .attachment(path: file.path), key: "file:" + file.path, title: AttachmentSummary.inert(file.path), detail: detail.joined(separator: " · "), rows: rows)
    }

    /// `object · title, priority, tags` or the schema's type.
    static func schemaSummary(_ schema: JSON) -> String {
        let names = propertyNames(schema)
        let type = schema["type"]?.plainText ?? "any"
        return names.isEmpty ? type : "\(type) · " + TextSanitizer.plainSanitized(names.joined(separator: ", "))
    }

    static func propertyNames(_ schema: JSON) -> [String] {
        guard case .object(let pairs)? = schema["properties"] else { return [] }
        return pairs.map(\.key)
    }
}
