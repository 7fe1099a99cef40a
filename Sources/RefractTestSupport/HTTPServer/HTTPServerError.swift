import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the test server could not start.
public struct HTTPServerError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: Int32

    public var description: String { "test HTTP server: \(operation) failed: \(String(cString: strerror(code)))" }
}
