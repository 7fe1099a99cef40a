import Foundation

/// The checks every reader of a session file shares: is the first line a header we can read, and
/// what to say about a line that does not decode.
enum SessionHeaderCheck {
    /// Decodes the first line as a header, or explains why the file is not a session we can read.
    static func header(from line: UnsafeRawBufferPointer, terminated: Bool, path: String) throws(SessionError) -> SessionHeader {
        if line.contains(0) { throw SessionError.notASession(path, "it holds binary data") }
        let event: SessionEvent
        do {
            event = try SessionLineCodec.decodeLine(line)
        } catch {
            if !terminated { throw SessionError.notASession(path, "it was cut off before its header was complete") }
            if let version = versionOfNewerHeader(line) { throw SessionError.newerFormat(path, found: version) }
            throw SessionError.notASession(path, "its first line is not a session header")
        }
        guard case .session(let header) = event else {
            throw SessionError.notASession(path, "its first line is not a session header")
        }
        guard header.version <= SessionHeader.currentVersion else { throw SessionError.newerFormat(path, found: header.version) }
        return header
    }

    /// A header from a future format may not decode as today's header at all; its version still says why.
    private static func versionOfNewerHeader(_ line: UnsafeRawBufferPointer) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              object["type"] as? String == "session",
              let version = object["version"] as? Int, version > SessionHeader.currentVersion else { return nil }
        return version
    }

    /// The problem to report for a line that did not decode.
    static func problem(_ line: UnsafeRawBufferPointer, number: Int, terminated: Bool, error: any Error) -> ReadProblem {
        if !terminated { return .torn(line: number) }
        if (try? JSONSerialization.jsonObject(with: Data(line))) == nil {
            return ReadProblem(line: number, kind: .notJSON, message: "line \(number) is not valid JSON (cut off by a crash or a full disk?); skipped")
        }
        let type = (try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])?["type"] as? String ?? "unknown"
        return ReadProblem(line: number, kind: .invalidEvent, message: "line \(number) is a \(type) event that cannot be read (\(Self.reason(error))); skipped")
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "'\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let c): "'\(c.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case DecodingError.valueNotFound(_, let c): "'\(c.codingPath.map(\.stringValue).joined(separator: "."))' is null"
        case DecodingError.dataCorrupted(let c): c.debugDescription
        default: "\(error)"
        }
    }
}
