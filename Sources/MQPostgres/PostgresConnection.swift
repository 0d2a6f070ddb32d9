import CPostgres
import Foundation
@_spi(MQInternals) import QueryLang

/// A connection to a PostgreSQL server through libpq: text results, COPY for bulk loading. One connection
/// belongs to one thread at a time.
@_spi(MQInternals) public final class PostgresConnection: SQLConnection {
    private let conn: OpaquePointer

    /// Connects to `url` (`postgresql://user@host:port/db`, or a libpq keyword string); a wrong URL or an
    /// unreachable server is an error with libpq's message, never a hang (connect timeout 10 s unless
    /// the URL sets one).
    @_spi(MQInternals) public init(url: String) throws {
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
            throw SQLConnectionError("not a PostgreSQL URL: '\(Self.printable(url))' (expected postgresql://user@host:port/database)")
        }
        let keys = ["dbname", "connect_timeout", "application_name"]
        let values = [url, "10", "mq"]
        let c: OpaquePointer? = keys.withCStringArray { k in
            values.withCStringArray { v in PQconnectdbParams(k, v, 1) }
        }
        guard let c else { throw SQLConnectionError("cannot allocate a PostgreSQL connection") }
        guard PQstatus(c) == CONNECTION_OK else {
            let message = Self.message(c)
            PQfinish(c)
            throw SQLConnectionError("cannot connect to \(Self.redacted(url)): \(message)")
        }
        conn = c
        _ = try? execute("SET client_encoding = 'UTF8'")
        _ = try? execute("SET client_min_messages = warning")
    }

    deinit { PQfinish(conn) }

    /// Where the connection went, as libpq resolved the URL (host or socket folder, port, database, user,
    /// password or ""): what another server needs to reach this one (a `postgres_fdw` server of a shard).
    public var endpoint: (host: String, port: String, database: String, user: String, password: String) {
        func s(_ p: UnsafeMutablePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
        return (s(PQhost(conn)), s(PQport(conn)), s(PQdb(conn)), s(PQuser(conn)), s(PQpass(conn)))
    }

    /// A statement that returns no rows.
    @_spi(MQInternals) public func execute(_ sql: String) throws {
        guard let r = PQexec(conn, sql) else { throw SQLConnectionError(Self.message(conn)) }
        defer { PQclear(r) }
        let s = PQresultStatus(r)
        guard s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK else { throw SQLConnectionError(Self.resultMessage(r, conn)) }
    }

    public func query(_ sql: String) throws -> [[String?]] {
        try query(sql, parameters: [])
    }

    /// A statement with bind parameters `$1`, `$2`, ... in text form (their types are the statement's casts).
    public func query(_ sql: String, parameters: [String]) throws -> [[String?]] {
        let result: OpaquePointer? = parameters.isEmpty ? PQexec(conn, sql) : parameters.withCStringArray { values in
            PQexecParams(conn, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard let r = result else { throw SQLConnectionError(Self.message(conn)) }
        defer { PQclear(r) }
        let s = PQresultStatus(r)
        guard s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK else { throw SQLConnectionError(Self.resultMessage(r, conn)) }
        let n = Int(PQntuples(r)), m = Int(PQnfields(r))
        var rows: [[String?]] = []
        rows.reserveCapacity(n)
        for i in 0..<n {
            var row: [String?] = []
            row.reserveCapacity(m)
            for j in 0..<m {
                if PQgetisnull(r, Int32(i), Int32(j)) == 1 { row.append(nil); continue }
                let len = Int(PQgetlength(r, Int32(i), Int32(j)))
                let p = PQgetvalue(r, Int32(i), Int32(j))!
                row.append(p.withMemoryRebound(to: UInt8.self, capacity: len) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: len), as: UTF8.self)
                })
            }
            rows.append(row)
        }
        return rows
    }

    /// COPY ... FROM STDIN: `body` hands lines (without newlines) to the writer; they are sent in chunks.
    @_spi(MQInternals) public func copy(_ statement: String, _ body: ((String) throws -> Void) throws -> Void) throws {
        try copyStart(statement)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var failure: Error?
        do {
            try body { line in
                buffer.append(contentsOf: line.utf8)
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    try copyPut(buffer[...])
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try copyPut(buffer[...])
        } catch { failure = error }
        try copyEnd(failure)
    }

    /// COPY ... FROM STDIN of rows already in COPY's text format (``SQLCopyBuffer``): `body` hands runs of
    /// whole rows, each ended by a newline, to the writer. A failure in `body` ends the COPY with an error
    /// (the server discards its rows) and is rethrown.
    @_spi(MQInternals) public func copyRows(_ statement: String, _ body: ((ArraySlice<UInt8>) throws -> Void) throws -> Void) throws {
        try copyStart(statement)
        var failure: Error?
        do { try body { try copyPut($0) } } catch { failure = error }
        try copyEnd(failure)
    }

    private func copyStart(_ statement: String) throws {
        guard let r = PQexec(conn, statement) else { throw SQLConnectionError(Self.message(conn)) }
        let s = PQresultStatus(r)
        let startMessage = Self.resultMessage(r, conn)
        PQclear(r)
        guard s == PGRES_COPY_IN else { throw SQLConnectionError(startMessage) }
    }

    private func copyPut(_ bytes: ArraySlice<UInt8>) throws {
        var rest = bytes
        while !rest.isEmpty {
            let piece = rest.prefix(1 << 20)
            let ok = piece.withUnsafeBufferPointer { b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { PQputCopyData(conn, $0, Int32(b.count)) }
            }
            guard ok == 1 else { throw SQLConnectionError(Self.message(conn)) }
            rest = rest.dropFirst(piece.count)
        }
    }

    /// Ends the COPY (with an error when `failure` is set) and reads its results; throws the first failure.
    private func copyEnd(_ failure: Error?) throws {
        var failure = failure
        let end = failure == nil ? PQputCopyEnd(conn, nil) : PQputCopyEnd(conn, "mq stopped the push")
        if end != 1 && failure == nil { failure = SQLConnectionError(Self.message(conn)) }
        // Drain the results of the COPY.
        while let res = PQgetResult(conn) {
            if PQresultStatus(res) != PGRES_COMMAND_OK && failure == nil { failure = SQLConnectionError(Self.resultMessage(res, conn)) }
            PQclear(res)
        }
        if let failure { throw failure }
    }

    private static func message(_ c: OpaquePointer) -> String {
        printable(String(cString: PQerrorMessage(c)).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func resultMessage(_ r: OpaquePointer, _ c: OpaquePointer) -> String {
        let m = String(cString: PQresultErrorMessage(r)).trimmingCharacters(in: .whitespacesAndNewlines)
        return m.isEmpty ? message(c) : printable(m)
    }

    /// Text from the server or the user, without control characters (it goes to a terminal).
    static func printable(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F ? "?" : $0 }))
    }

    /// The URL without its password.
    static func redacted(_ url: String) -> String {
        guard let at = url.firstIndex(of: "@"), let scheme = url.range(of: "://"), scheme.upperBound < at else { return printable(url) }
        let user = url[scheme.upperBound..<at]
        guard let colon = user.firstIndex(of: ":") else { return printable(url) }
        return printable(String(url[..<colon]) + ":***" + String(url[at...]))
    }
}

extension Array where Element == String {
    /// A NULL-terminated array of C strings, alive during `body`.
    func withCStringArray<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeMutableBufferPointer { body(UnsafePointer($0.baseAddress!)) }
    }
}
