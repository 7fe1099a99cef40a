import Foundation
@testable import Providers

/// A test-only wire protocol with one event per line, so client tests can script bodies by hand:
/// `T:text`, `R:reasoning`, `U:in,out`, `F:reason` (terminator), `E:message` (mid-stream error), `W:warning`.
struct LineTestProtocol: WireProtocol {
    var name: ProtocolName { .openAIChat }

    func streamRequest(for request: ModelRequest, endpoint: ProviderEndpoint) throws(ProviderError) -> HTTPRequestSpec {
        if request.model == "unencodable" { throw ProviderError(kind: .invalidInput, message: "cannot encode") }
        var headers: HeaderFields = ["content-type": "text/plain"]
        if let key = endpoint.apiKey { headers.add("authorization", "Bearer \(key)") }
        return HTTPRequestSpec(
            method: "POST", url: endpoint.baseURL.appendingPathComponent("stream"), headers: headers,
            body: Data(request.model.utf8)
        )
    }

    func makeFramer(contentType: String?) -> any StreamFramer { LineFramer() }

    func makeMapper(for request: ModelRequest) -> any EventMapper { LineMapper() }

    func error(status: Int, headers: HeaderFields, body: Data, model: String) -> ProviderError {
        let kind: ProviderError.Kind = switch status {
        case 401: .unauthorized
        case 404: .modelNotFound
        case 429: .rateLimited
        case 529: .overloaded
        case 500...: .serverError
        default: .badRequest
        }
        let delay = headers["x-test-retry-delay"].flatMap(Double.init)
        return ProviderError(
            kind: kind, message: "HTTP \(status): \(String(decoding: body, as: UTF8.self))", status: status, retryAfter: delay
        )
    }

    func modelListRequest(endpoint: ProviderEndpoint, pageToken: String?) -> HTTPRequestSpec {
        var components = URLComponents(url: endpoint.baseURL.appendingPathComponent("models"), resolvingAgainstBaseURL: false)
        if let pageToken { components?.queryItems = [URLQueryItem(name: "page", value: pageToken)] }
        return HTTPRequestSpec(method: "GET", url: components?.url ?? endpoint.baseURL)
    }

    /// Lines of ids; a line `next:<token>` gives the next page.
    func parseModelList(_ body: Data) throws(ProviderError) -> ModelListPage {
        let lines = String(decoding: body, as: UTF8.self).split(separator: "\n").map(String.init)
        if lines.first == "garbage" { throw ProviderError(kind: .invalidResponse, message: "bad list") }
        let next = lines.first { $0.hasPrefix("next:") }.map { String($0.dropFirst(5)) }
        return ModelListPage(modelIDs: lines.filter { !$0.hasPrefix("next:") }, nextPageToken: next)
    }
}

/// Splits at `\n`.
struct LineFramer: StreamFramer {
    private var pending: [UInt8] = []

    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [FramedMessage] {
        pending += bytes
        var messages: [FramedMessage] = []
        while let newline = pending.firstIndex(of: 0x0A) {
            messages.append(FramedMessage(data: String(decoding: pending[..<newline], as: UTF8.self)))
            pending.removeSubrange(...newline)
        }
        return messages
    }

    mutating func finish() -> [FramedMessage] {
        defer { pending = [] }
        return pending.isEmpty ? [] : [FramedMessage(data: String(decoding: pending, as: UTF8.self))]
    }
}

/// Maps the line events.
struct LineMapper: EventMapper {
    private(set) var isComplete = false

    mutating func map(_ message: FramedMessage) -> [StreamPart] {
        let line = message.data
        let value = String(line.dropFirst(2))
        switch line.prefix(2) {
        case "T:": return [.textDelta(value)]
        case "R:": return [.reasoningDelta(value)]
        case "W:": return [.warning(value)]
        case "U:":
            let numbers = value.split(separator: ",").compactMap { Int($0) }
            return [.usage(Usage(input: numbers.first, output: numbers.last))]
        case "F:":
            isComplete = true
            return [.finish(FinishReason(.stop, raw: value))]
        case "E:":
            isComplete = true
            return [.error(ProviderError(kind: .streamError, message: value))]
        default:
            return []
        }
    }

    mutating func finish() -> [StreamPart] {
        isComplete ? [] : [.error(ProviderError(kind: .streamCut, message: "stream ended without F:"))]
    }
}
