import Foundation

/// Makes numbered batches on a thread of its own, in order and a few ahead of the thread that takes them
/// (``next()``), so that the rows of the next documents are made while the server reads the previous ones.
/// At most `depth` made batches wait; the maker pauses until one is taken.
final class CopyPipeline<Batch>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Batch] = []
    private var started = false
    private var finished = false
    private var cancelled = false
    private let count: Int
    private let depth: Int
    private let make: @Sendable (Int) -> Batch

    /// Batches `0..<count`, batch `k` made by `make(k)`; nothing is made before ``start()``.
    init(count: Int, depth: Int, make: @escaping @Sendable (Int) -> Batch) {
        self.count = count
        self.depth = max(1, depth)
        self.make = make
    }

    /// Starts the maker thread.
    func start() {
        condition.lock()
        started = true
        condition.unlock()
        let thread = Thread { [self] in run() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func run() {
        for k in 0..<count {
            condition.lock()
            while ready.count >= depth && !cancelled { condition.wait() }
            let stop = cancelled
            condition.unlock()
            if stop { break }
            let batch = make(k)
            condition.lock()
            ready.append(batch)
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order, waiting for it to be made; nil after the last.
    func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let b = ready.removeFirst()
        condition.broadcast()
        return b
    }

    /// Stops making batches and waits for the maker thread to end (at once when it has ended).
    func stop() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while started && !finished { condition.wait() }
        ready.removeAll()
        condition.unlock()
    }
}
