// libFuzzer entry point for scripts/fuzz. Compiled together with the pure parts of Providers (framing,
// decoding, protocol mappers) and Sessions (line codec, reader) into one module; FUZZ_TARGET picks
// what the input feeds:
//
//   stream   byte 0 picks the protocol, byte 1 the read size (0: whole), the rest is a response body:
//            framer + event mapper through StreamDecoder, whole and split into reads.
//   session  the bytes are a session file: SessionReader.read(bytes:).
//   image    the bytes are an attached file: ImagePixelSize.read and PNGDecoder.decode (a small pixel cap).
//
// A crash, a hang (-timeout) or memory past -rss_limit_mb is a finding.
import Foundation

private let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "stream"
private let protocols: [ProtocolName] = [.anthropic, .openAIChat, .openAIResponses, .gemini, .ollama]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case "session":
        _ = try? SessionReader.read(bytes: bytes, name: "fuzz.jsonl")
    case "image":
        _ = ImagePixelSize.read(Data(bytes))
        _ = try? PNGDecoder.decode(bytes, maxPixels: 1 << 20)
    default:
        guard bytes.count >= 2 else { return 0 }
        let name = protocols[Int(bytes[0]) % protocols.count]
        let body = Array(bytes[2...])
        let whole = StreamDecoder.decode(protocol: name, bytes: body)
        let size = Int(bytes[1]) % 64
        if size > 0 {
            let split = StreamDecoder.decode(protocol: name, bytes: body, chunkSizes: [size])
            // Where reads split a body must not change what it means.
            if split != whole { fatalError("\(name): reads of \(size) bytes decode differently from the whole body") }
        }
    }
    return 0
}
