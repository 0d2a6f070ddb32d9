/// `min` and `max` of dates on PostgreSQL: aggregates of the schema that follow mq's fold.
///
/// mq compares dates as intervals (``PartialDate/compare(_:)``): `2014` and `2014-06` overlap, so neither
/// is before the other. `min` keeps the first non-null date of its input and replaces it by a later row's
/// date only when that date lies wholly before it (`max`: wholly after), so its answer depends on the order
/// of the rows: over `2014-06, 2014, 2013` it is `2013`, over `2014, 2014-06, 2013` it is `2014`. No order of
/// the integer keys gives that answer, so the aggregates step through the rows in the input's order
/// (`mq.date_min(x ORDER BY <the input's order>)`); over rows in no defined order the call is refused.
enum SQLDateAggregates {
    /// The statements that create `mq.date_min` and `mq.date_max`. Their step functions are strict and the
    /// state starts null, so the first non-null date becomes the state and null dates are skipped, as mq
    /// skips them.
    static let create: [String] = [
        """
        CREATE FUNCTION mq.date_min_step(best bigint, v bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT CASE WHEN (v >> 3) < (best >> 3) AND mq.date_last(v) < (best >> 3) THEN v ELSE best END
        $$
        """,
        """
        CREATE FUNCTION mq.date_max_step(best bigint, v bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT CASE WHEN (v >> 3) > (best >> 3) AND (v >> 3) > mq.date_last(best) THEN v ELSE best END
        $$
        """,
        "CREATE AGGREGATE mq.date_min(bigint) (SFUNC = mq.date_min_step, STYPE = bigint, PARALLEL = SAFE)",
        "CREATE AGGREGATE mq.date_max(bigint) (SFUNC = mq.date_max_step, STYPE = bigint, PARALLEL = SAFE)",
    ]

    /// The call for `min`/`max` of the date `argument` over rows in the order `order` (ORDER BY terms).
    static func call(_ name: String, _ argument: String, order: String) -> String {
        "mq.date_\(name)(\(argument) ORDER BY \(order))"
    }
}
