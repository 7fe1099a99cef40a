import Foundation

/// Why an attachment cannot be used: one line naming the file (as written) and what to do.
public struct AttachmentError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
