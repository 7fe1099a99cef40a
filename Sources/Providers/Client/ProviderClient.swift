import Foundation

/// A `LanguageModel` that speaks one wire protocol to one endpoint over a transport, with retries.
///
/// `stream(_:)` encodes the request, sends it, turns a non-2xx answer into the protocol's typed error,
/// retries what `RetryPolicy` allows (announcing each retry with a `.warning` part), then frames and maps
/// the body, forwarding parts as they arrive. The stream always finishes, with at most one `.error`, last.
/// Cancelling the consumer (or dropping the stream) cancels the work and closes the connection.
public struct ProviderClient: LanguageModel {
    public let wireProtocol: any WireProtocol
    public let endpoint: ProviderEndpoint
    public let transport: any HTTPTransport
    public var retryPolicy: RetryPolicy
    /// Seconds without a byte (head or body) before the attempt fails with `.timeout`.
    public var readTimeout: Double
    public var clock: any RetryClock
    /// A random number in [0, 1) for backoff jitter.
    public var jitter: @Sendable () -> Double

    /// How much of an error body is read to build the typed error.
    public static let errorBodyLimit = 64 * 1024
    /// How large one page of a model list may be.
    static let modelListLimit = 32 * 1024 * 1024
    /// Pages followed at most by `listModels()`, in case a server keeps handing out tokens.
    static let maxModelPages = 100

    public init(
        wireProtocol: any WireProtocol,
        endpoint: ProviderEndpoint,
        transport: any HTTPTransport,
        retryPolicy: RetryPolicy = RetryPolicy(),
        readTimeout: Double = 120,
        clock: any RetryClock = SystemRetryClock(),
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.wireProtocol = wireProtocol
        self.endpoint = endpoint
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.readTimeout = readTimeout
        self.clock = clock
        self.jitter = jitter
    }

    public func stream(_ request: ModelRequest) -> AsyncStream<StreamPart> {
        let (stream, continuation) = AsyncStream<StreamPart>.makeStream()
        let task = Task {
            var output = PartOutput(continuation: continuation, redactor: redactor)
            if request.parameters.logprobs != nil, !wireProtocol.name.returnsLogprobs {
                // Said once, before anything else; the run goes on without them.
                output.emit(.warning("this provider does not return token probabilities (\(wireProtocol.name.rawValue) has none); the answer comes without them"))
            }
            var request = request
            if request.responseSchema != nil, !wireProtocol.name.sendsSchemaNatively(mode: request.mode) {
                // Said once, before anything else: the schema travels in the prompt instead.
                request = SchemaInPrompt.apply(to: request)
                output.emit(.warning(SchemaInPrompt.warning(reason: "raw completion has no schema field")))
            }
            await run(request, output: &output)
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Every model id the endpoint lists, following pages; a server without a model list is an error here.
    public func listModels() async throws(ProviderError) -> [String] {
        switch try await modelListing() {
        case .listed(let ids): return ids
        case .notListed(let status):
            throw ProviderError(kind: .invalidResponse, message: "the server does not list its models (HTTP \(status) to its model-list request)", status: status)
        }
    }

    /// The endpoint's models, following pages, or `.notListed` when the server answers that it has no
    /// model list (HTTP 404, 405 or 501 to the list request): it answered, so it is reachable.
    public func modelListing() async throws(ProviderError) -> ModelListing {
        var ids: [String] = []
        var pageToken: String?
        var seenTokens: Set<String> = []
        for _ in 0..<Self.maxModelPages {
            let spec = wireProtocol.modelListRequest(endpoint: endpoint, pageToken: pageToken)
            let body: Data
            do {
                body = try await fetchWithRetries(spec)
            } catch {
                if pageToken == nil, let status = error.status, ModelListing.noListStatuses.contains(status) {
                    return .notListed(status: status)
                }
                throw error
            }
            let page: ModelListPage
            do {
                page = try wireProtocol.parseModelList(body)
            } catch {
                throw redactor.redact(error)
            }
            ids += page.modelIDs
            guard let next = page.nextPageToken, !next.isEmpty, seenTokens.insert(next).inserted else { break }
            pageToken = next
        }
        return .listed(ids)
    }

    // MARK: - Streaming

    private func run(_ original: ModelRequest, output: inout PartOutput) async {
        var request = original
        var retries = 0
        while !Task.isCancelled {
            let spec: HTTPRequestSpec
            do {
                spec = try wireProtocol.streamRequest(for: request, endpoint: endpoint)
            } catch {
                output.emit(.error(error))
                return
            }
            let failure: FailedAttempt
            switch await attempt(spec, request: request, output: &output) {
            case .finished:
                return
            case .failed(let failed):
                failure = failed
            }
            if Task.isCancelled { return }
            if request.parameters.logprobs != nil, Self.refusesLogprobs(failure) {
                // Many models refuse token probabilities (Gemini's Developer API, OpenAI's reasoning
                // models): the run is still wanted, so it goes again without them, said once.
                output.emit(.warning("no token probabilities for \(request.model): \(failure.error.message) — the answer comes without them"))
                request.parameters.logprobs = nil
                continue
            }
            let decision = retryPolicy.decide(after: failure, retriesSoFar: retries, now: clock.now, jitter: jitter())
            guard case .retry(let delay) = decision else {
                output.emit(.error(failure.error))
                return
            }
            output.emit(.warning(retryPolicy.retryNote(delay: delay, after: failure, nextAttempt: retries + 2)))
            do {
                try await clock.sleep(seconds: delay)
            } catch {
                return
            }
            retries += 1
        }
    }

    /// A 400 that names log-probabilities: the model or server refused them, not the prompt.
    static func refusesLogprobs(_ failure: FailedAttempt) -> Bool {
        guard failure.stage == .errorResponse, failure.error.status == 400 else { return false }
        let said = failure.error.message + " " + String(decoding: failure.body, as: UTF8.self)
        return said.range(of: "logprob", options: .caseInsensitive) != nil
    }

    private enum AttemptResult {
        /// The stream ended (well or badly) and its last part was emitted, or the task was cancelled.
        case finished
        /// Nothing final was emitted; the retry policy decides.
        case failed(FailedAttempt)
    }

    private func attempt(_ spec: HTTPRequestSpec, request: ModelRequest, output: inout PartOutput) async -> AttemptResult {
        let response: HTTPResponse
        do {
            response = try await transport.send(spec, readTimeout: readTimeout)
        } catch {
            if error.kind == .cancelled || Task.isCancelled { return .finished }
            return .failed(FailedAttempt(stage: .beforeResponse, error: error))
        }
        guard response.isSuccess else {
            return .failed(await errorResponse(response, model: request.model, contentShown: output.contentShown))
        }
        await pump(response, request: request, output: &output)
        return .finished
    }

    /// Frames and maps a 2xx body, forwarding parts; ends the stream itself.
    private func pump(_ response: HTTPResponse, request: ModelRequest, output: inout PartOutput) async {
        var framer = wireProtocol.makeFramer(contentType: response.headers["content-type"])
        var mapper = wireProtocol.makeMapper(for: request)
        output.requestID = response.requestID
        var body = response.body.makeAsyncIterator()
        do {
            while !mapper.isComplete, !output.ended, let chunk = try await body.next() {
                for message in framer.feed(chunk) {
                    output.emit(mapper.map(message))
                    if mapper.isComplete || output.ended { break }
                }
            }
        } catch {
            if error.kind == .cancelled || Task.isCancelled { return }
            // The transport broke mid-body: parts already sent stay with the caller; this ends the run.
            output.emit(.error(error))
            return
        }
        if Task.isCancelled { return }
        let stoppedEarly = mapper.isComplete || output.ended
        if !stoppedEarly {
            for message in framer.finish() {
                output.emit(mapper.map(message))
                if mapper.isComplete || output.ended { break }
            }
        }
        output.emit(mapper.finish())
        if stoppedEarly { await Self.drain(body) }
    }

    /// Reads the little that normally follows a terminator (the chunked end) so the connection goes
    /// back to the pool instead of being closed; gives up after `drainLimit` bytes or `drainTimeout`.
    /// The caller already has every part, so this only delays the end of the stream, briefly.
    private static func drain(_ body: HTTPResponseBody.Iterator) async {
        _ = try? await ReadTimeoutRace.run(seconds: drainTimeout) {
            var iterator = body
            var left = drainLimit
            while left > 0, let chunk = try await iterator.next() { left -= chunk.count }
            return true
        }
    }

    static let drainLimit = 64 * 1024
    static let drainTimeout = 0.25

    private func errorResponse(_ response: HTTPResponse, model: String, contentShown: Bool) async -> FailedAttempt {
        // A body that fails half-way still says something; the typed error comes from what arrived.
        var body = Data()
        var iterator = response.body.makeAsyncIterator()
        while body.count < Self.errorBodyLimit {
            guard let chunk = try? await iterator.next() else { break }
            body.append(contentsOf: chunk.prefix(Self.errorBodyLimit - body.count))
        }
        var error = wireProtocol.error(status: response.status, headers: response.headers, body: body, model: model)
        if error.status == nil { error.status = response.status }
        if error.requestID == nil { error.requestID = response.requestID }
        return FailedAttempt(
            stage: .errorResponse, error: redactor.redact(error), headers: response.headers, body: body, contentShown: contentShown
        )
    }

    // MARK: - Model list

    private func fetchWithRetries(_ spec: HTTPRequestSpec) async throws(ProviderError) -> Data {
        var retries = 0
        while true {
            let failure: FailedAttempt
            do {
                let response = try await transport.send(spec, readTimeout: readTimeout)
                if response.isSuccess { return try await response.body.collect(upTo: Self.modelListLimit) }
                failure = await errorResponse(response, model: "", contentShown: false)
            } catch {
                failure = FailedAttempt(stage: .beforeResponse, error: redactor.redact(error))
            }
            if failure.error.kind == .cancelled || Task.isCancelled {
                throw ProviderError(kind: .cancelled, message: "cancelled")
            }
            guard case .retry(let delay) = retryPolicy.decide(after: failure, retriesSoFar: retries, now: clock.now, jitter: jitter())
            else { throw failure.error }
            do {
                try await clock.sleep(seconds: delay)
            } catch {
                throw ProviderError(kind: .cancelled, message: "cancelled")
            }
            retries += 1
        }
    }

    private var redactor: ErrorRedactor { ErrorRedactor(apiKey: endpoint.apiKey) }
}
