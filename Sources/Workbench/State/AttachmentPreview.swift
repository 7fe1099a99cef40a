import Foundation
import TerminalUI

/// An attached image made ready to show: decoded and scaled down for half blocks and sixel, the PNG's own
/// bytes for kitty, or why there is none. Decoded off the UI thread (a large PNG takes a moment).
public struct AttachmentPreview: Sendable, Equatable {
    /// The image scaled down (PNG only: the one format decoded here).
    public var image: RGBAImage?
    /// The PNG's own bytes, for kitty (which draws PNG itself).
    public var png: [UInt8]?
    /// Why there is no preview (a PNG that does not decode; other formats are not decoded here).
    public var unavailable: String?

    public init(image: RGBAImage? = nil, png: [UInt8]? = nil, unavailable: String? = nil) {
        self.image = image
        self.png = png
        self.unavailable = unavailable
    }

    /// The largest preview kept: enough for a side pane of half blocks, small enough to redraw every frame.
    static let previewLimit = 160

    /// Decodes an image file's bytes (pure).
    public static func decode(_ data: Data, mediaType: String) -> AttachmentPreview {
        guard mediaType == "image/png" else {
            return AttachmentPreview(unavailable: "\(mediaType.replacingOccurrences(of: "image/", with: "").uppercased()) is not decoded here")
        }
        let bytes = Array(data)
        do {
            return AttachmentPreview(image: downscaled(try PNGDecoder.decode(bytes, maxPixels: 25_000_000)), png: bytes)
        } catch {
            return AttachmentPreview(unavailable: error.description)
        }
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
