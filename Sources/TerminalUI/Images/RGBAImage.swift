import Foundation

/// Decoded pixels, 8-bit RGBA, row by row: what the terminal previews are drawn from.
public struct RGBAImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width * height * 4` bytes.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixel at (x, y) composited over `background` (alpha blended), as RGB.
    public func rgb(x: Int, y: Int, over background: (UInt8, UInt8, UInt8) = (0, 0, 0)) -> (UInt8, UInt8, UInt8) {
        let i = (y * width + x) * 4
        let a = Int(pixels[i + 3])
        func mix(_ c: UInt8, _ b: UInt8) -> UInt8 { UInt8((Int(c) * a + Int(b) * (255 - a)) / 255) }
        return (mix(pixels[i], background.0), mix(pixels[i + 1], background.1), mix(pixels[i + 2], background.2))
    }

    /// The average colour of a box of pixels (clamped to the image), for scaling down.
    public func average(x0: Int, y0: Int, x1: Int, y1: Int, over background: (UInt8, UInt8, UInt8) = (0, 0, 0)) -> (UInt8, UInt8, UInt8) {
        let xs = max(0, x0)..<max(max(0, x0) + 1, min(width, x1))
        let ys = max(0, y0)..<max(max(0, y0) + 1, min(height, y1))
        var r = 0, g = 0, b = 0, n = 0
        for y in ys where y < height {
            for x in xs where x < width {
                let (pr, pg, pb) = rgb(x: x, y: y, over: background)
                r += Int(pr); g += Int(pg); b += Int(pb); n += 1
            }
        }
        guard n > 0 else { return background }
        return (UInt8(r / n), UInt8(g / n), UInt8(b / n))
    }
}
