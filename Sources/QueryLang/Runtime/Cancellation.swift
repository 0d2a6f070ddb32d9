import Synchronization

/// Lets another thread stop a running query: `cancel()` sets a flag that the evaluator checks every few
/// thousand steps, so a query stops within milliseconds.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)
    /// A token whose cancellation this one follows (a streamed run's token follows the host's).
    private let parent: CancellationToken?

    /// A token not yet cancelled.
    public init() { parent = nil }

    /// A token cancelled by its own ``cancel()`` or by `parent`'s.
    init(following parent: CancellationToken?) { self.parent = parent }

    /// Asks every run holding this token to stop (E403), from any thread.
    public func cancel() { flag.store(true, ordering: .relaxed) }
    /// Makes the token usable for another run.
    public func reset() { flag.store(false, ordering: .relaxed) }
    /// Whether ``cancel()`` was called since the last ``reset()``.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) || (parent?.isCancelled ?? false) }
}
