import Foundation

/// The escape sequences that draw an image with a terminal graphics protocol. Built here, from bytes
/// Refract decoded itself, so nothing of the file's own reaches the terminal unencoded.
public enum GraphicsSequence {
    /// kitty: transmit and display a PNG over `columns × rows` cells, in 4096-byte base64 chunks,
    /// with replies suppressed (`q=2`) so nothing comes back on the input.
    public static func kitty(png: [UInt8], id: UInt32, columns: Int, rows: Int) -> [UInt8] {
        let payload = Array(Data(png).base64EncodedString().utf8)
        var out: [UInt8] = []
        var start = 0
        repeat {
            let end = min(payload.count, start + 4096)
            let more = end < payload.count ? 1 : 0
            let control = start == 0 ? "a=T,f=100,t=d,i=\(id),c=\(columns),r=\(rows),C=1,q=2,m=\(more)" : "m=\(more),q=2"
            out += Array("\u{1B}_G\(control);".utf8)
            out += payload[start..<end]
            out += [0x1B, 0x5C]
            start = end
        } while start < payload.count
        return out
    }

    /// kitty: delete every image this program placed (and free their data).
    public static let kittyDeleteAll: [UInt8] = Array("\u{1B}_Ga=d,d=A,q=2\u{1B}\\".utf8)

    /// Sixel: the image scaled to `widthPixels × heightPixels`, in the 6×6×6 colour cube, run-length encoded.
    public static func sixel(_ image: RGBAImage, widthPixels: Int, heightPixels: Int) -> [UInt8] {
        let w = max(1, widthPixels), h = max(1, heightPixels)
        var indices = [UInt8](repeating: 0, count: w * h)
        var used = Set<UInt8>()
        for y in 0..<h {
            for x in 0..<w {
                let (r, g, b) = image.rgb(x: x * image.width / w, y: y * image.height / h)
                let red: Int = Int(r) * 5 / 255, green: Int = Int(g) * 5 / 255, blue: Int = Int(b) * 5 / 255
                let index = UInt8(red * 36 + green * 6 + blue)
                indices[y * w + x] = index
                used.insert(index)
            }
        }
        var out = Array("\u{1B}Pq\"1;1;\(w);\(h)".utf8)
        for index in used.sorted() {
            let i = Int(index)
            out += Array("#\(i);2;\(i / 36 * 20);\(i / 6 % 6 * 20);\(i % 6 * 20)".utf8)
        }
        for band in stride(from: 0, to: h, by: 6) {
            for (n, index) in used.sorted().enumerated() {
                var row: [UInt8] = []
                var any = false
                for x in 0..<w {
                    var bits: UInt8 = 0
                    for dy in 0..<6 where band + dy < h && indices[(band + dy) * w + x] == index { bits |= 1 << UInt8(dy) }
                    if bits != 0 { any = true }
                    row.append(63 + bits)
                }
                guard any else { continue }
                if n > 0 { out.append(UInt8(ascii: "$")) }
                out += Array("#\(index)".utf8) + runLength(row)
            }
            out.append(UInt8(ascii: "-"))
        }
        return out + [0x1B, 0x5C]
    }

    /// `!N<char>` for runs longer than three.
    static func runLength(_ row: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < row.count {
            var j = i
            while j < row.count, row[j] == row[i] { j += 1 }
            let count = j - i
            if count > 3 { out += Array("!\(count)".utf8) + [row[i]] } else { out += Array(repeating: row[i], count: count) }
            i = j
        }
        return out
    }
}
