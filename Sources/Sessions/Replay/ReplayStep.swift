import Foundation
import Providers

/// One item of a replay: wait `delay`, then emit `part` (recorded `ms` after the run started).
public struct ReplayStep: Sendable, Equatable {
    public var delay: Duration
    public var ms: Int
    public var part: StreamPart

    public init(delay: Duration, ms: Int, part: StreamPart) {
        self.delay = delay
        self.ms = ms
        self.part = part
    }
}
