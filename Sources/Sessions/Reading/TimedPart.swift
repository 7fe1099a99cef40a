import Foundation
import Providers

/// A stream part and when it arrived, in milliseconds from the run's start.
public struct TimedPart: Sendable, Equatable {
    public var ms: Int
    public var part: StreamPart

    public init(ms: Int, part: StreamPart) {
        self.ms = ms
        self.part = part
    }
}
