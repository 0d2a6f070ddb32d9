/// The first `n` of `count` indices in the order `before`, without sorting them all (a bounded heap).
enum TopN {
    static func select(_ count: Int, _ n: Int, by before: (Int, Int) -> Bool) -> [Int] {
        guard n > 0 else { return [] }
        // A heap whose root is the worst of the best n so far.
        var heap: [Int] = []
        heap.reserveCapacity(n + 1)
        func siftUp(_ i: Int) {
            var c = i
            while c > 0 {
                let p = (c - 1) / 2
                guard before(heap[p], heap[c]) else { break }
                heap.swapAt(p, c)
                c = p
            }
        }
        func siftDown(_ i: Int) {
            var p = i
            while true {
                let l = 2 * p + 1, r = l + 1
                var worst = p
                if l < heap.count && before(heap[worst], heap[l]) { worst = l }
                if r < heap.count && before(heap[worst], heap[r]) { worst = r }
                if worst == p { return }
                heap.swapAt(p, worst)
                p = worst
            }
        }
        for i in 0..<count {
            if heap.count < n { heap.append(i); siftUp(heap.count - 1) }
            else if before(i, heap[0]) { heap[0] = i; siftDown(0) }
        }
        return heap.sorted(by: before)
    }
}
