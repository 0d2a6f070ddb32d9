import Foundation

/// Hands batches from the thread that runs a query to the task that reads them, holding at most
/// `capacity` batches: the producer waits for room, so a slow reader keeps memory flat. Either side may
/// stop it: the reader by leaving (``abandon()``), the producer by finishing or failing.
final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var buffer: [Element] = []
    private var reader: CheckedContinuation<Element?, any Error>?
    private var finished = false
    private var failure: (any Error)?
    private var abandoned = false

    /// Thrown to the producer when the reader has left.
    struct Abandoned: Error {}

    init(capacity: Int) { self.capacity = Swift.max(1, capacity) }

    /// Producer: hands on one element, waiting while the buffer is full. Throws ``Abandoned`` once the
    /// reader has left.
    func send(_ element: Element) throws {
        condition.lock()
        if abandoned { condition.unlock(); throw Abandoned() }
        if let reader {
            self.reader = nil
            condition.unlock()
            reader.resume(returning: element)
            return
        }
        buffer.append(element)
        while buffer.count >= capacity && !abandoned { condition.wait() }
        let gone = abandoned
        condition.unlock()
        if gone { throw Abandoned() }
    }

    /// Producer: no more elements; `error` if the run failed.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        guard !finished else { condition.unlock(); return }
        finished = true
        let waiting = reader
        reader = nil
        // A waiting reader takes the error now; otherwise the next `next` does.
        failure = waiting == nil ? error : nil
        condition.unlock()
        if let waiting {
            if let error { waiting.resume(throwing: error) } else { waiting.resume(returning: nil) }
        }
    }

    /// Reader: the next element, nil at the end, or the producer's error (once).
    func next() async throws -> Element? {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Element?, any Error>) in
            condition.lock()
            if !buffer.isEmpty {
                let e = buffer.removeFirst()
                condition.broadcast()
                condition.unlock()
                c.resume(returning: e)
            } else if finished {
                let error = failure
                failure = nil
                condition.unlock()
                if let error { c.resume(throwing: error) } else { c.resume(returning: nil) }
            } else if abandoned {
                condition.unlock()
                c.resume(throwing: CancellationError())
            } else {
                reader = c
                condition.unlock()
            }
        }
    }

    /// Reader: stops the channel (the reader left or its task was cancelled). A waiting `next` throws
    /// `error`; the producer's next `send` throws ``Abandoned``.
    func abandon(with error: any Error = CancellationError()) {
        condition.lock()
        abandoned = true
        buffer.removeAll()
        let waiting = reader
        reader = nil
        condition.broadcast()
        condition.unlock()
        waiting?.resume(throwing: error)
    }
}
