// Generated from docs/language.md (lines 1601 to 2000) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part5 = #"""
doc                   all  own_text  captions
────────────────────  ───  ────────  ────────
000_40a7b08fdfb61403   39        38         0
001_01923c50350c9699  160       158         0
002_0248a6aedfd10660  319       201        45
003_adf714cf9f5e1bca   48        47        12
004_8585b73594fa1f5e  224       121         0
(5 rows)
```

### dcount

`dcount(x) -> int`: the number of distinct non-null values.

```mq
facts | summarize documents = dcount(doc), subjects = dcount(subject) by predicate | top 3 by documents, subjects
```

```text
predicate  documents  subjects
─────────  ─────────  ────────
position           5        23
leads              5        13
active_in          4        13
(3 rows)
```

### sum, avg

`sum(x) -> number`: the sum of the values (an int when all are ints; 0 for none); `avg(x) -> float`: their
mean (null for none). Values that are not numbers are an error.

```mq
facts | where predicate == "strength" and unit == "fighters" | summarize total = sum(object), mean = avg(object) by subject
```

```text
subject                        total       mean
───────────────────────────  ───────  ─────────
Popular Mobilization Forces  500,000  250,000.0
Islamic Resistance in Iraq    50,000   50,000.0
Kataib al-Imam Ali             7,000    7,000.0
(3 rows)
```

### min, max

`min(x) -> any`, `max(x) -> any`: the smallest and largest value (numbers, strings or dates; dates that
overlap without being equal are not ordered and keep the first seen).

```mq
facts | where date != null | summarize earliest = min(date), latest = max(date) by doc
```

```text
doc                   earliest    latest
────────────────────  ──────────  ──────────
004_8585b73594fa1f5e  2007-01     2024-01
001_01923c50350c9699  2019        2025
002_0248a6aedfd10660  2015        2022
003_adf714cf9f5e1bca  2023-10-08  2023-10-08
(4 rows)
```

### list, set

`list(x) -> list`: the values in row order; `set(x) -> list`: the distinct values, in first-seen order.

```mq
mentions | where entity == "nuri-al-maliki" | summarize forms = set(surface), zones = list(zone) by doc
```

```text
doc                   forms                                         zones
────────────────────  ────────────────────────────────────────────  ──────────────────────────────────────────────────────────
001_01923c50350c9699  Nuri al-Maliki, Maliki, al-Maliki, Al-Maliki  body, body, body, body, body, body, body, body, body, body
(1 row)
```

### arg_max, arg_min

`arg_max(by, x?) -> any`, `arg_min(by, x?) -> any`: the value of `x` on the row where `by` is largest
(smallest); the first such row on ties; without `x`, the row itself.

```mq
facts | where predicate == "strength" | summarize biggest = arg_max(object, id), smallest = arg_min(object, id) by unit
```

```text
unit      biggest                         smallest
────────  ──────────────────────────────  ────────────────────────────
factions  pmf-strength-70-groups-002      iri-strength-10-factions-004
fighters  pmf-strength-250k-fighters-002  kia-strength-7000-2018-004
members   is-strength-2500-002            is-strength-2500-002
(3 rows)
```

### any

`any(x) -> any`: the first non-null value.

```mq
docs | summarize outlet = any(outlet), titles = count() by published
```

```text
published   outlet        titles
──────────  ────────────  ──────
null        Al-Fassel          3
2025-04-03  Arab News          1
2025-04-07  The National       1
(3 rows)
```

## 8. Statements

A script runs its statements in order and stops at the first error or failed assertion. `let` and `def`
names stay defined for the statements that follow (in a script, in the REPL, and in an embedding
session).

### query

A bare expression or pipeline is a query: its value is shown. A table is rendered in the output format
(see [section 10](#10-the-command-line)); any other value on its own line.

```mq
entities | where type == "country" | count
len(facts) - len(facts | where quote != null)
```

```text
count
─────
   11
(1 row)
0
```

### let

`let name = expr` evaluates the expression once and keeps its value (a table is kept as it is, not
re-run). A later `let` of the same name replaces it.

```mq
let designations = facts | where predicate == "designated_by"
let n = len(designations)
print concat(n, " designations, ", len(designations | where date == null), " of them undated")
```

```text
11 designations, 4 of them undated
```

### def

`def name(param, ...) = expr` defines a function. Its parameters hide fields and variables of the same
name; other names in the body resolve when it is called, so the body can read the fields of the row of
the stage that calls it. A function may call functions defined before it, but never itself (E210): every
mq program terminates. A body may be a pipeline, and a function used in `summarize` may use aggregates.

```mq
def mentioned_in(e) = docs | where ent(e) in entities
def dated() = published != null
mentioned_in("KSS") | where dated() | select id, published
```

```text
id                    published
────────────────────  ──────────
004_8585b73594fa1f5e  2025-04-07
(1 row)
```

### assert

`assert condition [, message]` stops the script with E404 unless the condition is exactly `true` (false
and null both fail). The message, any value, is shown after "assertion failed:".

```mq
let groups = entities | where type == "armed_group"
assert len(groups) == 25, "the catalog lists 25 armed groups"
assert "harakat-al-nujaba" in (groups | select id), "Harakat al-Nujaba is one of them"
assert ent("KSS").country == "iraq"
```

### print

`print expr` writes a value as text: strings without quotes, other values as in the examples of this
page (dates with their `@`, lists in brackets). A table is rendered as a query's table would be.

```mq
print "Designations without a date:"
print facts | where predicate == "designated_by" and date == null | select id
print [1, "two", @2003]
```

```text
Designations without a date:
id
─────────────────────────
nujaba-designated-fto-000
kss-designated-fto-000
kia-designated-fto-000
aaa-designated-004
(4 rows)
[1, "two", @2003]
```

### import

`import "file.mq"` runs another script in the same session: its `let` and `def` names become available
to the statements that follow, its asserts are checked, and its queries run without showing anything. A
relative path is resolved against the directory of the importing file (against the working directory for
`mq -c` and the REPL). Imports may nest 16 deep (`Limits.maxImportDepth`); an import cycle is an error
(E405), and so is a file that is not a regular file (a named pipe, a device). The check before a script
runs reads its imports under the same rules as the run. Reading files is the host's decision: `mq run`,
`mq -c` and piped scripts let imports read files; an embedding program allows none unless it sets an
`ImportLoader` (E405 otherwise).

Because it needs a second file, this example is a shell session rather than a runnable block:

```sh
$ cat lib.mq
# Definitions shared by several reports.
def mentioned_in(e) = docs | where ent(e) in entities
let iraqi_groups = entities | where type == "armed_group" and country == "iraq"
$ cat report.mq
import "lib.mq"
iraqi_groups | count
mentioned_in("KSS") | select id
$ mq run --corpus seeds report.mq
```

### explain

`explain query` shows how a query will run instead of running it: its plan after the rewrite passes, the
last stage first and its input below it, each with the columns it hands on. An access path the corpus
indexes give is named in parentheses: `id index` (`where id == x` on a whole source), `postings` (`x in
entities` on documents, counts by entity, pairs by document), `keeps N` (a stage told that only N rows
are kept). `mq explain -q QUERY` and `mq explain FILE` print the plans of a query or a script, and
`.explain QUERY` in the REPL.

```mq
explain docs | sort by published desc | take 2 | select id
```

```text
select id  -> [id: string]
└─ top 2 by published desc
   └─ scan docs
```

The passes: constants computed once (`2 * 1024`), `where` moved below `sort` and below an `extend` it does
not read, `extend` columns that nothing reads dropped, `sort | take N` made `top N`, the number of kept rows
told to `cooccur` and `kwic`, and the access paths above. Each gives the rows the query as written gives.

## 9. Diagnostics

Every problem is reported with a code, the file, line and column, the line of source with a caret under
the problem, and hints where one helps:

```text
query.mq:1:24: error[E205]: unknown name 'tittle'
1 | docs | where outlet == tittle
  |                        ^^^^^^ did you mean 'title'?
```

`mq check` finds every error it can without running the script (E0xx to E3xx, several at once); running
finds the rest and stops at the first. Codes are grouped by phase: E0xx reading the text, E1xx syntax,
E2xx names, E3xx types and values, E4xx running.

| code | meaning | example message |
|---|---|---|
| E001 | unterminated string or raw string (strings end on their line) | `unterminated string` |
| E002 | a character that cannot start a token: `!` alone, `=>`, curly quotes, ... | `'=>' is not an operator` (hint: write '>=' for greater or equal) |
| E003 | invalid date literal | `invalid date literal '@2014-13'` |
| E004 | malformed number, or an integer too large for 64 bits | `integer 99999999999999999999 is too large (the limit is 9223372036854775807)` |
| E005 | unknown escape in a string, or invalid `\u{...}` | `unknown escape '\q'` |
| E006 | string literal longer than 1 MiB | `string literal longer than 1048576 bytes` |
| E101 | syntax error: something else was expected here | `expected 'by' after 'sort'`; `comparisons do not chain; combine them with 'and'` |
| E103 | expression nested too deeply | `expression nested too deeply (more than 200 levels)` |
| E104 | the input ends in the middle of a statement (the REPL then asks for another line) | `unfinished statement: expected a value` |
| E202 | unknown stage or join kind | `unknown stage 'limit'` (hint: did you mean 'take'?) |
| E203 | a value has no such field | `entity has no field 'nmae'` (hint: did you mean 'name'?) |
| E204 | unknown function | `unknown function 'lenght'` |
| E205 | unknown name (no parameter, field, variable or source has it) | `unknown name 'tittle'` |
| E206 | no entity, document or fact by that name or id | `no entity is named 'Nujaba Movment'` (hint: did you mean 'Nujaba Movement'?) |
| E207 | a name several entities share, or a prefix of several document ids | `'Hussein' names 2 entities` (hint: write one of: ent("fuad-hussein"), ent("ghazi-faisal-hussein")) |
| E208 | wrong number of arguments | `'len' takes 1 argument, got 2` |
| E209 | a parameter or record field written twice | `parameter 'a' appears twice` |
| E210 | a function that calls itself | `'f' calls itself; functions may not be recursive` |
| E301 | a value of the wrong type for an operator, function or stage | `where needs a condition that is true or false, got string`; `cannot compare string with int` |
| E302 | invalid or unsafe regular expression | `regular expression may take exponential time: a group with a repetition inside is itself repeated` |
| W301 | a warning: a `kwic` term that looks like a regular expression, given without `matches` (it is read as words) | `kwic reads "\bdrones?\b" as words, but it looks like a regular expression (it holds \b)` |
| E303 | a stage given rows it does not work on, or a pipeline that does not start from a table | `timeline works on entities, not fact`; `a pipeline needs a table or a list to start from, got int` |
| E304 | an aggregate outside `summarize` | `'count' is an aggregate: use it in summarize` |
| E305 | a `summarize` column with no aggregate | `summarize computes aggregates: count(), sum(x), list(x), ...` |
| E400 | an unexpected internal error (a host function that threw something other than a diagnostic) | the error's own text |
| E401 | division by zero | `division by zero` |
| E402 | a limit was reached: steps, rows, output rows, call depth, time, string size | `the query returns 3120500 rows, more than the output limit of 1000000` |
| E403 | the query was interrupted (cancelled from another thread, Ctrl-C in the REPL) | `interrupted` |
| E404 | an assertion failed | `assertion failed: one is not two` (hint: the condition is false) |
| E405 | an import was refused or failed, or imports form a cycle | `imports are not allowed here`; `import cycle: a.mq -> b.mq -> a.mq` |
| E406 | integer overflow | `integer overflow in 9223372036854775807 + 1` |
| E407 | a value that is not a number (NaN): `float("nan")`, `inf - inf`, `0 * inf`, a sum of `inf` and `-inf` | `inf - inf is not a number (NaN), which is refused` |
| E420 | a query run on PostgreSQL (`--engine`) has a part with no SQL form that gives mq's answers; nothing is sent (docs/postgresql.md) | `'kwic' cannot run on PostgreSQL: keyword in context needs mq's matcher on the text` |
| E421 | the PostgreSQL server reported an error while running a query | `PostgreSQL: server closed the connection unexpectedly` |
| E450 | `render` names a chart that does not exist | `unknown chart 'barchart'` (hint: did you mean 'bar'?) |
| E451 | `render` names a column its input does not have | `render bar: the input has no column 'titel'` (hint: did you mean 'title'?) |
| E452 | a column `render` reads holds the wrong type: dates for a time axis, numbers for bars and values | `render timechart needs dates in 'title' (the time axis), not string` |
| E453 | a stage after `render`, which must be the last | `render must be the last stage: it draws the result` |
| E454 | `render` needs a column of numbers or dates and its input has none | `render bar needs a column of numbers (the length of the bars), and the input has none (columns: title)` |

A few complete messages, as `mq` prints them:

```text
<command>:1:8: error[E202]: unknown stage 'limit'
1 | docs | limit 3
  |        ^^^^^ did you mean 'take'?
  = stages: where, select, extend, sort, take, top, distinct, summarize, join, union, expand, count, cooccur, kwic, timeline, render

<command>:1:5: error[E207]: 'al-Khazali' names 2 entities
1 | ent("al-Khazali")
  |     ^^^^^^^^^^^^ write one of: ent("qais-al-khazali"), ent("laith-al-khazali")

<command>:1:14: error[E301]: where needs a condition that is true or false, got string
1 | docs | where title
  |              ^^^^^ compare it: ... == ..., or test a text: ... has "word"

<command>:1:8: error[E404]: assertion failed: one is not two
1 | assert 1 == 2, "one is not two"
  |        ^^^^^^ the condition is false
```

## 10. The command line

```text
mq [--corpus DIR] [--format FORMAT] [--error-format human|json] [-o FILE [--force]] [--arg NAME=VALUE]... [-c QUERY]
mq run [OPTIONS] FILE...          run scripts in order, in one session
mq check [OPTIONS] FILE...        find errors without running (each file checked on its own)
mq fmt [--check | -w] FILE...     print formatted, check formatting, or rewrite in place
mq corpus validate|stats|mentions [DIR]
```

- **The corpus** is `--corpus DIR`, else the `MQ_CORPUS` environment variable, else `./seeds` when it
  exists, else the `seeds/` corpus of the source tree mq was built from. A corpus that does not load is
  reported file by file (`file:line: message`) and mq exits with 1.
- **`mq -c 'QUERY'`** runs one query (or several statements) and exits; `-c` given twice is a usage
  error. With no subcommand and no `-c`, mq reads a script from standard input when it is not a terminal
  (`mq < report.mq`), and otherwise opens the interactive session.
- **Scripts are read the same way everywhere**: `mq run`, piped input, `.read`, the rc file and what is
  typed or pasted in the REPL. Statements are parsed together as a unit, so a pipeline written one stage
  per line is one statement wherever it is; a line that starts with `.` and a letter where a statement may
  start is a dot-command. `.read` works alike everywhere (at most 16 scripts deep); `mq run`, `-c` and
  piped input also take `.mode` and `.quit` (which ends the run), and the REPL all its dot-commands, in
  its scripts too. A script stops at its first error, reported as `file:line:col`.
- **`-o FILE`** writes the results to FILE instead of standard output. The file is written whole or not
  at all (a temporary file beside it takes its name when the run succeeds), and an existing file is
  replaced only with `--force`.
- **`--arg NAME=VALUE`** gives the parameter `$NAME` a value (a string). A script reads it as `$NAME`;
  the checker treats it as a variable, and a parameter that was not given is E205 before anything runs.
  `let $NAME = ...` is an error: parameters come from outside. A Swift host passes typed values with
  `session.setParameter("n", .int(10))`.

```sh
$ mq run --arg outlet="Arab News" --format csv report.mq     # report.mq: docs | where outlet == $outlet | select id
id
002_0248a6aedfd10660
```

- **`mq run FILE...`** runs the scripts one after another in one session (a later file sees the `let`
  and `def` names of an earlier one) and stops at the first error or failed `assert`. `--chart FILE`
  also draws the run's last table as a link chart in FILE, as `.chart` does (see [Link charts](#link-charts)).
- **`mq check FILE...`** reports every error the checker can find without running, for each file;
  warnings do not change the exit status.
- **`mq fmt FILE...`** prints the canonical form of the scripts: comments kept, one statement per line,
  a pipeline on one line when it is short (at most 3 stages and 100 characters), else one stage per line
  indented by two spaces, a blank line before a commented statement and around multi-line queries and
  `def`s. `--check` changes nothing and lists the files that are not formatted (`not formatted: FILE`);
  `-w` rewrites them in place.
- **`mq corpus validate`** loads a corpus and prints `ok: N documents, N entities, N facts, N mentions`
  or every problem; `stats` prints counts; `mentions` prints every mention as TSV.

### The interactive session

`mq` on a terminal opens the REPL. A statement runs when it is finished; an unfinished one (an open
bracket, a trailing `|` or operator) continues on the next line under a `...>` prompt. Pasted lines are
read together, as a script is, so a pasted pipeline with one stage per line runs as one statement
(terminals that mark pastes, and input that arrives faster than typing). TAB completes; Ctrl-C cancels
the line or interrupts a running query; Ctrl-D leaves. History is kept in `$XDG_STATE_HOME/mq/history`
(`MQ_HISTORY` overrides it); `$XDG_CONFIG_HOME/mq/mqrc` is read as a script at start. `_` holds the last
result (a table or a value) for the statements typed after it: `len(_)`. Long output goes through a
pager (`$MQ_PAGER`, `$PAGER`, else `less -FRX`). Tables show at most 40 rows (`.maxrows`), fit the
terminal's width, and a row that does not fit is shown one field per line (`\x`).

The dot-commands:

#### .help

`.help [topic]`: this list, or the page of a topic: a source (`docs`), a stage (`join`), an operator
"""#
}
