import Foundation
import RefractTestSupport
import Testing
@testable import Providers

/// Images and PDFs over a real socket, for every protocol: the exact part shapes each vendor documents,
/// and the refusals said before anything is sent (the server sees no request).
@Suite struct AttachmentsOverHTTPTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
    static let pdf = Data("%PDF-1.4 tiny".utf8)
    static var pngBase64: String { png.base64EncodedString() }
    static var pdfBase64: String { pdf.base64EncodedString() }

    static func registry(_ spec: ProviderSpec) -> ProviderRegistry {
        ProviderRegistry(
            providers: [spec], environment: [:], prices: PriceTable(rows: [:]),
            localPool: LocalServerPool(directory: FileManager.default.temporaryDirectory.appendingPathComponent("refract-attach-unused")),
            transport: SharedTestTransport.transport, readTimeout: 5, retryPolicy: .none
        )
    }

    /// A server that answers every request with an empty 200 (the request is what is checked).
    static func server() throws -> HTTPServer {
        try HTTPServer { _, writer in
            writer.writeHead(status: 200, headers: [("Content-Type", "text/event-stream")])
            writer.end()
        }
    }

    static func request(_ attachments: [MessageAttachment], text: String = "What is this?", mode: RequestMode = .chat) -> ModelRequest {
        var message = ChatMessage(role: .user, content: text)
        message.attachments = attachments
        return ModelRequest(model: "m", messages: [ChatMessage(role: .system, content: "Be brief."), message], mode: mode)
    }

    static let image = MessageAttachment(kind: .image, mediaType: "image/png", name: "cat.png", data: png)
    static let document = MessageAttachment(kind: .pdf, mediaType: "application/pdf", name: "report.pdf", data: pdf)

    /// Sends `request` to a provider speaking `name` at the test server; the parts, and the JSON bodies it received.
    static func send(_ name: ProtocolName, _ request: ModelRequest, path: String = "", model: String = "m") async throws -> (parts: [StreamPart], bodies: [[String: Any]], count: Int) {
        let server = try server()
        defer { server.stop() }
        let spec = ProviderSpec(name: "p", protocolName: name, baseURL: URL(string: server.baseURL.absoluteString + path)!)
        var parts: [StreamPart] = []
        for await part in registry(spec).languageModel(for: ModelRef(provider: "p", model: model)).stream(request) { parts.append(part) }
        return (parts, server.requests.compactMap(\.jsonBody), server.requests.count)
    }

    static func json(_ text: String) -> NSDictionary {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? NSDictionary ?? [:]
    }

    static func same(_ a: [[String: Any]], _ b: [[String: Any]]) -> Bool { NSArray(array: a).isEqual(to: b) }

    static func error(_ parts: [StreamPart]) -> String? {
        parts.compactMap { if case .error(let e) = $0 { e.message } else { nil } }.first
    }

    @Test func openAIChatSendsAnImageURLPartWithADataURL() async throws {
        let (_, bodies, _) = try await Self.send(.openAIChat, Self.request([Self.image]))
        let messages = try #require(bodies.first?["messages"] as? [[String: Any]])
        #expect(messages[0]["content"] as? String == "Be brief.", "a message without images keeps a plain string")
        let content = try #require(messages[1]["content"] as? [[String: Any]])
        #expect(Self.same(content, [
            ["type": "image_url", "image_url": ["url": "data:image/png;base64,\(Self.pngBase64)"]],
            ["type": "text", "text": "What is this?"],
        ]))
    }

    @Test func openAIResponsesSendsAnInputImagePartWithADataURL() async throws {
        let (_, bodies, _) = try await Self.send(.openAIResponses, Self.request([Self.image]), path: "/v1")
        let input = try #require(bodies.first?["input"] as? [[String: Any]])
        let content = try #require(input[0]["content"] as? [[String: Any]])
        #expect(Self.same(content, [
            ["type": "input_image", "image_url": "data:image/png;base64,\(Self.pngBase64)"],
            ["type": "input_text", "text": "What is this?"],
        ]))
    }

    @Test func anthropicSendsImageAndDocumentBlocksWithBase64Sources() async throws {
        let (_, bodies, _) = try await Self.send(.anthropic, Self.request([Self.image, Self.document]), path: "/v1")
        let messages = try #require(bodies.first?["messages"] as? [[String: Any]])
        let content = try #require(messages[0]["content"] as? [[String: Any]])
        #expect(Self.same(content, [
            ["type": "image", "source": ["type": "base64", "media_type": "image/png", "data": Self.pngBase64]],
            ["type": "document", "source": ["type": "base64", "media_type": "application/pdf", "data": Self.pdfBase64]],
            ["type": "text", "text": "What is this?"],
        ]))
    }

    @Test func geminiSendsInlineDataPartsForImagesAndPDFs() async throws {
        let (_, bodies, _) = try await Self.send(.gemini, Self.request([Self.image, Self.document]), path: "/v1beta")
        let contents = try #require(bodies.first?["contents"] as? [[String: Any]])
        let parts = try #require(contents[0]["parts"] as? [[String: Any]])
        #expect(Self.same(parts, [
            ["inlineData": ["mimeType": "image/png", "data": Self.pngBase64]],
            ["inlineData": ["mimeType": "application/pdf", "data": Self.pdfBase64]],
            ["text": "What is this?"],
        ]))
    }

    @Test func ollamaSendsImagesOnTheMessage() async throws {
        let (_, bodies, _) = try await Self.send(.ollama, Self.request([Self.image]))
        let messages = try #require(bodies.first?["messages"] as? [[String: Any]])
        #expect(messages[0]["images"] == nil)
        #expect(messages[1]["content"] as? String == "What is this?")
        #expect(messages[1]["images"] as? [String] == [Self.pngBase64])
    }

    @Test func aPDFToOpenAIIsRefusedBeforeSending() async throws {
        for name in [ProtocolName.openAIChat, .openAIResponses, .ollama] {
            let (parts, _, count) = try await Self.send(name, Self.request([Self.document]))
            #expect(count == 0)
            #expect(Self.error(parts) == "report.pdf is a PDF: \(name.rawValue) does not take PDFs (Anthropic and Gemini do) — pick one of their models, or remove the attachment")
        }
    }

    @Test func anImageToATextOnlyLocalModelIsRefusedBeforeItsServerStarts() async throws {
        let spec = ProviderSpec(name: "local", protocolName: .openAIChat, baseURL: URL(string: "http://127.0.0.1:9")!, isManagedLocal: true)
        var parts: [StreamPart] = []
        for await part in Self.registry(spec).languageModel(for: ModelRef(provider: "local", model: LocalModelCatalog.smollm2.id)).stream(Self.request([Self.image])) {
            parts.append(part)
        }
        #expect(Self.error(parts) == "cat.png is an image: local:smollm2-135m-instruct reads text only — pick a model that takes images, or remove the attachment")
    }

    @Test func rawCompletionIsRefusedBeforeSending() async throws {
        let (parts, _, count) = try await Self.send(.openAIChat, Self.request([Self.image], mode: .rawCompletion))
        #expect(count == 0)
        #expect(Self.error(parts) == "cat.png is an image: raw completion sends text only — run in chat mode (--chat), or remove the attachment")
    }

    @Test func anImageOverAnthropicsLimitIsRefusedBeforeSending() async throws {
        var big = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        big.append(Data(count: 4 * 1024 * 1024))
        let image = MessageAttachment(kind: .image, mediaType: "image/png", name: "huge.png", data: big)
        let (parts, _, count) = try await Self.send(.anthropic, Self.request([image]), path: "/v1")
        #expect(count == 0)
        #expect(Self.error(parts) == "huge.png is 5.3 MB as base64: anthropic takes at most 5.0 MB per image — make it smaller")
    }

    @Test func aGIFToGeminiIsRefusedAndTheRequestTotalIsChecked() {
        let gif = MessageAttachment(kind: .image, mediaType: "image/gif", name: "a.gif", data: Data("GIF89a".utf8))
        #expect(AttachmentPolicy.refusal(for: Self.request([gif]), protocolName: .gemini)
            == "a.gif is GIF: gemini takes PNG, JPEG, WebP images — convert it, or remove the attachment")
        let eight = MessageAttachment(kind: .image, mediaType: "image/png", name: "b.png", data: Data(count: 8 * 1024 * 1024))
        #expect(AttachmentPolicy.refusal(for: Self.request([eight, eight]), protocolName: .gemini)
            == "the attached images and PDFs come to 21.3 MB as base64: gemini takes at most 20.0 MB in one request — attach fewer or smaller files")
        #expect(AttachmentPolicy.refusal(for: Self.request([eight]), protocolName: .gemini) == nil)
        #expect(AttachmentPolicy.refusal(for: Self.request([]), protocolName: .openAIChat, textOnly: "local:x") == nil, "no attachments, nothing to refuse")
    }
}
