/// Rows a host hands to a plan (``PlanNode/Op/rows(_:)``), pulled a batch at a time as the stages above
/// ask for them: the documents a SQL server returns as candidates, which mq's own stages then finish
/// (SQL/SQLHybrid.swift). A `take` above stops the pulling, and so the reading from the host.
@_spi(MQInternals) public final class HostRows: @unchecked Sendable {
    /// What the rows are, for `explain`.
    let what: String
    /// The column names of the rows.
    let columns: [String]
    /// Between 1 and `max` more rows, or none at the end.
    let pull: (Int) throws -> [Value]

    init(what: String, columns: [String], pull: @escaping (Int) throws -> [Value]) {
        self.what = what
        self.columns = columns
        self.pull = pull
    }
}
