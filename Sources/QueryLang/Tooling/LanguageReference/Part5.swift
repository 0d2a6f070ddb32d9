// Generated from docs/language.md (lines 1601 to 2000) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part5 = #"""
004_8585b73594fa1f5e  body     Al Nujaba) is led by [Akram Al Kaabi], who after 2003 was
004_8585b73594fa1f5e  body     US Treasury sanctioned [Al Kaabi] for involvement in
004_8585b73594fa1f5e  body     and Sadrist commander [Akram Kaabi]. The group undertook a
(6 rows)
```

## 7. Aggregates

Aggregates compute one value from the rows of a `summarize` group; outside `summarize` they are an error
(E304). Their argument is evaluated on each row of the group. All skip null values, except `count()`
which counts rows and `countif`, which counts the rows where the condition is true.

```mq
facts
  | where predicate == "strength"
  | summarize n = count(), with_unit = countif(unit != null), subjects = dcount(subject), total = sum(object), mean = round(avg(object)), smallest = min(object), largest = max(object)
```

```text
n  with_unit  subjects    total      mean  smallest  largest
─  ─────────  ────────  ───────  ────────  ────────  ───────
9          9         4  559,654  62,184.0        10  250,000
(1 row)
```

### count

`count() -> int`: the number of rows of the group.

```mq
facts | summarize n = count() by predicate | top 3 by n
```

```text
predicate   n
─────────  ──
position   26
active_in  21
leads      20
(3 rows)
```

### countif

`countif(condition) -> int`: the number of rows where the condition is true.

```mq
mentions | summarize all = count(), own_text = countif(own), captions = countif(zone == "caption") by doc
```

```text
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
`mq -c` and the REPL). Imports may nest 16 deep; an import cycle is an error (E405). Reading files is the
host's decision: `mq run`, `mq -c` and piped scripts let imports read files; an embedding program allows
none unless it sets an `ImportLoader` (E405 otherwise).

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
| E430 | `neighbors` or `paths` given something that names no entity | `paths: no entity is named 'Kataib Hezbolla'` (hint: did you mean ...) |
| E431 | `neighbors` or `paths` given a name several entities share | `paths: 'US-led coalition' names 2 entities` |
| E432 | a `depth` or `max` of `neighbors` or `paths` out of its range | `neighbors depth must be a whole number from 1 to 6, got 9` |
| E433 | `asof` given something that is not a date | `asof needs a date, got int` |
| E420 | a query run on PostgreSQL (`--engine`) has a part with no SQL form that gives mq's answers; nothing is sent (docs/postgresql.md) | `'kwic' cannot run on PostgreSQL: keyword in context needs mq's matcher on the text` |
| E421 | the PostgreSQL server reported an error while running a query | `PostgreSQL: server closed the connection unexpectedly` |

A few complete messages, as `mq` prints them:

```text
<command>:1:8: error[E202]: unknown stage 'limit'
1 | docs | limit 3
  |        ^^^^^ did you mean 'take'?
  = stages: where, select, extend, sort, take, top, distinct, summarize, join, union, expand, count, cooccur, kwic, timeline, neighbors, paths, conflicts, corroboration, asof

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
"""#
}
