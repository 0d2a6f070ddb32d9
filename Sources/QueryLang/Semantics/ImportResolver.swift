/// Resolves `import "file"` for the checker and the interpreter alike, so that a program the checker
/// accepts imports the same files at run time under the same rules: the host's ``ImportLoader`` reads
/// the file (none: imports are refused), ``Limits/maxImportDepth`` bounds the nesting, a file that
/// imports itself or one of its importers is a cycle, and the file is parsed with ``Limits/maxDepth``.
/// Every refusal is E405 at the import's path; a file with syntax errors gives its own diagnostics.
struct ImportResolver {
    /// Reads imported files; nil when the host grants no file access.
    let loader: ImportLoader?
    /// The names of the files whose imports are being read, outermost first.
    private(set) var importers: [String] = []

    init(loader: ImportLoader?) { self.loader = loader }

    /// An imported file, parsed without errors.
    struct Imported {
        let file: SourceFile
        let program: Program
        /// The parser's warnings, if any.
        let warnings: [Diagnostic]
    }

    /// Why a file cannot be imported.
    struct Failure: Error {
        let diagnostics: [Diagnostic]
        /// Nothing was read (no loader, or the loader failed): the names the file would define are unknown.
        let unread: Bool
    }

    /// Reads and parses the file that `path` names, imported from `importer` at `span` (the path's span).
    func resolve(_ path: String, from importer: SourceFile, at span: Span, limits: Limits) -> Result<Imported, Failure> {
        func refuse(_ message: String, hints: [String] = [], unread: Bool = false) -> Result<Imported, Failure> {
            .failure(Failure(diagnostics: [Diagnostic(.importFailed, message, at: span, in: importer, hints: hints)], unread: unread))
        }
        guard let loader else { return refuse("imports are not allowed here", hints: ["the host did not grant file access"], unread: true) }
        let loaded: (name: String, text: String)
        do { loaded = try loader.load(path, from: importer.name) } catch {
            return refuse("cannot import \"\(path)\": \(error)", unread: true)
        }
        // A cycle is named as such even where it also goes deeper than the limit.
        if importers.contains(loaded.name) || loaded.name == importer.name {
            return refuse("import cycle: \((importers + [importer.name, loaded.name]).joined(separator: " -> "))")
        }
        if importers.count >= limits.maxImportDepth { return refuse("imports nest more than \(limits.maxImportDepth) deep") }
        let (program, syntax) = Parser.parse(loaded.text, file: loaded.name, maxDepth: limits.maxDepth)
        if syntax.contains(where: { $0.severity == .error }) { return .failure(Failure(diagnostics: syntax, unread: false)) }
        return .success(Imported(file: SourceFile(name: loaded.name, text: loaded.text), program: program, warnings: syntax))
    }

    /// Marks `importer` as reading its imports, until ``leave()``.
    mutating func enter(_ importer: String) { importers.append(importer) }

    mutating func leave() { importers.removeLast() }
}
