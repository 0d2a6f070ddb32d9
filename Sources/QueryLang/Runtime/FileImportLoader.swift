import Foundation

/// An ``ImportLoader`` that reads `.mq` files from disk, relative to the importing file, and only
/// inside the given directories. Hosts opt in to it; the engine reads no file by default.
public struct FileImportLoader: ImportLoader {
    /// Directories imports may come from (resolved, absolute).
    public let allowedRoots: [String]
    /// Where imports from a query typed without a file (the REPL, `-c`) are resolved.
    public let workingDirectory: String

    /// The largest file an import reads, in bytes (a script, not a corpus).
    public static let maxBytes = 64 << 20

    /// A loader for files inside `allowedRoots`:
    /// ```swift
    /// options.importLoader = FileImportLoader(allowedRoots: ["/srv/queries"])
    /// ```
    public init(allowedRoots: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.allowedRoots = allowedRoots.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        self.workingDirectory = workingDirectory
    }

    /// Reads `path` relative to the importing file `from` (or to `workingDirectory`); throws for a file outside
    /// the allowed directories, one that is missing or not UTF-8.
    public func load(_ path: String, from: String) throws -> (name: String, text: String) {
        let base: URL
        if from.hasPrefix("<") { base = URL(fileURLWithPath: workingDirectory, isDirectory: true) }
        else { base = URL(fileURLWithPath: from).deletingLastPathComponent() }
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path))
            .standardizedFileURL.resolvingSymlinksInPath()
        guard allowedRoots.contains(where: { url.path == $0 || url.path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
            throw ImportError(message: "\(url.path) is outside the directories imports may read")
        }
        // A named pipe, socket or device (`/dev/zero` linked into a root) is refused, never read without end.
        let bytes: [UInt8]
        do { bytes = try FileAccess.read(url.path, limit: FileImportLoader.maxBytes) } catch {
            throw ImportError(message: "cannot read \(url.path): \(error.loadMessage)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportError(message: "\(url.path) is not UTF-8 text")
        }
        let cwd = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        let name = url.path.hasPrefix(cwd + "/") ? String(url.path.dropFirst(cwd.count + 1)) : url.path
        return (name, text)
    }

    struct ImportError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
