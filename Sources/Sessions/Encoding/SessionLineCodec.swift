import Foundation
import Providers

/// Turns events into session lines and back.
///
/// Lines are compact JSON objects with `type` first. Text and reasoning lines, which are most of a
/// file, have a hand-written fast path in both directions; everything else goes through `Codable`.
public enum SessionLineCodec {
    private static var prefix: StaticString { #"{"type":""# }

    /// The event as one line of bytes, newline included.
    public static func encodeLine(_ event: SessionEvent) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        switch event {
        case .text(let d): appendDelta(type: "text", d, to: &out)
        case .reasoning(let d): appendDelta(type: "reasoning", d, to: &out)
        case .unknown(_, let raw) where !raw.isEmpty:
            out.append(contentsOf: raw.utf8.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") })
        default: try OrderedJSONEncoder().encode(event, into: &out)
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private static func appendDelta(type: String, _ d: DeltaEvent, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        out.append(contentsOf: type.utf8)
        out.append(contentsOf: #"","run":"#.utf8)
        out.append(contentsOf: String(d.run).utf8)
        out.append(contentsOf: #","ms":"#.utf8)
        out.append(contentsOf: String(d.ms).utf8)
        out.append(contentsOf: #","text":"#.utf8)
        JSONStringEscaper.append(d.text, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Decodes one line (without or with its newline). Unknown types come back as `.unknown` with the raw line.
    public static func decodeLine(_ line: UnsafeRawBufferPointer) throws -> SessionEvent {
        if let fast = DeltaLineParser.parse(line) { return fast }
        if case .known(let kind) = peekType(line), let fast = FastEventDecoder.decode(kind, line) { return fast }
        let data = Data(line)
        let event = try JSONDecoder().decode(SessionEvent.self, from: data)
        if case .unknown(let type, _) = event {
            return .unknown(type: type, raw: String(decoding: line, as: UTF8.self).trimmingCharacters(in: .newlines))
        }
        return event
    }

    /// Decodes one line held in an array.
    public static func decodeLine(_ line: [UInt8]) throws -> SessionEvent {
        try line.withUnsafeBytes { try decodeLine($0) }
    }

    /// Decodes one line held in a string.
    public static func decodeLine(_ line: String) throws -> SessionEvent {
        try decodeLine(Array(line.utf8))
    }

    /// What a line's `type` is, read from its first bytes without parsing it.
    public enum PeekedType: Equatable, Sendable {
        case known(SessionEvent.Kind)
        /// Written by us, but of a type this version does not know.
        case unknown
        /// Not in the canonical `{"type":"…` shape (hand-edited, reformatted): parse it to find out.
        case notCanonical
    }

    private static let kindNames: [(kind: SessionEvent.Kind, name: [UInt8])] = SessionEvent.Kind.allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// Classifies a line by its canonical `{"type":"name"` prefix (no allocation: it runs on every line).
    public static func peekType(_ line: UnsafeRawBufferPointer) -> PeekedType {
        let n = prefix.utf8CodeUnitCount
        guard line.count > n, DeltaLineParser.starts(line, prefix, at: 0) else { return .notCanonical }
        var end = n
        while end < line.count, end - n < 32, line[end] != UInt8(ascii: "\"") {
            if line[end] == UInt8(ascii: "\\") { return .notCanonical }
            end += 1
        }
        guard end < line.count, line[end] == UInt8(ascii: "\"") else { return .notCanonical }
        let length = end - n
        for entry in kindNames where entry.name.count == length {
            var same = true
            for k in 0..<length where line[n + k] != entry.name[k] {
                same = false
                break
            }
            if same { return .known(entry.kind) }
        }
        return .unknown
    }
}
