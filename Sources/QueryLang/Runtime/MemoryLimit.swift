/// The memory limit of a query (``Limits/maxMemoryBytes``): the process's memory is read at every fourth
/// checkpoint (every 16,384 steps) and after every 64 MiB of large strings built, and the query stops
/// with E402 once it is over the limit, before the system refuses an allocation (which ends the process).
extension Interpreter {
    /// Notes a string of `bytes` just built; reads the memory once 64 MiB of them have been built since
    /// the last reading (between two checkpoints a loop may build many large strings).
    func noteAllocation(_ bytes: Int, _ span: Span) throws {
        guard bytes >= 1 << 16 else { return }
        allocatedSinceCheck += bytes
        if allocatedSinceCheck >= 64 << 20 {
            allocatedSinceCheck = 0
            try checkMemory(span)
        }
    }

    func memoryExceeded(_ used: Int, _ limit: Int, _ span: Span) -> Diagnostic {
        fail(.limitReached, "the query uses \(MemoryUse.describe(used)) of memory, more than the limit of \(MemoryUse.describe(limit))", span,
             hints: ["keep fewer or smaller columns (select before join or extend), narrow it with where or take, or raise the limit (--max-memory, .maxmemory)"])
    }
}
