import ArgumentParser
import Foundation
@_spi(MQInternals) import QueryLang

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Validate a corpus, count what it holds, or export its mentions.",
        subcommands: [Validate.self, Stats.self, Mentions.self, Suggest.self, MatchRate.self, OpenTime.self, PushCommand.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check every file of a corpus; exit 0 if it is sound, else list every problem and exit 1.")
        @Argument(help: "Corpus directory (default: seeds/).") var dir: String?
        @Flag(help: "Print how long each loading phase took.") var timing = false

        func run() throws {
            // Validation reads and checks every file: never from the cache.
            let c = try CorpusSource.load(dir, useCache: false)
            if timing { print("timing: \(c.timings)") }
            for w in c.warnings { printSafe("\(c.directory ?? ""): \(w)") }
            print("ok: \(c.documents.count) documents, \(c.entities.count) entities, \(c.facts.count) facts, \(c.mentions.count) mentions")
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts per entity type, mentions per document, facts and what is unannotated or unresolved.")
        @Argument(help: "Corpus directory (default: seeds/).") var dir: String?

        func run() throws {
            let c = try CorpusSource.load(dir)
            printSafe(CorpusStats(corpus: c).render())
        }
    }

    struct Mentions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "mentions", abstract: "Print every mention as TSV: doc, entity, sentence, start, end, zone, surface, uncertain.")
        @Argument(help: "Corpus directory (default: seeds/).") var dir: String?

        func run() throws {
            let c = try CorpusSource.load(dir)
            var out = "doc\tentity\tsentence\tstart\tend\tzone\tsurface\tuncertain\n"
            out.reserveCapacity(c.mentions.count * 64)
            for m in c.mentions {
                let e = m.entity >= 0 ? c.entities[Int(m.entity)].id : "?"
                out += "\(c.documents[Int(m.doc)].id)\t\(e)\t\(m.sentence)\t\(m.start)\t\(m.end)\t\(m.zone.rawValue)\t\(TerminalSanitizer.clean(tsvCell(c.surface(m)), singleLine: true))\t\(m.uncertain ? "yes" : "")\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }

        /// A surface on one TSV line: a name broken across lines (hard-wrapped text) gets spaces.
        private func tsvCell(_ s: String) -> String {
            s.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" })
                ? String(s.map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 }) : s
        }
    }

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Suggest what the catalog lacks and draft facts, as YAML ready to paste.",
            discussion: "Prints names the catalog does not know (proper-name sequences and acronyms defined in "
                + "parentheses, with counts, documents and a sentence), new name forms of known entities, and "
                + "draft facts read from trigger phrases (led by, leader of, designated, sanctioned, killed in a "
                + "strike, founded in, member of), each with its verbatim quote. With --catalog-output or "
                + "--facts-output the part goes to a new file instead; an existing file is never overwritten.")
        @Argument(help: "Corpus directory (default: seeds/).") var dir: String?
        @Option(help: "At most this many names and this many facts.") var limit = 50
        @Option(name: .customLong("catalog-output"), help: "Write the draft entities to this new file.") var catalogOutput: String?
        @Option(name: .customLong("facts-output"), help: "Write the draft facts to this new file.") var factsOutput: String?

        func run() throws {
            let c = try CorpusSource.load(dir)
            let report = SuggestionReport(corpus: c, limit: max(0, limit))
            var printed: [String] = []
            for (path, text) in [(catalogOutput, report.catalogYAML()), (factsOutput, report.factsYAML())] {
                guard let path else { printed.append(text); continue }
                // O_EXCL: the file must be new; the analyst's files are never rewritten.
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                guard fd >= 0 else {
                    printError("\(path): \(errno == EEXIST ? "exists already; give a new file name" : String(cString: strerror(errno)))")
                    throw ExitCode(1)
                }
                let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
                handle.write(Data(text.utf8))
                print("wrote \(path)")
            }
            if !printed.isEmpty { FileHandle.standardOutput.write(Data(printed.joined(separator: "\n").utf8)) }
        }
    }

    struct MatchRate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match-rate",
            abstract: "Time the name matcher alone on one core over text already in memory (for benchmarks).",
            shouldDisplay: false)
        @Argument(help: "Corpus directory (default: seeds/).") var dir: String?
        @Option(help: "Number of runs.") var runs = 5

        func run() throws {
            let c = try CorpusSource.load(dir, useCache: false)
            let bytes = c.documents.reduce(0) { $0 + $1.byteCount }
            var times: [Double] = []
            var count = 0
            for _ in 0..<runs {
                var matcher = Matcher(index: c.names)
                let t0 = ContinuousClock.now
                count = 0
                for d in c.documents { count += matcher.match(d).mentions.count }
                times.append((ContinuousClock.now - t0).milliseconds / 1000)
            }
            times.sort()
            let median = times[times.count / 2]
            print(String(format: "matching %d bytes, %d mentions: median %.1f ms over %d runs, %.1f MB/s on one core",
                         bytes, count, median * 1000, runs, Double(bytes) / median / 1e6))
        }
    }

    struct OpenTime: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open-time",
            abstract: "Time opening a corpus: a full load, then re-opening it from the cache (for benchmarks).",
            discussion: "Each run loads the corpus into a fresh cache, then re-opens it from there. Prints "
                + "the medians of both and their ratio, then every run's times.",
            shouldDisplay: false)
        @Argument(help: "Corpus directory (default: seeds/).") var dir: String?
        @Option(help: "Runs (medians are reported).") var runs = 1

        func run() throws {
            let path = CorpusSource.directory(dir)
            func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
            func list(_ xs: [Double]) -> String { xs.map { String(format: "%.1f", $0) }.joined(separator: ", ") }
            var loads: [Double] = [], reopens: [Double] = [], inputs: [Double] = [], reads: [Double] = []
            var mentions = 0
            for run in 0..<max(1, runs) {
                let cacheDir = NSTemporaryDirectory() + "mq-open-time-\(getpid())-\(run)"
                defer { try? FileManager.default.removeItem(atPath: cacheDir) }
                let cache = CorpusCache(directory: cacheDir)
                do {
                    var t0 = ContinuousClock.now
                    let first = try Corpus.load(directory: path, cache: cache)
                    loads.append((ContinuousClock.now - t0).milliseconds)
                    t0 = ContinuousClock.now
                    let again = try Corpus.load(directory: path, cache: cache)
                    reopens.append((ContinuousClock.now - t0).milliseconds)
                    guard again.fromCache else {
                        printError("re-opening \(path) missed the cache")
                        throw ExitCode(1)
                    }
                    inputs.append(again.timings.cacheInputs.milliseconds)
                    reads.append(again.timings.cacheRead.milliseconds)
                    mentions = first.mentions.count
                } catch let error as CorpusLoadError {
                    printError("\(error)")
                    throw ExitCode(1)
                }
            }
            var line = String(format: "first load %.1f ms (%d mentions); re-open from cache %.1f ms (cache hit; side by side: input files checked in %.1f ms, cache read in %.1f ms); %.1fx faster",
                              median(loads), mentions, median(reopens), median(inputs), median(reads), median(loads) / median(reopens))
            if loads.count > 1 { line += "; medians of \(loads.count) runs (first loads: \(list(loads)); re-opens: \(list(reopens)))" }
            print(line)
        }
    }
}
