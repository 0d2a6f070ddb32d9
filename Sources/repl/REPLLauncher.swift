import ArgumentParser
import Foundation
@_spi(MQInternals) import QueryLang

/// Opens the interactive session: loads the corpus (with a progress line on stderr if that takes more
/// than a second), then runs the REPL until Ctrl-D or .quit.
enum REPLLauncher {
    static func start(options: CommonOptions) throws {
        let path = CorpusLocation.resolve(options.corpus)
        let progress = ProgressLine(message: TerminalSanitizer.clean("loading \(path)…", singleLine: true))
        progress.start(after: 1.0)
        let corpus: Corpus
        do {
            corpus = try CorpusCommand.load(options.corpus)
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        var output: OutputFile? = nil
        if let path = options.output {
            do { output = try OutputFile(path: path, overwrite: options.force) } catch {
                printError("mq: \(error)")
                throw ExitCode(2)
            }
        }
        let connection = try options.engineURL.map { try PostgresEngine.connect($0, corpus: corpus) }
        let session = REPLSession(corpus: corpus, mode: options.format.value, output: output,
                                  parameters: (try? options.parameters()) ?? [:], maxMemory: options.maxMemory.bytes,
                                  sql: connection.map { c in { SQLRunner(engine: $0, connection: c) } })
        session.exactCells = options.exactCells
        session.run()
    }
}

/// A one-line progress message on stderr, shown only if the work takes longer than a delay.
///
/// The delay is a timer that ``finish()`` cancels, so that nothing is left to fire later (on a thread
/// started just as the session ends, say).
final class ProgressLine: @unchecked Sendable {
    private let message: String
    private let lock = NSLock()
    private var done = false
    private var shown = false
    private var timer: DispatchSourceTimer?

    init(message: String) { self.message = message }

    func start(after seconds: Double) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        t.schedule(deadline: .now() + seconds)
        t.setEventHandler { [self] in
            lock.lock()
            defer { lock.unlock() }
            if !done {
                shown = true
                FileHandle.standardError.write(Data(message.utf8))
            }
        }
        lock.lock()
        timer = t
        lock.unlock()
        t.resume()
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        done = true
        timer?.cancel()
        timer = nil
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
