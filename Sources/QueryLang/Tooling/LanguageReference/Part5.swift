// Generated from docs/language.md (lines 1601 to 2000) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part5 = #"""
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
| E420 | a query run on PostgreSQL (`--engine`) has a part with no SQL form that gives mq's answers; nothing is sent (docs/postgresql.md) | `'kwic' cannot run on PostgreSQL: keyword in context needs mq's matcher on the text` |
| E421 | the PostgreSQL server reported an error while running a query | `PostgreSQL: server closed the connection unexpectedly` |

A few complete messages, as `mq` prints them:

```text
<command>:1:8: error[E202]: unknown stage 'limit'
1 | docs | limit 3
  |        ^^^^^ did you mean 'take'?
  = stages: where, select, extend, sort, take, top, distinct, summarize, join, union, expand, count, cooccur, kwic, timeline

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
  start is a dot-command. Outside the REPL, scripts may use `.mode` and `.read`; a script stops at its
  first error, reported as `file:line:col`.
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

In JSON, references are written as their id (a mention as `{"doc": ..., "start": ..., "end": ...}`),
dates as strings with their precision (`"2014"`, `"~2013"`, `"2023-11-17"`), lists as arrays, records as
objects and a whole-number float with a decimal point. A table of facts shows, in every format, the
columns `id subject predicate object date doc source quote`; `select *` keeps the columns a table shows
and `select *, n = expr` adds columns after them.

Text from the corpus is untrusted: in every format but JSON, control characters are shown as visible
escapes (`\e` for ESC, `\r`, `\x07`, `\u009b` for the C1 controls) and the bidirectional overrides and
isolates as `\u202e`, so that no document can move the cursor, retitle the terminal or reverse the text
around it; JSON keeps the exact text (as JSON escapes). CSV and TSV cells that start with `=`, `+`, `-`
"""#
}
