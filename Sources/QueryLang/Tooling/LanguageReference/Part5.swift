// Generated from docs/language.md (lines 1601 to 2000) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part5 = #"""
year       22
day         2
month       7
(3 rows)
```

#### date

`date(s: string) -> date` or `date(year, month?, day?) -> date`: a date from text (`YYYY`, `YYYY-MM`,
`YYYY-MM-DD`, optionally `~` or `@` first) or from numbers; an impossible date is an error.

```mq
print [date("2014-06"), date(2023, 11, 17), date(2014), date("~2013")]
```

```text
[@2014-06, @2023-11-17, @2014, @~2013]
```

#### bin

`bin(d: date, width: string) -> date`: the period a date falls in, for counting by period. The width is
a period, written bare or in quotes: `1y` (years), `1q` (quarters), `1m` (months), `1w` (weeks, from
Monday), `1d` (days), or more of them (`5y`, `2w`). The period is written as the date of its first day at
the period's precision: a year for `y`; a month for `q` and `m`; a day for `w` and `d`. A date is never
put in a period finer than what it says: a date known only to its year stays that year under `"1m"`
(it is not January), a month stays that month under `"1w"` and `"1d"`; an approximate date is binned as
its exact reading. Widths above 1 count from year 0 (`"5y"`: 2020-2024), January of year 0 (`"1q"`:
January, April, July, October) and the week of 0001-01-01.

```mq
print [bin(@2023-11-17, "1y"), bin(@2023-11-17, "1q"), bin(@2023-11-17, "1w"), bin(@2023, "5y"), bin(@2020, "1m")]
```

```text
[@2023, @2023-10, @2023-11-13, @2020, @2020]
```

A date coarser than the period keeps its own precision, so a count by `bin(date, 1m)` has a row for
`2020` beside the rows of 2020's months: it is not spread over them nor put in January. `render
timechart` leaves such rows out of a month axis and counts them in its footer; count by `bin(date, 1y)`
to draw every dated row.

```mq
facts | where date != null | summarize n = count() by m = bin(date, 1m) | where year(m) == 2020 | sort by m
```

```text
m        n
───────  ─
2020     4
2020-01  3
(2 rows)
```

### The corpus

#### ent

`ent(name: string) -> entity`: the entity with this id, or with any of its name forms as the matcher
compares them (`ent("Kata'ib Hizballah")` is Kataib Hezbollah). A name no entity has is an error (E206,
with the closest names); a name several entities share is E207 (with their ids). With a literal argument
`mq check` resolves it before running.

```mq
print [ent("kataib-hezbollah"), ent("Hezbollah Al Nujaba"), ent("KSS").id, ent("Hashd al-Shaabi").type]
```

```text
[Kataib Hezbollah, Harakat al-Nujaba, "kataib-sayyid-al-shuhada", "umbrella"]
```

#### doc

`doc(id: string) -> document`: the document with this id, or with a unique id prefix (`doc("003")`).
No such document is E206; a prefix of several ids is E207.

```mq
print [doc("003"), doc("004").outlet, doc("002_0248a6aedfd10660").published]
```

```text
[003_adf714cf9f5e1bca, "The National", @2025-04-03]
```

#### fact

`fact(id: string) -> fact`: the fact with this id (E206 when there is none).

```mq
print [fact("kss-designated-2023-004").date, fact("kss-designated-2023-004").quote]
```

```text
[@2023-11-17, "On November 17, 2023, the US government designated KSS as a foreign terrorist organisation."]
```

#### context

`context(m: mention, width: int?) -> string`: the text around a mention, `width` characters on each side
(default 40, at most 2000), with the mention in square brackets.

```mq
print context(ent("abu-alaa-al-walai").mentions[0], 30)
entities | where id == "akram-al-kaabi" | expand m = mentions | select doc = m.doc, zone = m.zone, around = context(m, 25)
```

```text
Sayyid al-Shuhada, led by [Abu Alaa al-Walai]; and Kataib al-Imam Ali, led
doc                   zone     around
────────────────────  ───────  ───────────────────────────────────────────────────────────────
000_40a7b08fdfb61403  body     al-Nujaba, led by [Akram al-Kaabi]; Kataib Sayyid
003_adf714cf9f5e1bca  caption  poster of group leader [Akram al-Kaabi] alongside Iran's leader
003_adf714cf9f5e1bca  caption  poster of group leader [Akram al-Kaabi] alongside Iran's leader
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

"""#
}
