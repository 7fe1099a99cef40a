@testable import Providers

/// One real transport for the whole test process (an AHC client must outlive its requests and is never
/// shut down mid-run; the process exit ends it).
enum SharedTestTransport {
    static let transport = AsyncHTTPTransport(connectTimeout: 5)
}
