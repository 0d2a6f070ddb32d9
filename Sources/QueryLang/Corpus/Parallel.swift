import Foundation

/// Runs two pieces of work side by side (on two cores when there are two) and returns both results.
func concurrently<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
    var ra: A? = nil, rb: B? = nil
    withoutActuallyEscaping(a) { a in
        withoutActuallyEscaping(b) { b in
            nonisolated(unsafe) let (wa, wb) = (a, b)
            nonisolated(unsafe) let slots = (UnsafeMutablePointer<A?>.allocate(capacity: 1), UnsafeMutablePointer<B?>.allocate(capacity: 1))
            slots.0.initialize(to: nil)
            slots.1.initialize(to: nil)
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                if k == 0 { slots.0.pointee = wa() } else { slots.1.pointee = wb() }
            }
            ra = slots.0.move()
            rb = slots.1.move()
            slots.0.deallocate()
            slots.1.deallocate()
        }
    }
    return (ra!, rb!)
}

/// Runs `body` over `0..<count` on every core, in contiguous chunks, and collects results in order.
func parallelChunks<T>(_ count: Int, minChunk: Int = 16, _ body: (Range<Int>) -> T) -> [T] {
    if count == 0 { return [] }
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunks = min(max(1, count / minChunk), cores * 4)
    if chunks == 1 { return [body(0..<count)] }
    let results = UnsafeMutablePointer<T?>.allocate(capacity: chunks)
    results.initialize(repeating: nil, count: chunks)
    defer { results.deinitialize(count: chunks); results.deallocate() }
    nonisolated(unsafe) let out = results
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = count * c / chunks, hi = count * (c + 1) / chunks
            out[c] = work(lo..<hi)
        }
    }
    return (0..<chunks).map { results[$0]! }
}

/// One slot per item of a ``parallelChunks(_:minChunk:_:)`` loop, which the thread that handles the item
/// fills (at most once); then emptied in item order into an array. The values are moved, not copied, so
/// gathering thousands of documents costs no reference counting and no second array per chunk.
final class ParallelSlots<T>: @unchecked Sendable {
    private let values: UnsafeMutablePointer<T>
    private let filled: UnsafeMutablePointer<Bool>
    private let count: Int

    init(count: Int) {
        self.count = count
        values = .allocate(capacity: count)
        filled = .allocate(capacity: count)
        filled.initialize(repeating: false, count: count)
    }

    deinit {
        for k in 0..<count where filled[k] { (values + k).deinitialize(count: 1) }
        values.deallocate()
        filled.deallocate()
    }

    /// Fills slot `k`; slots are filled from any thread, each by one thread only.
    func put(_ value: T, at k: Int) {
        (values + k).initialize(to: value)
        filled[k] = true
    }

    /// The values of the filled slots, in slot order. Call once every thread is done; empties the slots.
    func take() -> [T] {
        let n = (0..<count).reduce(0) { $0 + (filled[$1] ? 1 : 0) }
        return [T](unsafeUninitializedCapacity: n) { out, initialized in
            initialized = 0
            for k in 0..<count where filled[k] {
                (out.baseAddress! + initialized).moveInitialize(from: values + k, count: 1)
                filled[k] = false
                initialized += 1
            }
        }
    }
}
