import Testing
@testable import RefractTestSupport

/// The test server's request parser: bytes split anywhere, both body framings, pipelining, garbage.
@Suite struct HTTPRequestParserTests {
    func parseAll(_ chunks: [String]) throws -> [HTTPServerRequest] {
        var parser = HTTPRequestParser()
        var requests: [HTTPServerRequest] = []
        for chunk in chunks {
            parser.feed(Array(chunk.utf8))
            while let request = try parser.nextRequest(connectionID: 3) { requests.append(request) }
        }
        return requests
    }

    @Test func parsesAContentLengthRequestSplitAnywhere() throws {
        let raw = "POST /v1beta/models/a%2Cb:streamGenerateContent?alt=sse&key=k%20x HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nX-Api-Key:  v \r\n\r\nhello"
        for split in 1..<raw.utf8.count {
            let bytes = Array(raw.utf8)
            let requests = try parseAll([String(decoding: bytes[..<split], as: UTF8.self), String(decoding: bytes[split...], as: UTF8.self)])
            #expect(requests.count == 1, "split at \(split)")
            let request = try #require(requests.first)
            #expect(request.method == "POST")
            #expect(request.path == "/v1beta/models/a,b:streamGenerateContent")
            #expect(request.queryValue("alt") == "sse")
            #expect(request.queryValue("key") == "k x")
            #expect(request.header("x-api-key") == "v")
            #expect(request.bodyText == "hello")
            #expect(request.connectionID == 3)
        }
    }

    @Test func parsesChunkedBodiesAndPipelinedRequests() throws {
        let requests = try parseAll([
            "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\nGET /b HTTP/1.1\r\n\r\n",
        ])
        #expect(requests.map(\.path) == ["/a", "/b"])
        #expect(requests.first?.bodyText == "abcde")
        #expect(requests.last?.body.isEmpty == true)
    }

    @Test func refusesGarbageAtOnce() {
        var parser = HTTPRequestParser()
        parser.feed([0x16, 0x03, 0x01, 0x02, 0x00])
        #expect(throws: HTTPRequestParser.Failure.self) { try parser.nextRequest(connectionID: 0) }
        var badLine = HTTPRequestParser()
        badLine.feed(Array("GET /\r\n\r\n".utf8))
        #expect(throws: HTTPRequestParser.Failure.self) { try badLine.nextRequest(connectionID: 0) }
    }
}
