import Foundation
import Synchronization

/// Runs two pieces of work side by side (on two cores when there are two) and returns both results.
func concurrently<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
    let (ra, rb, _) = concurrently(a, b, { () })
    return (ra, rb)
}

/// Runs three pieces of work side by side: each starts on the first free core, in the order given (so
/// put the longest first), and all three results are returned.
func concurrently<A, B, C>(_ a: () -> A, _ b: () -> B, _ c: () -> C) -> (A, B, C) {
    let (ra, rb, rc, _) = concurrently(a, b, c, { () })
    return (ra, rb, rc)
}

/// Runs four pieces of work side by side: each starts on the first free core, in the order given (so
/// put the longest first), and all four results are returned.
func concurrently<A, B, C, D>(_ a: () -> A, _ b: () -> B, _ c: () -> C, _ d: () -> D) -> (A, B, C, D) {
    var ra: A? = nil, rb: B? = nil, rc: C? = nil, rd: D? = nil
    withoutActuallyEscaping(a) { a in
        withoutActuallyEscaping(b) { b in
            withoutActuallyEscaping(c) { c in
                withoutActuallyEscaping(d) { d in
                    nonisolated(unsafe) let work = (a, b, c, d)
                    nonisolated(unsafe) let slots = (ResultSlot<A>(), ResultSlot<B>(), ResultSlot<C>(), ResultSlot<D>())
                    DispatchQueue.concurrentPerform(iterations: 4) { k in
                        switch k {
                        case 0: slots.0.value = work.0()
                        case 1: slots.1.value = work.1()
                        case 2: slots.2.value = work.2()
                        default: slots.3.value = work.3()
                        }
                    }
                    (ra, rb, rc, rd) = (slots.0.value, slots.1.value, slots.2.value, slots.3.value)
                }
            }
        }
    }
    return (ra!, rb!, rc!, rd!)
}

/// Where one task of ``concurrently(_:_:_:_:)`` leaves its result (each written by one thread, read
/// once all are done).
private final class ResultSlot<T> {
    var value: T?
}

/// Runs `body` over `0..<count` on every core, in contiguous chunks, and collects results in order.
/// `chunksPerCore` small chunks per core balance the cores at the end of the loop (a core that is done
/// takes the next chunk) at the cost of a little set-up per chunk.
func parallelChunks<T>(_ count: Int, minChunk: Int = 16, chunksPerCore: Int = 4, _ body: (Range<Int>) -> T) -> [T] {
    if count == 0 { return [] }
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunks = min(max(1, count / minChunk), cores * chunksPerCore)
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

/// The items `0..<count` cut into batches of consecutive items, handed out one at a time and in order to
/// whichever worker asks next (``claim()``): a worker that is done takes the next batch, so the cores
/// finish together, give or take one small batch, however unequal the items' costs. (Fixed chunks, as in
/// ``parallelChunks(_:minChunk:chunksPerCore:_:)``, leave one core idle while the other ends the last one.)
final class BatchQueue: Sendable {
    let count: Int
    let batchSize: Int
    /// How many batches there are.
    let batches: Int
    private let next = Atomic<Int>(0)

    init(count: Int, batchSize: Int) {
        self.count = count
        self.batchSize = max(1, batchSize)
        batches = (count + self.batchSize - 1) / self.batchSize
    }

    /// The next batch no worker has taken yet, or nil when all are taken.
    func claim() -> Int? {
        let b = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return b < batches ? b : nil
    }

    /// The items of batch `b`.
    func range(_ b: Int) -> Range<Int> { (b * batchSize)..<min(count, (b + 1) * batchSize) }
}

/// Runs `body(w)` for each worker `w` of `0..<workers` side by side, one per core, and returns their
/// results in worker order.
func parallelWorkers<T>(_ workers: Int, _ body: (Int) -> T) -> [T] {
    let results = ParallelSlots<T>(count: workers)
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: workers) { w in results.put(work(w), at: w) }
    }
    return results.take()
}

/// One slot per item of a parallel loop (``parallelChunks(_:minChunk:chunksPerCore:_:)``, the batches of a
/// ``BatchQueue``), which the thread that handles the item fills (at most once); then emptied in item
/// order into an array. The values are moved, not copied, so
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
    func put(_ value: consuming T, at k: Int) {
        (values + k).initialize(to: value)
        filled[k] = true
    }

    /// The values of the filled slots, in slot order. Call once every thread is done; empties the slots.
    func take() -> [T] {
        let n = (0..<count).reduce(0) { $0 + (filled[$1] ? 1 : 0) }
        // Not made for none: an empty array made so writes its count into the one shared empty array,
        // which threads doing the same at once would race on.
        if n == 0 { return [] }
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

