// Where the harnesses find the repository's files: the seeds corpus and the fixtures they start from.
import Foundation
import QueryLang

/// Paths the harnesses share, resolved from this file's place in the repository.
public enum FuzzFiles {
    /// `relative` under the repository root, unless the environment variable `override` names a path.
    public static func path(_ relative: String, unless override: String) -> String {
        if let p = ProcessInfo.processInfo.environment[override] { return p }
        // Fuzz/FuzzDriver/FuzzFiles.swift -> the repository root
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(relative).path
    }

    /// The seeds corpus (or the one `MQ_FUZZ_CORPUS` names), loaded: a harness stops when it cannot load.
    public static func seedsCorpus() -> Corpus {
        let path = path("seeds", unless: "MQ_FUZZ_CORPUS")
        do { return try Corpus.load(directory: path) } catch { fatalError("cannot load \(path):\n\(error)") }
    }
}
