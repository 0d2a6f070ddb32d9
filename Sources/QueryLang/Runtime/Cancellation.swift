import Synchronization

/// Lets another thread stop a running query: `cancel()` sets a flag that the evaluator checks every few
/// thousand steps, so a query stops within milliseconds.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
