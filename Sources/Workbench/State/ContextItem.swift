import Foundation
import Platform
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
        case image(path: String, rows: Int)
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

    /// The items of a prompt, in the order shown: attachments, then the schema, then the tools.
    public static func items(_ document: PromptDocument, files: [String: AttachmentPreview], graphics: TerminalGraphics) -> [ContextItem] {
        var out: [ContextItem] = []
        for attachment in document.attachments {
            let path = attachment.path
            let name = TextSanitizer.plainSanitized(path)
            guard let file = files[path] else {
                out.append(ContextItem(kind: .attachment(path: path), key: "file:" + path, title: name, detail: "reading…", rows: []))
                continue
            }
            if let error = file.error {
                out.append(ContextItem(kind: .attachment(path: path), key: "file:" + path, title: name, detail: "missing", rows: [.text(TextSanitizer.plainSanitized(error))]))
                continue
            }
            var detail = [file.kind]
            if let image = file.image { detail.append("\(image.width)×\(image.height)") }
            detail.append(ByteCount.text(file.bytes))
            if file.kind == "text" { detail.append("~\(TokenEstimate.tokens(characters: file.bytes)) tok") }
            var rows: [Row] = []
            if file.preview != nil || file.png != nil, graphics != .none {
                rows.append(.image(path: path, rows: imageRows))
            } else if let image = file.image {
                let why = graphics == .none ? "" : file.noPreview.map { " (no preview: \($0))" } ?? ""
                rows.append(.text("\(image.format.rawValue), \(image.width)×\(image.height) pixels, \(ByteCount.text(file.bytes))" + TextSanitizer.plainSanitized(why)))
            }
            if file.kind == "text" {
                rows += file.head.map { .text($0) }
                if file.lineCount > file.head.count { rows.append(.text("… \(file.lineCount - file.head.count) more lines")) }
            }
            out.append(ContextItem(kind: .attachment(path: path), key: "file:" + path, title: name, detail: detail.joined(separator: " · "), rows: rows))
        }
        if let schema = document.schema {
            out.append(ContextItem(kind: .schema, key: "schema", title: "schema", detail: schemaSummary(schema), rows: schema.prettyLines.map { .text($0) }))
        } else if let file = document.schemaFile {
            out.append(ContextItem(kind: .schema, key: "schema", title: "schema", detail: TextSanitizer.plainSanitized(file), rows: []))
        }
        for tool in document.tools {
            let arguments = propertyNames(tool.parameters).joined(separator: ", ")
            var rows: [Row] = []
            if !tool.description.isEmpty { rows.append(.text(TextSanitizer.plainSanitized(tool.description))) }
            rows += tool.parameters.prettyLines.map { .text($0) }
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
