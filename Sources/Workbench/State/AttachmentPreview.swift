import Foundation
import TerminalUI

/// What the workbench knows of one attached file for the context list: its kind, size, a few lines or
/// a small decoded image for the preview. Built off the UI thread from the file's bytes.
public struct AttachmentPreview: Sendable, Equatable {
    /// "text", "PNG image", "PDF document"…
    public var kind: String
    public var bytes: Int
    public var image: ImageHeader?
    /// The image scaled down for previews (PNG only: the one format decoded here).
    public var preview: RGBAImage?
    /// The PNG's own bytes, for kitty (which draws PNG itself).
    public var png: [UInt8]?
    /// The first lines of a text file, sanitized.
    public var head: [String] = []
    public var lineCount = 0
    /// Why it could not be read (missing, unreadable).
    public var error: String?
    /// Why an image has no preview (a PNG that does not decode; other formats are not decoded here).
    public var noPreview: String?

    public init(kind: String, bytes: Int) {
        self.kind = kind
        self.bytes = bytes
    }

    /// The largest preview kept: enough for a side pane of half blocks, small enough to redraw every frame.
    static let previewLimit = 160

    /// Describes a file's content (pure: the caller reads the bytes).
    public static func describe(_ data: [UInt8]) -> AttachmentPreview {
        if let header = ImageHeader.read(data) {
            var file = AttachmentPreview(kind: "\(header.format.rawValue) image", bytes: data.count)
            file.image = header
            if header.format == .png {
                do {
                    file.preview = downscaled(try PNGDecoder.decode(data, maxPixels: 25_000_000))
                    file.png = data
                } catch {
                    file.noPreview = error.description
                }
            } else {
                file.noPreview = "\(header.format.rawValue) is not decoded here"
            }
            return file
        }
        if data.starts(with: Array("%PDF-".utf8)) { return AttachmentPreview(kind: "PDF document", bytes: data.count) }
        guard let text = String(validating: data, as: UTF8.self), !data.contains(0) else {
            return AttachmentPreview(kind: "binary", bytes: data.count)
        }
        var file = AttachmentPreview(kind: "text", bytes: data.count)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        file.lineCount = lines.count
        file.head = lines.prefix(6).map { TextSanitizer.plainSanitized(String($0)) }
        return file
    }

    /// Reads and describes a file, or says why it cannot.
    public static func read(_ url: URL, limit: Int = 64 << 20) -> AttachmentPreview {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes else { return failed("no such file: \(url.path)") }
        let size = (attributes[.size] as? Int) ?? 0
        if attributes[.type] as? FileAttributeType == .typeDirectory { return AttachmentPreview(kind: "folder", bytes: size) }
        guard size <= limit else { return AttachmentPreview(kind: "file", bytes: size) }
        guard let data = FileManager.default.contents(atPath: url.path) else { return failed("cannot read \(url.path)") }
        return describe(Array(data))
    }

    static func failed(_ message: String) -> AttachmentPreview {
        var file = AttachmentPreview(kind: "missing", bytes: 0)
        file.error = message
        return file
    }

    /// Box-averaged to at most `previewLimit` pixels a side.
    static func downscaled(_ image: RGBAImage) -> RGBAImage {
        let scale = min(1, Double(previewLimit) / Double(max(image.width, image.height)))
        guard scale < 1 else { return image }
        let w = max(1, Int(Double(image.width) * scale)), h = max(1, Int(Double(image.height) * scale))
        var pixels = [UInt8](repeating: 255, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                let (r, g, b) = image.average(x0: x * image.width / w, y0: y * image.height / h, x1: (x + 1) * image.width / w, y1: (y + 1) * image.height / h)
                let i = (y * w + x) * 4
                pixels[i] = r; pixels[i + 1] = g; pixels[i + 2] = b
            }
        }
        return RGBAImage(width: w, height: h, pixels: pixels)
    }
}
