import Foundation

/// Incremental HTTP/1.1 request parser: feed received bytes, take complete requests. Pure, no I/O.
///
/// Handles Content-Length and chunked request bodies and pipelined requests; rejects oversized heads.
struct HTTPRequestParser {
    /// Why the bytes are not a request we can serve.
    enum Failure: Error, Equatable { case malformed(String), headTooLarge }

    private var buffer: [UInt8] = []
    static let maxHeadBytes = 1 << 20

    mutating func feed(_ bytes: [UInt8]) { buffer += bytes }

    /// The next complete request, nil if more bytes are needed.
    mutating func nextRequest(connectionID: Int) throws(Failure) -> HTTPServerRequest? {
        // A method starts with an uppercase letter; anything else (a TLS ClientHello) is refused at once
        // instead of waiting for a blank line that never comes.
        if let first = buffer.first, !(0x41...0x5A).contains(first) { throw .malformed("not an HTTP request") }
        guard let headEnd = Self.find([13, 10, 13, 10], in: buffer, from: 0) else {
            if buffer.count > Self.maxHeadBytes { throw .headTooLarge }
            return nil
        }
        let headText = String(decoding: buffer[0..<headEnd], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            throw .malformed("bad request line")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("bad header line") }
            headers.append((
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            ))
        }
        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        let bodyStart = headEnd + 4
        let body: [UInt8]
        let consumed: Int
        if header("transfer-encoding")?.lowercased().contains("chunked") == true {
            guard let (decoded, end) = try Self.decodeChunked(buffer, from: bodyStart) else { return nil }
            body = decoded
            consumed = end
        } else if let lengthText = header("content-length") {
            guard let length = Int(lengthText), length >= 0 else { throw .malformed("bad content-length") }
            guard buffer.count - bodyStart >= length else { return nil }
            body = Array(buffer[bodyStart..<(bodyStart + length)])
            consumed = bodyStart + length
        } else {
            body = []
            consumed = bodyStart
        }
        buffer.removeFirst(consumed)
        return HTTPServerRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body, connectionID: connectionID
        )
    }

    /// Decodes a chunked body starting at `from`; nil when incomplete. Returns the body and the index after it.
    private static func decodeChunked(_ bytes: [UInt8], from start: Int) throws(Failure) -> ([UInt8], Int)? {
        var body: [UInt8] = []
        var index = start
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: index) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                .split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw .malformed("bad chunk size") }
            index = lineEnd + 2
            if size == 0 {
                // Skip trailers up to the blank line.
                while true {
                    guard let end = find([13, 10], in: bytes, from: index) else { return nil }
                    let empty = end == index
                    index = end + 2
                    if empty { return (body, index) }
                }
            }
            guard bytes.count >= index + size + 2 else { return nil }
            body += bytes[index..<(index + size)]
            index += size + 2
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var match = true
                for j in 1..<needle.count where haystack[i + j] != needle[j] { match = false; break }
                if match { return i }
            }
            i += 1
        }
        return nil
    }
}
