import Foundation

/// At most N runs at once per provider (config `concurrency`); the rest wait in order.
/// Cancelling a waiting task releases its place without running it.
public actor ConcurrencyLimiter {
    private var limits: [String: Int]
    private var running: [String: Int] = [:]
    /// Waiters in arrival order. A slice, so handing a place to the first is O(1): an evaluation queues
    /// thousands of cells here, and removing the first of an array (copied out of the dictionary) per
    /// finished cell was quadratic.
    private var waiting: [String: ArraySlice<(id: UUID, continuation: CheckedContinuation<Bool, Never>)>] = [:]
    /// Used for providers without a configured limit.
    public let defaultLimit: Int

    public init(limits: [String: Int], defaultLimit: Int = 4) {
        self.limits = limits
        self.defaultLimit = max(1, defaultLimit)
    }

    /// Limits from the providers' `concurrency` settings.
    public init(providers: [ProviderSpec]) {
        self.init(limits: Dictionary(providers.map { ($0.name, $0.concurrency) }, uniquingKeysWith: { _, b in b }))
    }

    /// Runs `body` once a place for `provider` is free. Returns nil when cancelled while waiting.
    public func withPermit<T: Sendable>(_ provider: String, _ body: @Sendable () async -> T) async -> T? {
        guard await acquire(provider) else { return nil }
        let result = await body()
        release(provider)
        return result
    }

    private func limit(_ provider: String) -> Int { max(1, limits[provider] ?? defaultLimit) }

    private func acquire(_ provider: String) async -> Bool {
        if running[provider, default: 0] < limit(provider), waiting[provider, default: []].isEmpty {
            running[provider, default: 0] += 1
            return true
        }
        let id = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(returning: false)
                } else {
                    waiting[provider, default: []].append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(provider, id) }
        }
    }

    private func cancelWaiter(_ provider: String, _ id: UUID) {
        guard let i = waiting[provider]?.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiting[provider]!.remove(at: i)
        waiter.continuation.resume(returning: false)
    }

    private func release(_ provider: String) {
        if let next = waiting[provider]?.popFirst() {
            // Hand the place straight to the next waiter: `running` stays the same.
            next.continuation.resume(returning: true)
        } else {
            running[provider, default: 1] -= 1
        }
    }
}
