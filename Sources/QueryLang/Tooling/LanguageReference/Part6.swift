// Generated from docs/language.md (lines 2001 to 2400) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part6 = #"""
or `@` (and are not numbers) get a leading `'`, so that a spreadsheet shows them as text instead of
running them as formulas. `--exact-cells` writes CSV and TSV cells exactly as the data holds them, for
programs that read the output (docs/reliability.md, "Hostile input").

```sh
$ mq -c 'docs | where outlet == "Al-Fassel" | select id, authors, outlet_entity' --format csv
id,authors,outlet_entity
000_40a7b08fdfb61403,"[""Anas al-Bar""]",al-fassel
003_adf714cf9f5e1bca,"[""Anas al-Bar""]",al-fassel
$ mq -c 'docs | where outlet == "Al-Fassel" | select id, authors, published' --format jsonl
{"id":"000_40a7b08fdfb61403","authors":["Anas al-Bar"],"published":null}
{"id":"003_adf714cf9f5e1bca","authors":["Anas al-Bar"],"published":null}
$ mq -c 'len(docs); docs | where outlet == "Arab News" | select id' --format json
[5,
[{"id":"002_0248a6aedfd10660"}]]
```

### FollowTheMoney

`--format ftm` (`.mode ftm`) writes the references of a result as FollowTheMoney entities, the JSON-lines
form that Aleph, OpenSanctions and the `ftm` tool read: `{"id": ..., "schema": ..., "properties": {name:
[values]}}`. Every reference in a row (the row itself, or a reference in any column, list or record) is
written once, with the entities it points to, so that the output stands on its own; other values and
`print` write nothing.

| reference | schema | properties |
|---|---|---|
| person | `Person` | `name` (preferred name), `alias` (aliases and acronyms), `previousName`, `weakAlias` (ambiguous names), `description`, `notes` (the country by name, the catalog's note), `keywords` (the catalog type) |
| armed group, umbrella, party, organisation | `Organization` | the same |
| state body, country | `PublicBody` | the same |
| place | `Address` | the same, and `full` |
| document | `Article` | `title`, `author`, `publisher` (outlet), `publishedAt`, `sourceUrl`, `language` (ISO 639-3), `fileName`, `bodyText` |
| mention | `Mention` | `name` (the text matched), `document`, `resolved` (not for places: FtM resolves mentions to legal entities), `detectedSchema` |
| fact `member_of` | `Membership` | `member`, `organization` |
| fact `leads` | `Directorship` | `director`, `organization`, `role` |
| fact `sanctioned_by`, `designated_by` | `Sanction` | `entity`, `authority` (the object's name), `program` |
| fact `allied_with`, `affiliated_with` between people | `Associate` | `person`, `associate`, `relationship` |
| other fact with an entity object | `UnknownLink` | `subject`, `object`, `role` (the predicate) |
| fact `position` of a person | `Occupancy` and its `Position` | `holder`, `post` |
| other fact with a value (`founded`, `strength`, ...) | `Event` | `name` (subject, predicate, value), `involved`, `date` |

Every fact also has `proof` (its Article), `description` (the verbatim quote), `summary` (its note),
`publisher` (who said it, when not the outlet), `recordId` (its id), and its dates: `date`, `startDate`
(`from`) and `endDate` (`until`). Dates are FtM prefix dates, written at their own precision (`2014`,
`2023-10`, `2024-01-28`); an approximate date (`~2013`) loses its `~`. Ids are stable and join back to
the corpus: `entity-<id>`, `article-<document id>`, `fact-<id>`, `mention-<document id>-<start>-<end>`
(byte offsets), `position-<title in lower case, words joined by ->`.

```
$ mq --format ftm -c 'entities | where id == "jurf-al-sakhar"'
{"id":"entity-jurf-al-sakhar","schema":"Address","properties":{"name":["Jurf al-Sakhar"],"alias":["Jurf al-Nasr"],"full":["Jurf al-Sakhar"],"description":["Area south-west of Baghdad retaken from the Islamic State in 2014 (renamed Jurf al-Nasr)."],"notes":["Country: Iraq"],"keywords":["place"]}}
```

### Link charts

`--format dot` (GraphViz) and `--format graphml` (Gephi, yEd, Cytoscape, NetworkX) draw a result with two
entity columns, as `cooccur` (`a`, `b`) and facts (`subject`, `object`) have, or a `join` or `select` that
keeps two: the first two columns whose values are entities. Each entity is a node, its id the entity's
id, labelled with its name and typed with its catalog type (in DOT also shaped and coloured by type).
Each row is an edge from the first entity to the second; rows that link the same two entities under the
same label are one edge whose weight is the sum of theirs. An edge is weighted by the result's first
number column (`count` in `cooccur`), else 1 a row; labelled with the row's `predicate` when the result
has one, else with the weight; and carries as `documents` the ids of the documents in its rows (a
`doc` or `docs` column, a fact's or a mention's document). Facts read from subject to object, so a
result with a `predicate` column is a directed graph (`digraph`, `edgedefault="directed"`), any other an
undirected one. Rows whose entity columns are not both entities (facts with a value) are left out; a
result with fewer than two entity columns has its entities as nodes and no edges. `.chart FILE.svg` in
the REPL and `mq run --chart FILE.svg` draw the chart with GraphViz.

```
$ mq --format dot -c 'facts | where subject == ent("akram-al-kaabi") and predicate == "leads"'
digraph mq {
  graph [overlap=false, splines=true];
  node [style=filled, fontname="Helvetica"];
  "akram-al-kaabi" [label="Akram al-Kaabi", type="person", shape=ellipse, fillcolor="#fde0c5"];
  "harakat-al-nujaba" [label="Harakat al-Nujaba", type="armed_group", shape=box, fillcolor="#e6e0f0"];
  "asaib-ahl-al-haq" [label="Asaib Ahl al-Haq", type="armed_group", shape=box, fillcolor="#e6e0f0"];
  "akram-al-kaabi" -> "harakat-al-nujaba" [label="leads", weight=3, penwidth=5, documents="000_40a7b08fdfb61403,003_adf714cf9f5e1bca,004_8585b73594fa1f5e"];
  "akram-al-kaabi" -> "asaib-ahl-al-haq" [label="leads", weight=1, penwidth=2.3, documents="004_8585b73594fa1f5e"];
}
```

### Diagnostics as JSON

`--error-format json` writes diagnostics as a JSON array of objects with `code`, `severity`, `message`,
`file`, `line`, `column`, `end_line`, `end_column` (1-based; the end is just after the problem), `start`,
`end` (byte offsets) and `hints`. `mq run`, `mq -c` and piped scripts write it to standard error, `mq check`
to standard output.

```sh
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
- **`Diagnostics`**: the error thrown by `compile` and `run`: `items` (each a `Diagnostic` with `code`,
  `severity`, `message`, `file`, `span`, `location`, `hints`); `DiagnosticRenderer().render(_:)` writes
  them as `mq` does, `json(_:)` as JSON. `OutputFormat.render(_:corpus:)` writes a `StatementOutput` in
  any of the output formats.

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
"""#
}
