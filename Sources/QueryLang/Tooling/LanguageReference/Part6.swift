// Generated from docs/language.md (lines 2001 to 2400) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part6 = #"""
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
  checker sees as it sees a variable, `limits` may be changed between runs. A session belongs to one
  thread at a time; run several sessions over one engine in parallel.
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
"""#
}
