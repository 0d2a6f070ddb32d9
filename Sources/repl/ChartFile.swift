import Foundation
@_spi(MQInternals) import QueryLang

/// Writes a result as a link chart file (`.chart FILE`, `mq run --chart FILE`): DOT text for `.dot` and
/// `.gv`, otherwise drawn by GraphViz's `dot` in the format the extension names (`svg`, `png`, `pdf`).
enum ChartFile {
    static let formats: Set<String> = ["svg", "png", "pdf", "jpg", "jpeg", "gif", "ps", "eps", "json"]

    /// Writes `value` (a table with two entity columns) to `path`; returns why not, or nil when written.
    /// An existing file is replaced only with `force`; the file appears whole (drawn beside it, then renamed).
    static func write(_ value: Value?, corpus: Corpus, to path: String, force: Bool = false) -> String? {
        guard case let .table(t)? = value else {
            return "no result to chart: run a query with two entity columns first (cooccur, facts)"
        }
        let chart = LinkChart(t, corpus: corpus)
        guard chart.columns != nil else {
            return "the last result has fewer than two entity columns (columns: \(t.columns.joined(separator: ", "))); a chart needs two, as cooccur and facts have"
        }
        if !force && FileManager.default.fileExists(atPath: path) {
            return "\(path) exists; give -f (--force for mq run) to replace it"
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "dot" || ext == "gv" {
            do { try Data(chart.dot().utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                return "cannot write \(path): \(error.localizedDescription)"
            }
            return nil
        }
        guard formats.contains(ext) else {
            return "\(path): the extension names the format: .svg, .png, .pdf (drawn by GraphViz) or .dot, .gv (the DOT text)"
        }
        guard let dot = executable("dot") else {
            return "GraphViz is not installed (no `dot` on PATH): install it with `sudo apt-get install graphviz` (Debian, Ubuntu), `sudo dnf install graphviz` (Fedora) or `brew install graphviz` (macOS), or write the DOT text to \((path as NSString).deletingPathExtension).dot and draw it elsewhere"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        let dir = (path as NSString).deletingLastPathComponent
        let temporary = (dir.isEmpty ? "." : dir) + "/.\((path as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        process.arguments = ["-T" + ext, "-o", temporary]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return "cannot run \(dot): \(error.localizedDescription)" }
        input.fileHandleForWriting.write(Data(chart.dot().utf8))
        try? input.fileHandleForWriting.close()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return "GraphViz could not draw \(path): " + String(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" }.prefix(500))
        }
        if rename(temporary, path) != 0 { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        return nil
    }

    /// The path of a program on PATH.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
