// Generated from docs/language.md (lines 2001 to 2400) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part6 = #"""
`explain query` shows how a query will run instead of running it: its plan after the rewrite passes, the
last stage first and its input below it, each with the columns it hands on. An access path the corpus
indexes give is named in parentheses: `id index` (`where id == x` on a whole source), `postings` (`x in
entities` on documents, `mentions | where entity == x` for an `x` that is the same on every row, counts
by entity, pairs by document), `keeps N` (a stage told that only N rows
are kept). `columnar` heads the stages that run on batches of typed vectors (numbers, booleans, strings,
references, dates) instead of row by row. `mq explain -q QUERY` and `mq explain FILE` print the plans of a
query or a script, and `.explain QUERY` in the REPL.

```mq
explain docs | sort by published desc | take 2 | select id
```

```text
columnar  (batches of typed vectors from here down)  -> [id: string]
└─ select id  -> [id: string]
   └─ top 2 by published desc
      └─ scan docs
```

A query that calls a function whose body is a pipeline shows that pipeline's plan under the call. In the
body, the function's parameters are the same on every row, as variables are, so the body takes the access
paths the same query takes with a variable; the plan shown is the one a call takes when the body's source
means the corpus source (when it names a field of the row the function is called on, a document's
`mentions`, that field is read instead, row by row).

```mq
def about(x) = mentions | where entity == x | select doc = doc.id, zone
explain about("kataib-hezbollah")
```

```text
value about("kataib-hezbollah")
└─ def about: columnar  (batches of typed vectors from here down)  -> [doc: string, zone: string]
   └─ select doc = doc.id, zone  -> [doc: string, zone: string]
      └─ mentions | where entity == x  (the entity's mentions from its postings, the entity computed once when the query runs)
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
E2xx names, E3xx types and values, E4xx running. A host reads the same rows from the library's
`DiagnosticCode` (`diagnostic.code == .unknownName`, printed and written to JSON as `E205`).

| code | meaning | example message | what to do |
|---|---|---|---|
| E001 | unterminated string or raw string (strings end on their line) | `unterminated string` | close the string with the same quote on the same line; write `\n` for a line break |
| E002 | a character that cannot start a token: `!` alone, `=>`, curly quotes, ... | `'=>' is not an operator` (hint: write '>=' for greater or equal) | use `not` for negation, `!=` for inequality, `>=` and `<=`, straight quotes |
| E003 | invalid date literal | `invalid date literal '@2014-13'` | write `@YYYY`, `@YYYY-MM` or `@YYYY-MM-DD` with a real month and day |
| E004 | malformed number, or an integer too large for 64 bits | `integer 99999999999999999999 is too large (the limit is 9223372036854775807)` | write digits with at most one `.`; for larger values use a float: `1e20` |
| E005 | unknown escape in a string, or invalid `\u{...}` | `unknown escape '\q'` | the escapes are `\n \t \r \0 \\ \" \' \u{hex}`; a raw string `r"..."` has none |
| E006 | string literal longer than 1 MiB | `string literal longer than 1048576 bytes` | put large texts in the corpus and read them from there |
| E101 | syntax error: something else was expected here | `expected 'by' after 'sort'`; `comparisons do not chain; combine them with 'and'` | look at the caret: the hint names what may come there |
| E103 | expression nested too deeply | `expression nested too deeply (more than 200 levels)` | split the expression with `let` bindings or functions |
| E104 | the input ends in the middle of a statement (the REPL then asks for another line) | `unfinished statement: expected a value` | finish the statement (in the REPL, type the rest on the next line) |
| E202 | unknown stage or join kind | `unknown stage 'limit'` (hint: did you mean 'take'?) | `.help stages` lists the stages; the hint names the closest |
| E203 | a value has no such field | `entity has no field 'nmae'` (hint: did you mean 'name'?) | `.schema` lists the fields of each kind of row; the hint names the closest |
| E204 | unknown function | `unknown function 'lenght'` | `.help functions` lists them; a host may register more |
| E205 | unknown name (no parameter, field, variable or source has it) | `unknown name 'tittle'` | define it with `let`, pass it as a parameter, or check the spelling (the hint names the closest) |
| E206 | no entity, document or fact by that name or id | `no entity is named 'Nujaba Movment'` (hint: did you mean 'Nujaba Movement'?) | check the spelling: the hint names the closest names or ids; `entities` lists the catalog |
| E207 | a name several entities share, or a prefix of several document ids | `'Hussein' names 2 entities` (hint: write one of: ent("fuad-hussein"), ent("ghazi-faisal-hussein")) | use one of the ids the hint lists: `ent("id")`, or more of the document id |
| E208 | wrong number of arguments | `'len' takes 1 argument, got 2` | `.help NAME` shows the function's signature |
| E209 | a parameter or record field written twice | `parameter 'a' appears twice` | rename or drop one of the two |
| E210 | a function that calls itself | `'f' calls itself; functions may not be recursive` | write it with `expand`, a list function or a pipeline instead |
| E301 | a value of the wrong type for an operator, function or stage | `where needs a condition that is true or false, got string`; `cannot compare string with int` | convert the value (`int(x)`, `float(x)`, `str(x)`, `date(x)`) or compare it: `... == ...` |
| E302 | invalid or unsafe regular expression | `regular expression may take exponential time: a group with a repetition inside is itself repeated` | fix the pattern, or avoid a repeated group that itself repeats: `(a+)+` as `a+` |
| W301 | a warning: a `kwic` term that looks like a regular expression, given without `matches` (it is read as words) | `kwic reads "\bdrones?\b" as words, but it looks like a regular expression (it holds \b)` | to search with a pattern, filter with `matches` first; to search words, drop the signs |
| E303 | a stage given rows it does not work on (`kwic` with no term on documents, too), or a pipeline that does not start from a table | `timeline works on entities, not fact`; `a pipeline needs a table or a list to start from, got int` | start the pipeline from the right source (`docs`, `mentions`, `entities`, `facts`) |
| E304 | an aggregate outside `summarize` | `'count' is an aggregate: use it in summarize` | use it in `summarize`, or end a pipeline with the `count` stage |
| E305 | a `summarize` column with no aggregate | `summarize computes aggregates: count(), sum(x), list(x), ...` | wrap the column in an aggregate, or put it after `by` |
| E400 | an unexpected internal error (a host function that threw something other than a diagnostic) | the error's own text | report it with the query; the host's own error is in the message |
| E401 | division by zero | `division by zero` | test the divisor first: `if(d == 0, null, n / d)` |
| E402 | a limit was reached: steps, rows, output rows, call depth, time, string size, memory | `the query returns 3120500 rows, more than the output limit of 1000000` | narrow the query (`where`, `take`), count instead of listing, or raise the limit |
| E403 | the query was interrupted (cancelled from another thread, Ctrl-C in the REPL) | `interrupted` | run the query again when ready; nothing was changed |
| E404 | an assertion failed | `assertion failed: one is not two` (hint: the condition is false) | the hint shows the value the condition had |
| E405 | an import was refused or failed, or imports form a cycle | `imports are not allowed here`; `import cycle: a.mq -> b.mq -> a.mq` | check the path (relative to the importing file) and break the cycle; a host must grant file access |
| E406 | integer overflow | `integer overflow in 9223372036854775807 + 1` | use floats: `float(x)` |
| E407 | a value that is not a number (NaN): `float("nan")`, `inf - inf`, `0 * inf`, a sum of `inf` and `-inf` | `inf - inf is not a number (NaN), which is refused` | test the inputs first; infinities are values, NaN is not |
| E420 | a query run on PostgreSQL (`--engine`) has a part with no SQL form that gives mq's answers; nothing is sent (docs/postgresql.md) | `'kwic' cannot run on PostgreSQL: the pattern has no literal every match holds, by which the server could narrow the documents` | run the query with the built-in engine (leave out `--engine`) |
| E421 | the PostgreSQL server reported an error while running a query | `PostgreSQL: server closed the connection unexpectedly` | check the server and the pushed corpus (`mq corpus push`); the server's own words are in the message |
| E430 | `neighbors` or `paths` given something that names no entity | `paths: no entity is named 'Kataib Hezbolla'` (hint: did you mean ...) | give an entity, its id or one of its names (the hint suggests the nearest) |
| E431 | `neighbors` or `paths` given a name several entities share | `paths: 'US-led coalition' names 2 entities` | give the entity's id (the hint lists them) or `ent("id")` |
| E432 | a `depth` or `max` of `neighbors` or `paths` out of its range | `neighbors depth must be a whole number from 1 to 6, got 9` | use a depth from 1 to 6 and a max from 1 to 10000 |
| E433 | `asof` given something that is not a date | `asof needs a date, got int` | write a date literal (`asof @2024-01`) or an expression that gives a date |
| E450 | `render` names a chart that does not exist | `unknown chart 'barchart'` (hint: did you mean 'bar'?) | use one of `bar`, `timechart`, `sparkline` |
| E451 | `render` names a column its input does not have | `render bar: the input has no column 'titel'` (hint: did you mean 'title'?) | name a column of the input, or compute it with `extend` before `render` |
| E452 | a column `render` reads holds the wrong type: dates for a time axis, numbers for bars and values | `render timechart needs dates in 'title' (the time axis), not string` | name a column of dates for the axis and one of numbers for the values (`bin(date, 1y)`, `count()`) |
| E453 | a stage after `render`, which must be the last | `render must be the last stage: it draws the result` | move `render` to the end of the pipeline |
| E454 | `render` needs a column of numbers or dates and its input has none | `render bar needs a column of numbers (the length of the bars), and the input has none (columns: title)` | summarize first (`summarize n = count() by ...`) or compute the column with `extend` |

A few complete messages, as `mq` prints them:

```text
<command>:1:8: error[E202]: unknown stage 'limit'
1 | docs | limit 3
  |        ^^^^^ did you mean 'take'?
  = stages: where, select, extend, sort, take, top, distinct, summarize, join, union, expand, count, cooccur, kwic, timeline, render, neighbors, paths, conflicts, corroboration, asof

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
(`matches`, `within`), a function (`split`), an aggregate (`dcount`), a statement (`let`), a dot-command
(`.output`), a diagnostic code (`E205`), or `functions`, `operators`, `stages`, `formats`, `dates`,
`null`, `syntax`. The pages are the sections of this reference.

#### .read

`.read FILE` (also `.run`): runs a script as `mq run` would, in this session; stops at its first error,
which names the file, line and column.

#### .save

`.save FILE`: writes the statements of this session that ran without error as a `.mq` script; asks
before replacing a file.

#### .mode

`.mode MODE`: the output format, one of `table`, `line` (one field per line), `csv`, `tsv`, `json`,
`jsonl`, `markdown`, `ftm`, `dot`, `graphml` (see [Output formats](#output-formats)).

#### .output

`.output [-f] [FILE]`: sends every result to FILE until `.output` alone (or the end of the session).
The file is written when it is closed, whole; an existing file is replaced only after a yes at the
prompt, or with `-f` (a script cannot answer the prompt: it needs `-f`). Results in a file have every row
and no width limit.

#### .once

`.once [-f] FILE`: sends the results of the next statement (or pasted block) to FILE, as `.output` does.

#### .chart

`.chart [-f] FILE`: draws the last result (`_`) as a link chart in FILE: `.svg`, `.png` or `.pdf` drawn
by GraphViz's `dot`, or `.dot` / `.gv` for the DOT text itself. The result needs two entity columns (see
[Link charts](#link-charts)); when GraphViz is not installed, it says how to install it. The file appears
whole; an existing file is replaced only with `-f` (`mq run --chart` with `--force`).

#### \x

`\x [on|off|auto]`: the expanded display, one field per line under a `── row N ──` rule. `auto` (the
default) uses it when a row does not fit the terminal; `\x` alone switches between on and off.

#### .maxwidth

`.maxwidth N`: the widest a table column may be, in terminal columns (0 for no limit); wider values
are cut with `…`.

#### .maxrows

`.maxrows N`: the rows a table shows (0 for all); the footer counts the others.

#### .timing

`.timing on|off`: prints how long each statement took.

#### .maxmemory

`.maxmemory SIZE`: the memory a query may make mq use (`4G`, `512M`, or `none`); a query that would need
more stops with E402 (`--max-memory` on the command line; the default is three quarters of the machine's
memory).

#### .schema

`.schema [source]`: the sources and their fields, with types.

#### .explain

`.explain QUERY`: the plan of a query after the rewrite passes, without running it (see
[explain](#explain)).

#### .history

`.history [N]`: the last N statements from history (20 by default).

#### .corpus

`.corpus`: what the corpus holds: documents, entities by type, facts, mentions, and what needs curation.

#### .quit

`.quit` (also `.exit`, or Ctrl-D): leaves the session.

### Output formats

`--format` (default `table`) sets how query results are written to standard output (`.mode` in the REPL
and in a script). `print` writes its text as it is, except in `json` and `jsonl`, where it is a JSON string.

**References: names for reading, ids for programs.** One rule holds in every format. The formats meant
to be read (`table`, `line`, `markdown`) show a reference by a readable name: an entity by its name, a fact by its
id, a document by its id. The formats meant for other programs (`csv`, `tsv`, `json`, `jsonl`) write
every reference as its id, so that a row joins back to the catalog (`kataib-hezbollah`, not `Kataib
Hezbollah`); select the name as a column of its own when a program needs it (`select subject,
subject_name = subject.name`).

| format | tables | other values |
|---|---|---|
| `table` | aligned columns with a header, a rule and a `(N rows)` footer; references by name, lists comma-separated, null as `null`; numbers right-aligned, with thousands separators in a column that holds 10,000 or more | the value as text |
| `csv` | RFC 4180: header row, fields quoted when they hold a comma, a quote or a line break; references as ids; lists and records as JSON (`["KH","KSS"]`); null as an empty field | the value as text |
| `tsv` | header row, tab-separated; tabs and line breaks inside values become spaces; references as ids, lists and records as JSON; null empty | the value as text |
| `json` | one array of row objects per result; a run of several results (a script, `-c` with several statements) is one JSON document: the array of the results, `[result1, result2, ...]` | JSON |
| `jsonl` | one row object per line | JSON, one per line |
| `markdown` | a GitHub-flavoured table (`\|` escaped, line breaks as spaces) | the value as text |
| `line` | the table one field per line: a `── row N ──` rule, then `name  value` lines, long values wrapped to the terminal; references by name | the value as text |
| `dot`, `graphml` | a link chart of the result's first two entity columns (see [Link charts](#link-charts)) | an empty chart |
| `ftm` | FollowTheMoney entities, one JSON object a line, for the references in the rows (see [FollowTheMoney](#followthemoney)) | the same for a reference or a list of them |

A result of `render` is drawn as a chart in `table` and `line` and written as its rows in the other
formats (see [render](#render)).

In JSON, references are written as their id (a mention as `{"doc": ..., "start": ..., "end": ...}`),
dates as strings with their precision (`"2014"`, `"~2013"`, `"2023-11-17"`), lists as arrays, records as
objects and a whole-number float with a decimal point. A table of facts shows, in every format, the
columns `id subject predicate object date doc source quote`; `select *` keeps the columns a table shows
and `select *, n = expr` adds columns after them.

Text from the corpus is untrusted: in every format but JSON, control characters are shown as visible
escapes (`\e` for ESC, `\r`, `\x07`, `\u009b` for the C1 controls) and the bidirectional overrides and
isolates as `\u202e`, so that no document can move the cursor, retitle the terminal or reverse the text
around it; JSON keeps the exact text (as JSON escapes). CSV and TSV cells that start with `=`, `+`, `-`
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
"""#
}
