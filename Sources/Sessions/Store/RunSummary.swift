import Foundation
import Providers

/// One run as the session browser lists it, without its answer (loaded on demand by byte range).
public struct RunSummary: Sendable, Equatable {
    /// How the run ended, in brief.
    public enum Status: Sendable, Equatable {
        case finished(FinishReason.Kind)
        case failed(ProviderError.Kind, message: String)
        case incomplete
    }

    public var run: Int
    public var group: Int?
    public var at: Date
    public var model: ModelRef
    public var mode: RequestMode
    public var label: String?
    public var variant: String?
    /// The start of the instruction (or of the input when there is none), on one line.
    public var preview: String
    public var usage: Usage?
    /// Nil when unpriced.
    public var costUSD: Double?
    public var status: Status
    public var ttftMs: Int?
    public var totalMs: Int?
    /// Bytes from the start of `run_started` to the end of the run's last line seen (other runs' lines may be inside).
    public var byteRange: Range<Int>

    public init(
        run: Int, group: Int? = nil, at: Date, model: ModelRef, mode: RequestMode = .chat, label: String? = nil, variant: String? = nil,
        preview: String = "", usage: Usage? = nil, costUSD: Double? = nil, status: Status = .incomplete, ttftMs: Int? = nil,
        totalMs: Int? = nil, byteRange: Range<Int>
    ) {
        self.run = run
        self.group = group
        self.at = at
        self.model = model
        self.mode = mode
        self.label = label
        self.variant = variant
        self.preview = preview
        self.usage = usage
        self.costUSD = costUSD
        self.status = status
        self.ttftMs = ttftMs
        self.totalMs = totalMs
        self.byteRange = byteRange
    }

    public var failed: Bool {
        if case .failed = status { return true }
        return false
    }
}
