/// Running a program whose queries hand their rows on as they are made, instead of collecting them into
/// a table: the path behind `Session.stream`. Only the statement's own result streams; a `let`, a
/// pipeline used as a value, and the stages that must hold their input (`sort`, `summarize`, ...) hold
/// what they hold as in a collected run.
extension Interpreter {
    /// What a streamed statement hands on: the rows of its table a batch at a time, or another output.
    enum StreamedPart {
        case rows(columns: [String], rows: [Value], span: Span)
        case output(StatementOutput)
    }

    /// Runs the statements of `program` in order, calling `emit` with the statement's index and each part
    /// of its result. A query that is a pipeline gives its rows in batches of at most `batchSize` (at least
    /// one batch, empty for no rows); they are held by no one here, so the row and output limits do not
    /// bound them (steps, time, text size per batch and cancellation still do). `emit` may block: the
    /// pipeline waits, and holds no more than a batch.
    func stream(_ program: Program, file: SourceFile, batchSize: Int,
                emit: (Int, StreamedPart) throws -> Void) throws {
        let saved = self.file
        self.file = file
        defer { self.file = saved }
        stack = StackGuard.current()
        for (index, st) in program.statements.enumerated() {
            steps = 0
            deadline = limits.timeout.map { ContinuousClock.now + $0 }
            try checkpoint(st.span)
            guard case let .query(.pipeline(source, stages, span)) = st.kind else {
                var outputs: [StatementOutput] = []
                try execute(st) { outputs.append($0) }
                for o in outputs { try emit(index, .output(o)) }
                continue
            }
            let plan = planFor(source, stages, span)
            let rows = try open(plan, .top)
            var sent = false
            while true {
                let batch = try rows.next(Swift.max(1, batchSize))
                if batch.isEmpty && sent { break }
                try checkpoint(st.span)
                try checkOutputText(.list(batch), st.span)
                try emit(index, .rows(columns: rows.columns, rows: batch, span: st.span))
                sent = true
                if batch.isEmpty { break }
            }
        }
    }
}
