import Foundation

/// Decodes PNG files (every colour type, bit depths 1–16, interlaced or not) to RGBA for previews.
/// Refuses images over `maxPixels` before inflating, so a hostile header cannot take the memory.
public enum PNGDecoder {
    /// Why a file could not be decoded.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public static func decode(_ bytes: [UInt8], maxPixels: Int = 40_000_000) throws(Failure) -> RGBAImage {
        guard bytes.count > 8, Array(bytes[0..<8]) == signature else { throw Failure("not a PNG file") }
        var position = 8
        var header: (width: Int, height: Int, depth: Int, colorType: Int, interlaced: Bool)?
        var palette: [UInt8] = []
        var transparency: [UInt8] = []
        var compressed: [UInt8] = []
        while position + 8 <= bytes.count {
            let length = Int(bytes[position]) << 24 | Int(bytes[position + 1]) << 16 | Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
            let type = String(decoding: bytes[(position + 4)..<(position + 8)], as: UTF8.self)
            let start = position + 8
            guard length >= 0, start + length <= bytes.count else { throw Failure("a \(type) chunk runs past the end of the file") }
            let body = bytes[start..<(start + length)]
            switch type {
            case "IHDR":
                guard length == 13 else { throw Failure("a bad IHDR chunk") }
                let b = Array(body)
                let width = Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
                let height = Int(b[4]) << 24 | Int(b[5]) << 16 | Int(b[6]) << 8 | Int(b[7])
                guard width > 0, height > 0 else { throw Failure("an image of no size") }
                // Each side first: the product of two 32-bit sides can overflow.
                guard width <= maxPixels, height <= maxPixels, width * height <= maxPixels else { throw Failure("\(width)×\(height) is too large to preview") }
                header = (width, height, Int(b[8]), Int(b[9]), b[12] == 1)
            case "PLTE": palette = Array(body)
            case "tRNS": transparency = Array(body)
            case "IDAT": compressed.append(contentsOf: body)
            case "IEND": position = bytes.count
            default: break
            }
            position = start + length + 4
        }
        guard let h = header else { throw Failure("no IHDR chunk") }
        let channels: Int
        switch h.colorType {
        case 0: channels = 1
        case 2: channels = 3
        case 3: channels = 1
        case 4: channels = 2
        case 6: channels = 4
        default: throw Failure("colour type \(h.colorType) is not PNG")
        }
        guard [1, 2, 4, 8, 16].contains(h.depth) else { throw Failure("bit depth \(h.depth) is not PNG") }
        let bitsPerPixel = channels * h.depth
        let bytesPerPixel = max(1, bitsPerPixel / 8)
        let expected = h.height * (1 + (h.width * bitsPerPixel + 7) / 8)
        let raw: [UInt8]
        do { raw = try Inflate.zlib(compressed, limit: expected * 2 + 1024) } catch { throw Failure("corrupt image data: \(error.description)") }

        var image = RGBAImage(width: h.width, height: h.height, pixels: [UInt8](repeating: 0, count: h.width * h.height * 4))
        let passes: [(x0: Int, y0: Int, dx: Int, dy: Int)] = h.interlaced
            ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
            : [(0, 0, 1, 1)]
        var offset = 0
        for pass in passes {
            let passWidth = (h.width - pass.x0 + pass.dx - 1) / pass.dx
            let passHeight = (h.height - pass.y0 + pass.dy - 1) / pass.dy
            guard passWidth > 0, passHeight > 0 else { continue }
            let stride = (passWidth * bitsPerPixel + 7) / 8
            var previous = [UInt8](repeating: 0, count: stride)
            for row in 0..<passHeight {
                guard offset + 1 + stride <= raw.count else { throw Failure("the image data ends early") }
                let filter = raw[offset]
                var line = Array(raw[(offset + 1)..<(offset + 1 + stride)])
                offset += 1 + stride
                try unfilter(&line, previous: previous, filter: filter, bytesPerPixel: bytesPerPixel)
                for column in 0..<passWidth {
                    let rgba = pixel(line, column, h.depth, h.colorType, channels, palette, transparency)
                    let i = ((pass.y0 + row * pass.dy) * h.width + pass.x0 + column * pass.dx) * 4
                    image.pixels[i] = rgba.0
                    image.pixels[i + 1] = rgba.1
                    image.pixels[i + 2] = rgba.2
                    image.pixels[i + 3] = rgba.3
                }
                previous = line
            }
        }
        return image
    }

    private static func unfilter(_ line: inout [UInt8], previous: [UInt8], filter: UInt8, bytesPerPixel bpp: Int) throws(Failure) {
        switch filter {
        case 0: break
        case 1: for i in bpp..<max(bpp, line.count) { line[i] = line[i] &+ line[i - bpp] }
        case 2: for i in 0..<line.count { line[i] = line[i] &+ previous[i] }
        case 3:
            for i in 0..<line.count {
                let left = i >= bpp ? Int(line[i - bpp]) : 0
                line[i] = line[i] &+ UInt8((left + Int(previous[i])) / 2)
            }
        case 4:
            for i in 0..<line.count {
                let a = i >= bpp ? Int(line[i - bpp]) : 0, b = Int(previous[i]), c = i >= bpp ? Int(previous[i - bpp]) : 0
                let p = a + b - c
                let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                line[i] = line[i] &+ UInt8(pa <= pb && pa <= pc ? a : (pb <= pc ? b : c))
            }
        default: throw Failure("filter type \(filter) is not PNG")
        }
    }

    /// One sample (channel value) at `index` in a line, scaled to 8 bits.
    private static func sample(_ line: [UInt8], _ index: Int, _ depth: Int) -> (raw: Int, scaled: UInt8) {
        switch depth {
        case 16: return (Int(line[index * 2]) << 8 | Int(line[index * 2 + 1]), line[index * 2])
        case 8: return (Int(line[index]), line[index])
        default:
            let perByte = 8 / depth
            let byte = line[index / perByte]
            let shift = 8 - depth * (index % perByte + 1)
            let value = Int(byte >> UInt8(shift)) & ((1 << depth) - 1)
            return (value, UInt8(value * 255 / ((1 << depth) - 1)))
        }
    }

    private static func pixel(_ line: [UInt8], _ x: Int, _ depth: Int, _ colorType: Int, _ channels: Int, _ palette: [UInt8], _ trns: [UInt8]) -> (UInt8, UInt8, UInt8, UInt8) {
        let base = x * channels
        switch colorType {
        case 0:
            let g = sample(line, base, depth)
            let transparent = trns.count >= 2 && (Int(trns[0]) << 8 | Int(trns[1])) == g.raw
            return (g.scaled, g.scaled, g.scaled, transparent ? 0 : 255)
        case 2:
            let r = sample(line, base, depth), g = sample(line, base + 1, depth), b = sample(line, base + 2, depth)
            let transparent = trns.count >= 6 && (Int(trns[0]) << 8 | Int(trns[1])) == r.raw
                && (Int(trns[2]) << 8 | Int(trns[3])) == g.raw && (Int(trns[4]) << 8 | Int(trns[5])) == b.raw
            return (r.scaled, g.scaled, b.scaled, transparent ? 0 : 255)
        case 3:
            let index = sample(line, base, depth).raw
            guard index * 3 + 2 < palette.count else { return (0, 0, 0, 255) }
            return (palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2], index < trns.count ? trns[index] : 255)
        case 4:
            let g = sample(line, base, depth).scaled
            return (g, g, g, sample(line, base + 1, depth).scaled)
        default:
            return (sample(line, base, depth).scaled, sample(line, base + 1, depth).scaled, sample(line, base + 2, depth).scaled, sample(line, base + 3, depth).scaled)
        }
    }
}
