import ArgumentParser
import Foundation
@_spi(MQInternals) import QueryLang

/// The one place that turns `--corpus DIR` (or a corpus command's argument), `MQ_CORPUS` and the defaults
/// into a loaded corpus, for every command and the REPL.
enum CorpusSource {
    /// Where the corpus comes from: the directory given, else `MQ_CORPUS`, else `./seeds`, else the seeds
    /// corpus that ships with mq's source tree.
    static func directory(_ explicit: String?) -> String {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["MQ_CORPUS"], !env.isEmpty { return env }
        if FileManager.default.fileExists(atPath: "seeds/documents") { return "seeds" }
        return bundledSeeds
    }

    /// `seeds/` beside the package this binary was built from.
    static var bundledSeeds: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("seeds").path
    }

    /// Each command loads one corpus, which then lives until the process exits: freeing its hundreds of
    /// thousands of objects one by one would only delay the exit (the system takes the memory back at once).
    nonisolated(unsafe) private static var keptUntilExit: [Corpus] = []

    /// Loads the corpus of ``directory(_:)`` (re-opening it from the cache when unchanged, unless
    /// `useCache` is false or MQ_NO_CACHE is set) or prints every problem and exits 1. With `progress`,
    /// a line on a terminal's stderr says what is loading when that takes more than a second.
    static func load(_ explicit: String?, useCache: Bool = true, progress: Bool = false) throws -> Corpus {
        let path = directory(explicit)
        let line = progress ? ProgressLine(message: TerminalSanitizer.clean("loading \(path)…", singleLine: true)) : nil
        line?.start(after: 1.0)
        defer { line?.finish() }
        do {
            let cache = useCache ? CorpusCache.defaultDirectory().map(CorpusCache.init(directory:)) : nil
            let corpus = try Corpus.load(directory: path, cache: cache)
            keptUntilExit.append(corpus)
            return corpus
        } catch {
            line?.finish()
            for p in error.problems { printError("\(path)/\(p)") }
            FileHandle.standardError.write(Data("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s"); nothing loaded\n".utf8))
            throw ExitCode(1)
        }
    }
}
