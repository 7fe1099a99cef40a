import Foundation
import RefractTestSupport
import Testing
@testable import Providers

/// Errors name the provider as the user configured it (and its host); the vendor only for built-ins.
@Suite struct ProviderNamingTests {
    static func registry(_ providers: [ProviderSpec], environment: [String: String] = [:]) -> ProviderRegistry {
        ProviderRegistry(
            providers: providers, environment: environment, prices: PriceTable(rows: [:]),
            localPool: LocalServerPool(directory: FileManager.default.temporaryDirectory.appendingPathComponent("refract-naming-unused")),
            transport: SharedTestTransport.transport, readTimeout: 5, retryPolicy: .none
        )
    }

    static func rejectingServer() throws -> HTTPServer {
        try HTTPServer { _, writer in
            writer.respond(
                status: 400, headers: [("Content-Type", "application/json")],
                body: #"{"type":"error","error":{"type":"invalid_request_error","message":"bad things"}}"#
            )
        }
    }

    static func firstError(_ model: any LanguageModel) async -> ProviderError? {
        for await part in model.stream(ModelRequest(model: "m", messages: [ChatMessage(role: .user, content: "hi")])) {
            if case .error(let error) = part { return error }
        }
        return nil
    }

    @Test func aConfiguredProviderIsNamedAsConfiguredWithItsHost() async throws {
        let server = try Self.rejectingServer()
        defer { server.stop() }
        let spec = ProviderSpec(name: "myproxy", protocolName: .anthropic, baseURL: URL(string: server.baseURL.absoluteString + "/v1")!)
        let error = try #require(await Self.firstError(Self.registry([spec]).languageModel(for: ModelRef(provider: "myproxy", model: "m"))))
        #expect(error.kind == .badRequest)
        #expect(error.message.contains("myproxy (127.0.0.1:\(server.port))"), "\(error.message)")
        #expect(!error.message.contains("Anthropic"), "\(error.message)")
    }

    @Test func aMidStreamErrorFromAConfiguredProviderNamesItToo() async throws {
        let server = try HTTPServer { _, writer in
            writer.writeHead(status: 200, headers: [("Content-Type", "text/event-stream")])
            _ = writer.write("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n")
            _ = writer.write("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n")
            writer.end()
        }
        defer { server.stop() }
        let spec = ProviderSpec(name: "myproxy", protocolName: .anthropic, baseURL: URL(string: server.baseURL.absoluteString + "/v1")!)
        let error = try #require(await Self.firstError(Self.registry([spec]).languageModel(for: ModelRef(provider: "myproxy", model: "m"))))
        #expect(error.message.hasPrefix("myproxy (127.0.0.1:\(server.port)) reported an error mid-stream: Overloaded"), "\(error.message)")
    }

    @Test func aBuiltInProviderIsNamedAfterItsVendor() async throws {
        let server = try Self.rejectingServer()
        defer { server.stop() }
        let environment = ["ANTHROPIC_BASE_URL": server.baseURL.absoluteString, "ANTHROPIC_API_KEY": "k"]
        let builtins = BuiltinProviders.all(environment: environment)
        let error = try #require(await Self.firstError(Self.registry(builtins, environment: environment).languageModel(for: ModelRef(provider: "anthropic", model: "m"))))
        #expect(error.message.contains("Anthropic rejected the request"), "\(error.message)")
    }
}
