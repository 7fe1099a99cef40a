import Foundation
import Testing
@testable import TerminalUI

/// PNGs written by Python's zlib (fixed, dynamic and stored blocks), every row filter, palette with
/// transparency at 2 bits, Adam7 interlacing: each decoded pixel checked against how it was made.
@Suite struct PNGDecoderTests {
    static func bytes(_ base64: String) -> [UInt8] { Array(Data(base64Encoded: base64)!) }

    static let rgbFilters = bytes("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAFCAIAAAD38zoCAAAAXElEQVR42mXLuwlCQRBA0eMHNtsBYYOBRYSXmTmxlRhbhJVYiZVYkc/ERLjZ4cKRKzcePHnxZqNWaP9tV1BNdTXUVIs6q8vOXWSPPESOyIyckafIZf89NDqD+esDurAJ0dp6Bo8AAAAASUVORK5CYII=")
    static let rgbStored = bytes("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAFCAIAAAD38zoCAAAAiElEQVR4AQF9AIL/BAAAAB4AAB4AAB4AAB4AAB4AAB4AAB4AAAMAMgAPGQcPGQsPGQ4PGRIPGRUPGRkPGRwCADIAADIHADIOADIVADIcADIjADIqADIxAQCWAB4AFR4AFR4AFR4AFR4AFR4AFR4AFQAAyAAeyBw8yDhayFR4yHCWyIy0yKjSyMRW/ROKgxNBwAAAAABJRU5ErkJggg==")
    static let palette2Bit = bytes("iVBORw0KGgoAAAANSUhEUgAAAAMAAAACAgMAAADgGo6JAAAADFBMVEX/AAAA/wAAAP8KFB4iiCkEAAAAAnRSTlP/gAgPs2oAAAAMSURBVHjaY5BgOAIAARAA3S8Y3I4AAAAASUVORK5CYII=")
    static let interlacedGray = bytes("iVBORw0KGgoAAAANSUhEUgAAAAkAAAAJCAAAAAGy/WlaAAAAbUlEQVR42mNgWMDAsYIhgCGCgSVkCYNGBYNODYNBAwOTVlDVIgY2vbC6ZQwiNik9DGJ2aX0MEg4ZExiknLImMci45ExhYBTVtA1MrexdyMAsrm0fnF7dv5iBVVLXMTSzduJSBnZpfefw7PrJywHABBqVAk/FMgAAAABJRU5ErkJggg==")
    static let rgba64 = bytes("iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAAQs0lEQVR42o2bP0gsUZaHz1VZHoMMssgiiywyyCCLLLLIIIMs5SKDDDLIIosMsjSDLDI0iyyyNINM3QIDAwMDA4MODAwMDAwMDIRuoQMDAwMDAwMDAwMDAwMDofbrZ/Xr08dTvnmPj9+55966VVZXnfu3+kUkH5A8/p1k8ZvE+AtpxkH0l5LEIfh7acRhCfEf8I+IxH8kbxT7n9Ax8n9F/jjH/po6Jij3z/gm8f0Lvil8/4pOU/Y3HDPD8b+FWfz/hi8h79/Recr/DnsB+/fYi9h/oMwS+h/4lqnzP/GvkP4j6VXq+i/yK6T/RHqN/P/Gt479Z8pV0f8hb4Nz/S/lNkn/H9dWo8xfSG9h/5VyEX+fDOQiA5l8aAqiSIu8tsaiTFR08mNRPqpjc6Oi6mjbwZwjmnNn5jpEXWM0dabKDua8mbmmrMff13uCoCpMi7SuPDMnFnNBUVXeoVOHvsGZuhn6nFFdaDQ3KJhrDOZ89gfQ+cHcnO65+uVbiH19ifT1cTf6QqHtdFboJcwpf6esFP72Mc1C0yK/7W8UxzaLurKizFzhaxTpWNhS2Jk6f67O2zk2N+UaKj9VeU1zDaLqmvvx9/bLL5LYrSApKsmKijqVdC5G/2Gx8CWFPacuMqo/tHPBwdTd+WMuCxKVF9R5L1Vdoq7T/kCJ9P4dneNTU2fnj//4ewa+PwrSRgpNC+342v94JCUrfJnyd3y5KiNFHW2CKhOLtK5bH6//pep6cud6Otek67PoaxB1/s6/8L2OfvklkfDH3dW/TOeuR3VXpbijl+pJ0L9UNI9yU/1y9nFNlP/SnC9Rxwf1JCbm1w/qfLnyN9Ur16kzqqc6717r56DmBZVoAkpqonN0ApCN/NEJtDaaRxWsUpXWLYcNaGKivBeUU9OCdY8JMpbnH3YofLHQVPly6ZaJBW1fpspmjkZVn7VzVVafR/ty57rE1G/LRKcuMXb37+3rNld5Sfuel7TtwdxRr09gm0qvnyFOk6jPFUuauNQco68tN012ME1996kb+J7xIzikKljYwGQDmNbMBC2djqru7CdlOoEtqDKpqUOfM34Kat3r1OfMnXN/lBn4fkd6CnsRM1eV6wsTE2ltnr5o7Q/ODctMHbp8xxdUq+C1BlLSogSntUk7NyCWFEpNxfaPz8xFeE2YPdZetL1I78nInadPN7W2WRbTFAZj5z1PY5DpmPcGpegEvlwFQBtUyoKROHWJCZy9Aam3/rLy+jpsoE1NEI3muFxp1gmCYvrnYpodO1gKprm0wSV3mrag8qMZEwRnEJSZJi86A6hgmr7U1JE71xWMr/1kzPIEwDcYZJw6BMMwQnoUxmbzfBwmsCfxT6HTpGfQWUhgnvQCeYuwBMuwAqtQIX8N1qFKuQ10E38N3WqPi/FtozuwC3v499ED/HU4xD5Cj/GfwCnpMzjHvsDfRFukr+Ca9A16i96h9/BA/iP6hD6jL/AKb6TfKSeSSD6Q5Pm3hBuADpEeRkdIj8IYjJOeQCdhCnsaZig3CwnMk16ARewlyizDCulVqMAarEOV/A3yNrFr6BYa8W2jO7CLbw/dx3eA1kkfokdwDCf4T/GdoedwAU1owRX+a/QGbil7h96jD/gf0Sf0Gd8L+oq+wTv+vt5HOXwx1tZD4swZ/gbz+HcetczJD+YV075MvXapeR1sW69JzRyA7iNkJa9nxljg1xK7Q1M95O30tTujNTFD4YYaCSZmlNdUo69LVT6YIXWiRoJ6aBxUf75hRodRjTlEjUP0GEHUOEUP04MZm6SExMXvU2IqEosTPXUkt91X3TUWJ7KLE33LutK2G/u3RPjwRavjdct7W5m+3tmV6Mz+5CaCRvWIedNeYrrWecnAxOuq6i5xarrMwRn0eK9sXjJz5M1WSacrrP954/VoenBS0q0V0wu0HZSyLnP+xbmi6VxJSadITMfNdn68jlbafgKCake9ycfoDDHtUDZ1hsvepKb+lTJVf2aCmDjD19zYqRmEZc4TkjlPW+8Ear9MtYNgVMEkLYJFUBMaQQWf1Ex6RDOZElXg0/OLnXRTBVw9L6jn/DIVXHVw05MmmZpLnDNBUp9TT9Rk6vo+fCKVPB+AbzBYoSOEDqMj6Cg6BuPYE+gkOgXTMFOhIwQJzJO3AIvYS+QtY6/AKnYFXcO/jl2FDexNqGFvQYRt0juU24U97H04wK7DIfYReky5EzjFPsN3jl5AE18LvcJ3DTfYt+gd/nvsB+xH9Ame4YX0K7yR/w5B1toTInZCwk5axJJ+tS0rTj/eTpL8bELEtiDeJE38ot5oJlQyc329EyP98psYu4+3brsTM4Ws5wfzL+b1MtV/0I+nLt8w/YpM1alfrYZ6tRL1iqXq8bavW6rmE/UcYTRT7B9T9SJVnoCq5N/QQRiqxnwYHUFH0TEYx56ASewpyk6jM+gsJNjz5C1gL8ISLONbwbcKFew1dB2q2BuwSZkauoUvwjbswC7swT4ckF+n3CF6BMdwQvoUzsg/J32B3URb6BV6DTdwS/4d3GM/kPeIPqHP+F7QV/QN3zt2kI32cDh1OkLiPEr6cfOGtHbezntV5IshszcvKU4nSc9NxpJryc2xuTOnGfi/aW9AXjJGD04l3ryBM1nrzhOUTbR6767345RNjnrveub0JD/OIVLjFagxHK5JPogOwTCMkB5Fx8gfRydIT2JPwTT2DDqLP4F50gvoIizBMqzAKlQot4auU6YKG7BJuoZuQYRtyuzALuyR3kcPKFNHD0kfocfoCXqK/wzOsS/wNaGFfYVeww32LXoH99gPlH2EJ3gm/YL/FX2Dd+x+SWLsXd5qqsCh1/l0X0EPWBK15GQXT6Jqd5sm0OkgF8x6n+6PiDM4mjOB0gbS3AmmcyrIy49y9Ah5AiJPADoY6Qegw+gIjGKPkTeOTqCT6BRMkzdDehZleJ3PowvoIizBMqzgW6VMBdZIr6NV2IBNqJG/hT+i27CDvYvukbePHqB19BA9Iu8YTrBP8Z3BOVzga0IL+4q8a7jBvoU7/PfwgP2IPpH3jL6gr/je4B07yLZeGImG/G94f/MvRluZEw/iF6M9cdptKRlB2kArP4ljfnAW2eEG7NAM8hMMYg9hD6MjpEdhDHscJvBPwhS+aZjBnoWEvHl0AV1El8hbhhXSq2gF1mAdqvg20E3K1bC30Ihuozv4d2GP9D56gNbhkLwjOMY+QU/JO4Nz7AtoYrfIu4JruCF9i/8O7uGB9CP+J/SZ9Av2K7yRft9pj452uQG73AB0cJcgCMMwQnoU/xiMk56ASXxTpKdhhvQsJPjmSS+gi+gSugwrsAoVWIN1ylbJ34BNqMEW/ohuozuwi72H7lP2AOqkD+EI+xhO4JT8MzjHviCvid1Cr+Aa3w16C3fY9+Q9YD/CEzzDC75X9A3esfvl91ns3RwRnbV2MUHJrh7rwYne4HCpgk9Ux0ZnJTlRtl7x1TNFemCUmDr0Bgk9IGqYVeKkZ8VbLYyIWW6yS02ZszQWzTjfW1ARs+cgmDH+V/WLs/xll+7sqpRdhotqMUTM4kh7LPCHRuz+WmLm/PQaf2J+lYYzD2h/zYbZ9ZGqZnHO/FqX6mnTc4OijvH2JNhh8KXzBM85w+2P84vUJR+oMxyGQRiC4ToxAEZhjPxxmIBJ8qZgGmZgFl8C85RbQBdhCZZhhfxVtELeGvY6VElvwCbUYAsi/m3K7MAu6T3S++gBWkcP8R+hx+gJnOI/g3O4IN0krwVXcE36Br2FO/Lv4QHfI+kn9Ble4JX0G7zX2+sCh9yAQ24ADGIPwTCMwCiMHdIPQCdgEnuKctPYMzBLOkHnYQEWyVvCtwwrpFdJV9A10utoFTbwbaI12III27CDfxf2sPfhALuOHnLsEfYxeoKeomf4z7Ev0CbawneFfY3ewC3cwT15D/CI/YQ+oy+Ue0Xf0He0z99bZ3eN5GZSMTr7AKLZU2gnJPWEZ24mVcWZuw8l+wL8/X6fr0lPlZXtOmm/AnSxBo55Ao4ZC8AQ9jA6go6SN4aOoxPoJDqFTsMMzJJOYB57gWMWYYn0MrqCruKvwBrpdajCBv5NqOHfQiO+bXQH3YU97H3yDqBO+hCO4BhO4JT8M/LO0QvSTWjBFVzjuyHvFu7gHh7gEZ7Ie4YX7Fd4w34/bi8JDHj7AqKZlS2bkS3buZV/MbMbnA0L3syuXeL2zmeX0bOSGem0pIWKtAJ/zGJ38NMwgxdRO6uis1EyMYMnPbmpI7OeaE1MO545O78azixQ08xA2VWpYDZvJk77rydjP1quIGedsUBWstnJjrGldJXFn3/z+vDeHKK3qUrM+aIzB2DnGb39DNbXrbOvu/gYnYChA45eP4jORmRvU5Vdl7erP5lSu9afO5ulUmdFKZo9CrlzXfr60p41haInaFdMynZx6j06nfc9Ne9tZnp/4vTOMmdjlC2Xmi054Sebqrx4lToxJfTEjH75U3tC5FK9J3pCw64U68mESzNrnDh97abpqeneZiq9m7R1Xz9Vkxzi9ALnzCSI3sucmZ5kVLPayac4ItIiBrRi/q1FM4gOocPoCIySN4aOoxP4J2GK9DTpGXQWTWAe/wIswhLpZfJWYJV0hfQa9jp2Fd1AN9EauoVGdBt2KLcLe9j7+A/QOnoIR3BM3gmcwhmc47ugTBNacAXX+G/QW7iDe8o84HuEJ9LPpF/QV/QN33vrxwaJ1PnwwK6w5iUfSQSnsxRLOkupk2fjTP7FBksdM1Jn9jVzOkPeNtruxgu1UzQt6eXlX3yo4PXM7P5gu7EpOl+HBLNsbhdFw092mIrT40xNoA0myEvxwcSf298LpKrtjOabgKD6B3q8nhtfanZnzJkVpMSco/l553bPdwqJeqfFiS+ZM2K1cxm5mcTVo9yPv6lfqs34eUlszgSMsm0s0SxRXZoVXb09JTNbVRrmD780H1TobTD6g4xL80FENJM0iVml1stoetmsuJHdR9UOZL56j4J5b72N0N5HWKHkw6jUPJqx5GMr+3FU6tSdmvY+M5vAzGsl97QC97QC97QCMIQ9jG8EHYUxGIcJ8iZhCqbJn0Fn0YS8eViARVjCt0zeCqxCBdZgnbwquoFuQg17CyL2NrrDcbuwB/v4DvDV0UPSR3AMJ/hO8Z3BOVzga6It/FdwTfoGbvHdoff4HrAf4Yn0M+kXeIU3fO/37eXxB8k/b4H1ts7aZTIpWZfztrhmJdPh0amn7BsCMWuTqbOsJs6ymF2y613D7JdNib0BJ3G2pDXMDhAbMIMaBAVnN8ecWeZumEFO06z8ZGZ5Xscnvexug1wwwVMv+wfTofro7A18fx8+bSD6avib/eQDJvniO4PofJiVO8NWew3e9vq85FsBcYbRYrrC3WP7um1jVhKsyjo40QRCL5iJ2S6XOu227gcEM2jxlprDF/0HKfnWyduu93G9/fKXJPaO+xNnLn3O6XMnzpdec86ip/0eMHO+I2yYhU9x+vSJKZc5Oz+iOb5p5h0aqrn+eE36ZasZezskl84ncN4fEp2tKcFsfbk072g077FeBU7M7q7c1BOd6e+m+VhTTJmG+VH0x6Gx6Aj9tfPdYDQFgvn6Mjgnz802NzGBJzHb6vTye2qCld3fa1eBMhX0EvN9o5jvBBMnUNoZpI+APfDRGRBnxSaWfLEZnADnrRTlzjFffZFqP73xvlDNSgJs6hzjzTd+3g37/3SSM4ZBMwcBAAAAAElFTkSuQmCC")

    func pixel(_ image: RGBAImage, _ x: Int, _ y: Int) -> [UInt8] {
        let i = (y * image.width + x) * 4
        return Array(image.pixels[i..<(i + 4)])
    }

    @Test(arguments: [rgbFilters, rgbStored])
    func everyFilterAndBlockTypeGivesThePixelsBack(_ png: [UInt8]) throws {
        let image = try PNGDecoder.decode(png)
        #expect(image.width == 8 && image.height == 5)
        for y in 0..<5 {
            for x in 0..<8 {
                #expect(pixel(image, x, y) == [UInt8(x * 30), UInt8(y * 50), UInt8((x * y * 7) % 256), 255], "at \(x),\(y)")
            }
        }
    }

    @Test func palettesAtTwoBitsWithTransparency() throws {
        let image = try PNGDecoder.decode(Self.palette2Bit)
        #expect(image.width == 3 && image.height == 2)
        #expect(pixel(image, 0, 0) == [255, 0, 0, 255])
        #expect(pixel(image, 1, 0) == [0, 255, 0, 128])
        #expect(pixel(image, 2, 0) == [0, 0, 255, 255])
        #expect(pixel(image, 0, 1) == [10, 20, 30, 255])
    }

    @Test func interlacedImagesAreReassembled() throws {
        let image = try PNGDecoder.decode(Self.interlacedGray)
        for y in 0..<9 {
            for x in 0..<9 {
                let v = UInt8(x * 20 + y)
                #expect(pixel(image, x, y) == [v, v, v, 255], "at \(x),\(y)")
            }
        }
    }

    @Test func dynamicHuffmanWithLongMatches() throws {
        let image = try PNGDecoder.decode(Self.rgba64)
        #expect(image.width == 64 && image.height == 64)
        for (x, y) in [(0, 0), (63, 0), (17, 33), (63, 63)] {
            let p = pixel(image, x, y)
            #expect(p[0] == UInt8(x * 4) && p[1] == UInt8(y * 4) && [0, 128, 255].contains(p[2]) && p[3] == 255, "at \(x),\(y)")
        }
    }

    @Test func brokenFilesSayWhy() {
        #expect(throws: PNGDecoder.Failure("not a PNG file")) { try PNGDecoder.decode(Array("GIF89a".utf8)) }
        var truncated = Self.rgbFilters
        truncated.removeLast(30)
        #expect(throws: PNGDecoder.Failure.self) { try PNGDecoder.decode(truncated) }
        #expect(throws: PNGDecoder.Failure("8×5 is too large to preview")) { try PNGDecoder.decode(Self.rgbFilters, maxPixels: 10) }
        // Found by scripts/fuzz: sides of 2³²−1 × 4294901760 overflowed the pixel count.
        var huge = Self.rgbFilters
        for i in 16..<22 { huge[i] = 0xFF }
        #expect(throws: PNGDecoder.Failure.self) { try PNGDecoder.decode(huge) }
        var corrupt = Self.rgbFilters
        for i in 45..<60 { corrupt[i] ^= 0x5A }
        #expect(throws: PNGDecoder.Failure.self) { try PNGDecoder.decode(corrupt) }
    }
}
