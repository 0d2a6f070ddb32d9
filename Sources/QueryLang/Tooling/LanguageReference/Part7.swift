// Generated from docs/language.md (lines 2401 to 2800) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part7 = #"""
$ mq -c '1 / 0' --error-format json
[{"code":"E401","severity":"error","message":"division by zero","file":"<command>","line":1,"column":1,"end_line":1,"end_column":4,"start":0,"end":3,"hints":[]}]
```

### Exit status

| status | when |
|---|---|
| 0 | success |
| 1 | a query error (any diagnostic), a failed `assert`, a corpus that does not load, `mq check` found an error, `mq fmt` found a syntax error or (with `--check`) an unformatted file |
| 2 | a usage error: an unknown option or subcommand, a bad `--format` value, a script file that cannot be read |

## 11. Embedding mq in a Swift program

The `QueryLang` library is the whole language; the `mq` command is one host of it. A host loads a
`Corpus`, makes an `Engine`, and runs text through four stages:

1. **parse** (`engine.parse(text, file:)` -> `ParsedProgram`): the syntax tree and the syntax
   diagnostics (E0xx, E1xx, and unknown stages E202).
2. **check** (`engine.check(parsed, in: session)` -> `[Diagnostic]`): every error that can be found
   without running (names, fields, arity, types where known, entity names, regexes), given the variables
   and functions the session already holds.
3. **compile** (`engine.compile(text, file:, in:)` -> `CompiledProgram`, throws `Diagnostics`): parse and
   check together; a compiled program has no errors (it may carry warnings) and can be run any number of
   times.
4. **run** (`session.run(compiled, cancel:, onOutput:)`, throws `Diagnostics`): evaluates the statements
   in order, handing each result to `onOutput` as a `StatementOutput` (`.table(Table, Span)`,
   `.value(Value, Span)` or `.printed(String, Span)`), and stops at the first runtime error or failed
   assertion. `session.run(text)` compiles and runs in one call and returns the outputs.

The parts:

- **`Engine(corpus:options:)`**: immutable and `Sendable`; one engine serves any number of sessions.
- **`EngineOptions`**: `limits` (a `Limits`), `importLoader` (an `ImportLoader`, nil by default: every
  `import` is refused with E405) and `functions` (a `FunctionRegistry`: the built-ins, plus what the host
  registers).
- **`Limits`**: `maxSteps` (evaluation steps per statement, 200,000,000), `maxRows` (rows of any one
  table, 5,000,000), `maxOutputRows` (rows a statement may return, 1,000,000), `maxDepth` (expression
  nesting and call depth, 200), `maxRegexLength` (1,000), `timeout` (wall time per statement, none),
  `maxImportDepth` (16), `maxStringBytes` (64 MiB). Reaching one is E402.
- **`Session`** (from `engine.makeSession()`): the `let` variables and `def` functions of successive runs
  (a REPL, a script); `variable(_:)` reads a variable, `setVariable(_:_:)` sets one (the REPL's `_`),
  `setParameter(_:_:)` gives the parameter `$name` a typed `Value` (`.int(10)`, `.entity(i)`, ...) that the
  checker sees as it sees a variable, `limits` may be changed between runs. A session is `Sendable`: use it from any thread
  or task (its runs are serialised by a lock, one after another); run several sessions over one engine
  in parallel.
- **`ResultWriter`**: writes a run's outputs in one `OutputFormat` as they come; in `json` a run of
  several results is one document (`finish()` closes it).
- **`CancellationToken`**: `cancel()` from any thread stops a running query within milliseconds (E403);
  `reset()` makes it usable again.
- **`ImportLoader`**: `load(path, from:) -> (name, text)`; `FileImportLoader(allowedRoots:workingDirectory:)`
  reads `.mq` files inside the given directories only.
- **`QueryFunction`**: a host function: `name`, `minArgs`, `maxArgs`, `signature`, `help`, `returns` (its
  static type, for the checker), `deterministic` (default false: say true when the result depends only on
  the arguments and the corpus, and a call whose arguments are the same on every row of a `where` may be
  computed once, as built-ins are) and a body `([Value], FunctionContext) throws -> Value`. Register it with
  `options.functions.register(_:)`; it can then be called like a built-in and is checked for arity.
- **`Diagnostics`**: the error thrown by `compile` and `run`: `items` (each a `Diagnostic` with `code`, a
  `DiagnosticCode` such as `.unknownName` whose `rawValue` is the printed `E205`, with its `meaning` and
  `help`; `severity`, `message`, `file`, `span`, `location`, `hints`); `DiagnosticRenderer().render(_:)` writes
  them as `mq` does, `json(_:)` as JSON. `OutputFormat.render(_:corpus:)` writes a `StatementOutput` in
  any of the output formats.
- **Memory tuning**: the library allocates plainly and leaves the process's allocator alone (no allocator
  settings, no huge-page or other advice to the system). A host that owns its process and loads large
  corpora opts into the tuning `mq` uses (glibc's thresholds set for loading then for queries, huge pages
  for large arrays, the heap readied ahead of each loader worker: fewer page faults, see
  docs/performance.md) by depending on the `PlatformTuning` library and calling `PlatformTuning.install()`
  once at start, before the first load (`MQ_PLATFORM_TUNING=off` makes it a no-op). A host with
  other needs implements the `MemoryTuning` protocol (every hook defaults to nothing) and installs it
  with `ProcessMemory.install(_:)`.

```swift
import QueryLang

let corpus = try Corpus.load(directory: "seeds")

var options = EngineOptions()
options.limits.maxOutputRows = 10_000
options.limits.timeout = .seconds(5)
options.importLoader = FileImportLoader(allowedRoots: ["examples"])
options.functions.register(QueryFunction(
    name: "initials", minArgs: 1, maxArgs: 1,
    signature: "initials(s: string) -> string", help: "the first letter of each word", returns: .string
) { args, _ in
    guard case let .string(s) = args[0] else { return .null }
    return .string(String(s.split(separator: " ").compactMap(\.first)))
})
let engine = Engine(corpus: corpus, options: options)

let text = """
    let groups = entities | where type == "armed_group"
    groups | select name, short = initials(name) | take 3
    """
// parse -> check: report every problem at once (an editor would do this on each keystroke).
let problems = engine.check(engine.parse(text, file: "demo.mq"))
if !problems.isEmpty { print(DiagnosticRenderer().render(problems)) }

// compile -> run, in a session that keeps `groups` for later runs.
let session = engine.makeSession()
let cancel = CancellationToken()          // cancel.cancel() from another thread stops the run
do {
    let compiled = try engine.compile(text, file: "demo.mq", in: session)
    try session.run(compiled, cancel: cancel) { output in
        print(OutputFormat.table.render(output, corpus: corpus), terminator: "")
    }
    let outputs = try session.run("groups | count")   // compile and run in one call
    for output in outputs { print(OutputFormat.json.render(output, corpus: corpus), terminator: "") }
} catch {
    print(DiagnosticRenderer().render(error.items))   // error is Diagnostics
}
```

### Async runs, streamed rows and parameters

- **`session.stream(text, file:, parameters:, cancel:, batchSize: 1024)`** -> `QueryResults`, an
  `AsyncSequence` of `ResultBatch`es. The run starts when iteration starts, on a thread of its own (the
  caller's executor is not blocked), and stays at most two batches ahead of the reader: a query over rows
  hands its rows on as the plan makes them, never collected, so a result of any size streams in flat
  memory, and `maxRows` and `maxOutputRows` do not bound it (steps, time and cancellation do). A batch has
  `statement` (which statement of the program), `span`, `columns`, `rows` (`[Row]`) and `printed` (the
  text of a `print`); a single value comes as one row with the column `value`; an empty result as one
  empty batch with its columns; `let` and `def` give none. `results.collect()` gathers the batches into
  `[StatementOutput]` as the blocking `run` returns them (tables bound by `maxOutputRows`). While a loop
  reads a stream, the run holds its session: run other queries meanwhile in another session.
- **`try await session.run(text, parameters: [...])`**: the async run that collects.
- **Parameters**: `parameters: ["group": .entity(i), "since": .date(PartialDate(year: 2024)!)]` are read as
  `$group` and `$since`, checked like variables (a `$name` not given is an unknown name, found before
  running), and hold for that run only (a parameter of the same name set with `setParameter` is back
  afterwards). A value is never pasted into the query text, so a string parameter cannot change the query.
- **Cancellation**: cancelling the reading task, leaving the `for` loop, or `cancel.cancel()` stops the
  query within milliseconds; the task gets `CancellationError`, a token gives `Diagnostics` E403.
- **`Row`**: `columns`, `value` (the reference or record the evaluator holds), `row["col"]` (any field,
  computed ones such as `mention_count` too; null when absent), typed getters that give nil for a missing,
  null or other-typed column (`string`, `int`, `double`, `bool`, `date`, `list`, `record`), references
  resolved to the corpus's values (`row.entity("subject")`, `row.document("doc")`, `row.mention()`,
  `row.fact()`: without a column, the row itself), `row.json` (the object `--format jsonl` writes) and
  `Encodable` (the same object through `JSONEncoder`). `corpus.document(of:)`, `entity(of:)`,
  `mention(of:)`, `fact(of:)` resolve any `Value`; `corpus.json(value)` writes one as `--format json` does.

```swift
let session = engine.makeSession()
let kh = corpus.entity(id: "kataib-hezbollah")!
let results = session.stream("""
    mentions | where entity == $group and doc.published >= $since
      | select doc, surface, sentence = text
    """, parameters: ["group": .entity(kh.index), "since": .date(PartialDate(year: 2024)!)])
for try await batch in results {
    for row in batch.rows { print(row.document("doc")?.title ?? "", row.json) }
}
```

### A corpus built in memory

**`CorpusBuilder`** takes entities, documents (with zones as line ranges), and facts by id and runs the
loader's checks: unknown ids (subject, object, country, document), unknown predicates, quotes not found in
their document, bad dates, duplicate ids, names shared by two entities unless both mark them ambiguous,
empty texts, zones outside the text. `build()` returns `Result<Corpus, CorpusLoadError>`: every problem
at once, nothing traps. `CorpusBuilder(extending: corpus)` starts from a loaded corpus; adding documents
gives a new corpus that shares the old texts and mentions (only the new documents are matched).

```swift
var b = CorpusBuilder(extending: corpus)
b.addDocument(id: "wire-0612", text: text, title: "Strike on a depot", outlet: "Wire", published: "2024-06-12",
              zones: [(.headline, 1...1), (.body, 2...40)])
b.addFact(id: "kh-strike-0612", subject: "kataib-hezbollah", predicate: "attacked", object: .entity("united-states"),
          date: "2024-06-12", doc: "wire-0612", quote: "claimed the strike")
switch b.build() {
case let .success(newer): engine = Engine(corpus: newer)
case let .failure(error): for p in error.problems { print(p) }   // "fact kh-strike-0612: quote not found ..."
}
```

### What is public

The public declarations of `QueryLang` are what a host needs: `Engine`, `EngineOptions`, `Session` and
its run and stream methods, `ParsedProgram` and `CompiledProgram` (as handles), parameters and `Value`,
`Record`, `Table`, `Row` with its typed getters, `QueryResults` and `ResultBatch`, the corpus model
(`Corpus`, `Document`, `Entity`, `Fact`, `Mention`, `Zone`, `PartialDate`) and `CorpusBuilder`,
`Corpus.load` and `CorpusCache`, `Diagnostic`, `DiagnosticCode` and `DiagnosticRenderer`, `Limits`,
`CancellationToken`, `ImportLoader`, `QueryFunction` and `FunctionRegistry`, and the output formats
(`OutputFormat`, `ResultWriter`, the renderers, `LinkChart`, `TerminalSanitizer`). Each has a doc comment
(a test counts the ones without). The syntax tree, lexer and parser, the checker, plan nodes, the
columnar executor, the SQL compiler, the matcher's indexes and the REPL's tools (completion, help pages,
history) are internal to mq.

The `mq` executable and its PostgreSQL engine are built from those internals too (it parses for
completion, prints plans, compiles to SQL), so the ones it needs are declared
`@_spi(MQInternals) public` and it imports the library with `@_spi(MQInternals) import QueryLang`. A plain
`import QueryLang` does not see them: they can change with any release, and a host that opts in to them
takes that on. This keeps one library for both, rather than a second module split along a line that the
executable would cross at every step.
"""#
}
