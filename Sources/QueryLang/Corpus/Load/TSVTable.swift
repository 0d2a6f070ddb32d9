/// A tab-separated file of a corpus (`documents.tsv`, `catalog/*.tsv`, `facts/*.tsv`): a header row
/// naming the columns, then one record per line. Lines end in LF, CRLF or CR; blank lines are skipped;
/// there is no quoting (a cell cannot hold a tab or a line end).
///
/// Read in one pass over the bytes: the file is checked as UTF-8 as a whole, and tabs and line ends are
/// ASCII, so every cell cut at them is whole UTF-8.
struct TSVTable {
    struct Row {
        /// 1-based line number in the file.
        var line: Int
        var cells: [String]
    }

    /// The corpus-relative file name, for messages.
    let file: String
    private(set) var columns: [String] = []
    private(set) var rows: [Row] = []
    /// Column index by name (the first, if a name is repeated).
    private(set) var columnIndex: [String: Int] = [:]
    /// Line of the header row (the first non-blank line); 0 for an empty file.
    private(set) var headerLine = 0

    /// Reads a table from a file; nil with a problem when it cannot be read or is not UTF-8 text.
    static func read(_ path: String, file: String, problems: inout [LoadProblem]) -> TSVTable? {
        let bytes: [UInt8]
        do { bytes = try FileAccess.read(path, limit: 1 << 30) }
        catch { problems.append(LoadProblem(file: file, message: error.loadMessage)); return nil }
        guard DocumentLoader.decode(bytes, file: file, problems: &problems) != nil else { return nil }
        return bytes.withUnsafeBufferPointer { TSVTable(file: file, bytes: $0) }
    }

    init(file: String, bytes buf: UnsafeBufferPointer<UInt8>) {
        self.file = file
        rows.reserveCapacity(buf.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        var lineNo = 0
        var i = 0
        let n = buf.count
        var cells: [String] = []
        while i < n {
            var end = i
            while end < n && buf[end] != 0x0A && buf[end] != 0x0D { end += 1 }
            var next = end
            if next < n { next += (buf[next] == 0x0D && next + 1 < n && buf[next + 1] == 0x0A) ? 2 : 1 }
            defer { i = next }
            lineNo += 1
            if end == i { continue }
            cells.removeAll(keepingCapacity: true)
            var start = i
            for k in i..<end where buf[k] == 0x09 {
                cells.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<k]), as: UTF8.self))
                start = k + 1
            }
            cells.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self))
            if headerLine == 0 {
                headerLine = lineNo
                columns = cells
                for (k, c) in cells.enumerated() where columnIndex[c] == nil { columnIndex[c] = k }
                continue
            }
            rows.append(Row(line: lineNo, cells: cells))
        }
    }


    /// A problem for each header column not in `known` (with a "did you mean"), and for each of
    /// `required` that is missing. Returns whether every required column is there.
    func checkColumns(known: [String], required: [String], problems: inout [LoadProblem]) -> Bool {
        for c in columns where !known.contains(c) {
            problems.append(LoadProblem(file: file, line: max(headerLine, 1), message: "unknown column '\(c)'",
                                        hint: Suggestions.hint(for: c, in: known) ?? "columns: \(known.joined(separator: ", "))"))
        }
        var complete = true
        for c in required where columnIndex[c] == nil {
            problems.append(LoadProblem(file: file, line: max(headerLine, 1), message: "the header has no '\(c)' column"))
            complete = false
        }
        return complete
    }

    /// The index of column `name` (the first, if the name is repeated). A table has a handful of columns:
    /// they are compared in turn, which is quicker than hashing the name for every cell read.
    func index(of name: String) -> Int? {
        columns.count <= 16 ? columns.firstIndex(of: name) : columnIndex[name]
    }

    /// The cell of `row` in column `k` (see ``columnIndex``); nil when there is no such column, the row
    /// is short, or the cell is empty.
    func cell(_ row: Row, _ k: Int?) -> String? {
        guard let k, k < row.cells.count, !row.cells[k].isEmpty else { return nil }
        return row.cells[k]
    }
}
