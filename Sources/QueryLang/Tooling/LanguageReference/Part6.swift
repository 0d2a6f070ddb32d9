// Generated from docs/language.md (lines 2001 to 2400) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part6 = #"""
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
