import Foundation

/// Server-sent events framer (WHATWG rules) working on bytes.
///
/// Lines end at LF, CRLF or a lone CR (also when the CR and LF arrive in different reads). Comment
/// lines (`:`) are ignored; `data:` lines are joined by `\n`; a blank line dispatches. Lines that are
/// neither a field nor a comment (Gemini appends a bare pretty-printed JSON error object) are
/// collected and dispatched as one stray message once their braces balance.
public struct SSEDecoder: StreamFramer {
    private static let fieldData = Array("data".utf8)
    private static let fieldEvent = Array("event".utf8)
    private static let fieldID = Array("id".utf8)
    private static let fieldRetry = Array("retry".utf8)
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private var lines: LineSplitter
    private let maxBytes: Int
    private var eventName: String?
    private var data: [UInt8] = []
    private var hasData = false
    /// The event being built lost a line to the size limit; it is dropped at dispatch.
    private var eventDropped = false
    private var stray: [UInt8] = []
    private var strayLooksLikeJSON = false
    private var strayScanner = JSONDepthScanner()
    private var sawFirstLine = false

    /// - Parameter maxLineBytes: the longest line or event payload kept (tests pass a small one).
    public init(maxLineBytes: Int = FramingLimits.maxLineBytes) {
        lines = LineSplitter(carriageReturnEndsLine: true, maxLineBytes: maxLineBytes)
        maxBytes = max(1, maxLineBytes)
    }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [FramedMessage] {
        var out: [FramedMessage] = []
        for line in lines.feed(bytes) { handle(line, into: &out) }
        return out
    }

    public mutating func finish() -> [FramedMessage] {
        var out: [FramedMessage] = []
        for line in lines.finish() { handle(line, into: &out) }
        // A last event without its blank line still counts (anthropic-07 ends that way).
        dispatch(into: &out)
        flushStray(into: &out)
        return out
    }

    private mutating func handle(_ line: ByteLine, into out: inout [FramedMessage]) {
        switch line {
        case .oversized(let count):
            flushStray(into: &out)
            dropEvent(reason: "dropped a line of \(count) bytes (over the \(maxBytes)-byte limit)", into: &out)
        case .bytes(var bytes):
            if !sawFirstLine {
                sawFirstLine = true
                if bytes.starts(with: Self.byteOrderMark) { bytes.removeFirst(Self.byteOrderMark.count) }
            }
            handleLine(bytes, into: &out)
        }
    }

    private mutating func handleLine(_ bytes: [UInt8], into out: inout [FramedMessage]) {
        guard let first = bytes.first else {
            // A blank line inside a bare JSON object still open belongs to that object.
            if strayLooksLikeJSON, strayScanner.depth > 0 {
                stray.append(0x0A)
            } else {
                flushStray(into: &out)
            }
            dispatch(into: &out)
            return
        }
        if first == 0x3A { return }  // ":" comment (OpenRouter keep-alives)

        let colon = bytes.firstIndex(of: 0x3A) ?? bytes.endIndex
        let name = bytes[..<colon]
        var valueStart = colon < bytes.endIndex ? colon + 1 : colon
        if valueStart < bytes.endIndex, bytes[valueStart] == 0x20 { valueStart += 1 }
        let value = bytes[valueStart...]

        if name.elementsEqual(Self.fieldData) {
            flushStray(into: &out)
            appendData(value, into: &out)
        } else if name.elementsEqual(Self.fieldEvent) {
            flushStray(into: &out)
            eventName = String(decoding: value, as: UTF8.self)
        } else if name.elementsEqual(Self.fieldID) || name.elementsEqual(Self.fieldRetry) {
            flushStray(into: &out)
        } else {
            addStray(bytes, into: &out)
        }
    }

    private mutating func appendData(_ value: ArraySlice<UInt8>, into out: inout [FramedMessage]) {
        if eventDropped { return }
        if data.count + value.count + 1 > maxBytes {
            dropEvent(reason: "dropped an event of over \(maxBytes) bytes", into: &out)
            eventDropped = true
            return
        }
        if hasData { data.append(0x0A) }
        data.append(contentsOf: value)
        hasData = true
    }

    private mutating func dispatch(into out: inout [FramedMessage]) {
        if hasData, !eventDropped {
            out.append(FramedMessage(event: eventName, data: String(decoding: data, as: UTF8.self)))
        }
        data = []
        hasData = false
        eventName = nil
        eventDropped = false
    }

    /// Forgets the event being built and reports why as a stray message.
    private mutating func dropEvent(reason: String, into out: inout [FramedMessage]) {
        out.append(FramedMessage(event: eventName, data: reason, isStray: true))
        data = []
        hasData = false
        eventDropped = true
    }

    private mutating func addStray(_ line: [UInt8], into out: inout [FramedMessage]) {
        if stray.isEmpty {
            let firstVisible = line.first { $0 != 0x20 && $0 != 0x09 }
            strayLooksLikeJSON = firstVisible == 0x7B || firstVisible == 0x5B
            strayScanner.reset()
        } else {
            stray.append(0x0A)
        }
        if stray.count + line.count > maxBytes {
            stray = []
            out.append(FramedMessage(data: "dropped over \(maxBytes) bytes of text outside any event", isStray: true))
            return
        }
        stray.append(contentsOf: line)
        guard strayLooksLikeJSON else {
            flushStray(into: &out)
            return
        }
        var closed = false
        for byte in line {
            if strayScanner.scan(byte) { closed = true }
        }
        if closed { flushStray(into: &out) }
    }

    private mutating func flushStray(into out: inout [FramedMessage]) {
        guard !stray.isEmpty else { return }
        out.append(FramedMessage(data: String(decoding: stray, as: UTF8.self), isStray: true))
        stray = []
        strayLooksLikeJSON = false
    }
}
