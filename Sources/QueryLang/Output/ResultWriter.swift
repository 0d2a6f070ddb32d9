/// Writes the outputs of a run (a script, a REPL input) in one format, as they come.
///
/// Every format but `json` is a concatenation of each output's rendering. In `json` a run is one JSON
/// document: a single output is written as it is (an array of row objects, a value, a printed string);
/// two or more become the items of one array, `[first, second, ...]`. The first output is held back
/// until the second arrives or the run finishes, so that a run of one statement keeps its plain shape.
public final class ResultWriter {
    /// The format every output is written in.
    public let format: OutputFormat
    let corpus: Corpus
    let options: TableRenderer.Options
    /// CSV and TSV cells exactly as the data holds them (no formula guard, no escaped control characters).
    let exact: Bool
    let sink: (String) -> Void
    private var held: String?
    private var count = 0

    /// A writer that hands each piece of text to `sink`:
    /// ```swift
    /// let writer = ResultWriter(format: .csv, corpus: corpus) { print($0, terminator: "") }
    /// try session.run(compiled) { writer.write($0) }
    /// writer.finish()
    /// ```
    public init(format: OutputFormat, corpus: Corpus, options: TableRenderer.Options = .init(), exact: Bool = false,
                sink: @escaping (String) -> Void) {
        self.format = format
        self.corpus = corpus
        self.options = options
        self.exact = exact
        self.sink = sink
    }

    /// Writes one output (in `json`, the first is held until the second or `finish()`).
    public func write(_ output: StatementOutput) {
        guard format == .json else {
            sink(format.render(output, corpus: corpus, options: options, exact: exact))
            return
        }
        var text = format.render(output, corpus: corpus, options: options, exact: exact)
        while text.hasSuffix("\n") { text.removeLast() }
        count += 1
        if count == 1 {
            held = text
        } else {
            if let first = held {
                sink("[" + first)
                held = nil
            }
            sink(",\n" + text)
        }
    }

    /// Ends the document (closes the array of a run of several outputs). Call it after an error too:
    /// what was written stays valid JSON.
    public func finish() {
        guard format == .json else { return }
        if let first = held {
            sink(first + "\n")
            held = nil
        } else if count > 1 {
            sink("]\n")
        }
        count = 0
    }
}
