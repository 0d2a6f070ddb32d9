// Generated from docs/language.md (lines 801 to 1200) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part3 = #"""
### kwic

`kwic [matches] [term] [width n]`: keyword in context. On documents, it finds every whole-word occurrence
of the term in the raw text: a string (a word or phrase, compared as `has` compares them: case,
diacritics, apostrophes, article forms and spelling variants folded; `"drone"` does not find `drones`), a
list of strings (every occurrence of any of them: the word forms to look for, `["drone", "drones"]`), or
an entity (through its mentions). With `matches`, the term is a regular expression (or a list of them) as
for the `matches` operator (`kwic matches r"(?i)\bdrones?\b"`), and each non-empty match is a hit. A
string given without `matches` that looks like a regular expression (`\b`, `(?i)`, `|`, `s?` ...) finds
only the words it spells: the checker warns (W301). On mentions, each mention is a hit (an entity term
keeps only its mentions). One row per hit, in text order (a place two terms share is given once): `doc`,
`left` and `right` (up to `width` characters of context on each side, default 40, white space collapsed,
cut at a word boundary where one is near), `match` (the text as written), `zone` and `start` (byte
offset). `kwic` on documents needs a term. In a table, the rows are aligned on the keyword: `left` is
right-aligned and, when it must be cut, loses its far end.

```mq
docs | kwic "drone" width 30 | select doc, left, match, right, zone
docs | where id == "004_8585b73594fa1f5e" | kwic ent("KSS") width 20 | select left, match, right
mentions | where entity == "akram-al-kaabi" and zone == "caption" | kwic width 25 | select doc, left, match, right
docs | kwic ["drone", "drones"] | summarize n = count() by match
docs | kwic matches r"(?i)\bdrones?\b" | count
```

```text
doc                                            left  match  right                           zone
────────────────────  ─────────────────────────────  ─────  ──────────────────────────────  ───────
002_0248a6aedfd10660         Qassem Soleimani in a   drone   strike near Baghdad airport.   body
002_0248a6aedfd10660  US soldiers were killed in a   drone   attack on a Jordanian          body
002_0248a6aedfd10660       an Al-Qaeda leader in a   drone   strike. The target later       related
004_8585b73594fa1f5e     for dozens of missile and   drone   attacks on Israel and US       body
004_8585b73594fa1f5e   until he was killed in a US   drone   strike at Baghdad Internation  body
(5 rows)
               left  match                               right
───────────────────  ──────────────────────────────────  ───────────────────
a terrorist group.   Kataib Sayyid Al Shuhada             (KSS, Battalion of
Sayyid Al Shuhada (  KSS                                 , Battalion of the
  Al Shuhada (KSS,   Battalion of the Master of Martyrs  ) is an Iraqi
        designated   KSS                                  as a foreign
(4 rows)
doc                                      left  match           right
────────────────────  ───────────────────────  ──────────────  ────────────────────────
003_adf714cf9f5e1bca  poster of group leader   Akram al-Kaabi   alongside Iran's leader
003_adf714cf9f5e1bca  poster of group leader   Akram al-Kaabi   alongside Iran's leader
(2 rows)
match   n
──────  ─
drone   5
drones  3
(2 rows)
count
─────
    8
(1 row)
```

### timeline

`timeline` works on entities: for each one, the facts about it (as subject or as object) and the dated
documents that mention it in their own text, in date order; rows without a date come last. Columns:
`date` (the fact's `date`, else its `from`, else the date it states as object, such as a founding year,
else its `until`; the publication date for a document), `entity`, `kind` (`fact` or `document`), `what`
(the fact in words, or the document's title), `source`, `doc` and `quote`.

```mq
entities | where id == "kataib-sayyid-al-shuhada" | timeline | where date != null | select date, kind, what, source
```

```text
date        kind      what                                                                      source
──────────  ────────  ────────────────────────────────────────────────────────────────────────  ────────────
2013        fact      Kataib Sayyid al-Shuhada founded 2013                                     The National
2014        fact      Kataib Sayyid al-Shuhada member of Popular Mobilization Forces from 2014  The National
2023-11-17  fact      Kataib Sayyid al-Shuhada designated by United States                      The National
2025-04-07  document  What are the main Iran-backed militias in Iraq?                           The National
(4 rows)
```

`| render sparkline` after a timeline draws one line per entity: its events by period (see
[render](#render)).

### render

`render bar`, `render timechart` and `render sparkline` draw the result as a chart instead of a table.
`render` is the last stage of a query (E453 after it): the rows pass as they are, and the table and
`line` formats draw them with Unicode block characters fitted to the width: the terminal's in the REPL
and in `mq run` on a terminal, else `.maxwidth` (in the REPL) or 80 columns. On a colour terminal the
bars are coloured (never in a file or a pipe, nor with `NO_COLOR` set). The data formats (`csv`, `tsv`,
`json`, `jsonl`, `markdown`, `ftm`, `dot`, `graphml`) write the rows as they are, so a script that draws
a chart on the terminal gives its numbers to a program. Labels pass through the same terminal
sanitiser as table cells.

```text
render bar [label, value]
render timechart [x, y] [by series]
render sparkline [date[, value]] [by series]
```

Columns are named (compute one with `extend` first); each that is left out is the first of its kind:
the label is the first column that does not hold numbers, the date the first column of dates, the
value the first column of numbers, the series the first other column that is neither a date nor a
number. A named column that is not there is E451, one of the wrong type E452 (before the query runs when
the types are known, else when it runs), no column of the kind needed E454.

- **bar**: one bar a row, in the rows' order, under a title line `value by label`. Labels take at most
  a third of the width (cut with `…`); the largest value fills the rest after the widest number, and
  bars are drawn to an eighth of a cell. A bar starts at zero: a value at or below zero, or null, has
  no bar (its number is shown); any value above zero has at least an eighth. The REPL shows as many bars
  as table rows (`.maxrows`), with a footer for the rest.
- **timechart**: `y` summed by period of the date `x`, as columns of block characters eight lines high
  (four with two or three series, two with more), one panel per series on one scale, largest total
  first (eight at most, a footer names the rest). The axis runs from the earliest period to the latest
  with every period in between. Its unit is that of the finest date (day, month, year), in steps of a
  week, a quarter, 10 or 5 years when at least three distinct dates all start one, as `bin`'s periods
  do. When there are more periods than columns, a column sums several and the title says how many.
  Rows without a date, or without a number, are not drawn, and nor is a date coarser than the axis (on
  a month axis, `2020` is in no month): a footer counts each.
- **sparkline**: one line per series (for a `timeline`, per entity), the rows counted (or `value`
  summed) by period on one time axis shared by every line, then the line's total of dated rows and its
  undated rows. The period is the finest of day, week, month, quarter, year, 2, 5, 10, 20, 50 ... years
  whose periods fit the width, and never finer than the coarsest date, so that every dated row is drawn
  (a timeline holds years, so its sparklines are by year or coarser). Each line has its own scale: its
  busiest period is a full block, any period with a row at least `▁`, an empty one a space.

```mq
docs | summarize n = count() by outlet | render bar outlet, n
```

```text
n by outlet
Al-Fassel    █████████████████████████████████████████████████████████████████ 2
null         ████████████████████████████████▌ 1
Arab News    ████████████████████████████████▌ 1
The National ████████████████████████████████▌ 1
```

```mq
facts | where predicate == "designated_by" | summarize n = count() by y = bin(date, 1y) | render timechart y, n
```

```text
n by y, a column per year
3 ┤           █
  │           █
  │           █
  │           █
  │           █
  │▅        ▅▅█  ▅
  │█        ███  █
  │█        ███  █
0 └───────────────
   2009       2023
1 row without a date in 'y' not drawn
```

```mq
entities | where id in ["kataib-sayyid-al-shuhada", "tower-22"] | timeline | render sparkline date by entity
```

```text
rows by date and entity, a character per year
Kataib Sayyid al-Shuhada ██        █ █ 4 dated, 10 undated
Tower 22                             █ 1 dated, 1 undated
                         2013     2025
```

On PostgreSQL (`--engine`) the query before `render` runs on the server and the chart is drawn by mq
from the rows it returns.

## 5. Operators

### Comparison: `==` `!=` `<>` `<` `<=` `>` `>=`

`a == b` and `a != b` (also written `a <> b`) compare any two values: numbers by value (`1 == 1.0`),
references by identity, a reference and a string by the reference's id, lists and records item by item,
dates by the days they cover; null equals null only. `<`, `<=`, `>`, `>=` order numbers, strings,
dates (as intervals) and bools; with a null on either side they are false; other pairs are an error (E301).
Comparisons do not chain.

```mq
print [ent("KH") == "kataib-hezbollah", 1 == 1.0, null == null, null < 1, "Al" < "al", @2009 < @2013]
```

```text
[true, true, true, false, true, true]
```

### Logic: `and` `or` `not`

`a and b`, `a or b` and `not a` take bools; `and` and `or` evaluate their right side only when needed and
treat null as false (their result is always a bool); `not null` is null. Anything else is an error (E301).

```mq
print [true and null, false or true, not (1 > 2), not null]
docs | where outlet == "Al-Fassel" and not (title has "arms") | select id
```

```text
[false, true, true, null]
id
────────────────────
000_40a7b08fdfb61403
(1 row)
```

### Membership: `in`, `not in`

`x in list` is true when an item of the list equals `x` (as `==`); `x not in list` is its negation. The
right side may be a table: its rows are the items, and the rows of a one-column table are that column's
values, so `"002_0248a6aedfd10660" in (t | select id)` asks whether `t` has that id. With a null list,
`in` is false and `not in` true.

```mq
let fassel = docs | where outlet == "Al-Fassel"
print ["000_40a7b08fdfb61403" in (fassel | select id), "002_0248a6aedfd10660" in fassel, "KSS" not in ["KH", "AAH"]]
facts | where predicate in ["founded", "founded_by"] and subject == "harakat-al-nujaba" | select id, object
```

```text
[true, false, true]
id                           object
───────────────────────────  ──────────────
nujaba-founded-2013-004      ~2013
nujaba-founded-by-kaabi-004  Akram al-Kaabi
(2 rows)
```

### Text: `has` `contains` `startswith` `endswith` `matches`

The left side is a string (a reference counts as its readable text: an entity's name, a document's id, a
mention's surface, a fact's id); the right side a string. All are false when either side is null.

- `text has words`: the words occur in the text as whole words, in a row, compared as the name matcher
  compares names (case, diacritics, apostrophes, `al-`/`al `/`el-` forms and spelling variants folded):
  `"Kata'ib Hizballah" has "kataib hezbollah"` is true, `"drones" has "drone"` is false.
- `text contains part`: the part occurs anywhere in the text, ignoring case. On a list, `contains` and
  `has` test membership instead: `names contains "KSS"`.
- `text startswith prefix`, `text endswith suffix`: ignoring case.
- `text matches regex`: the regular expression (ICU syntax, as NSRegularExpression) matches somewhere in
  the text; it is case-sensitive unless it starts with `(?i)`. Write patterns as raw strings. Patterns
  longer than 1000 characters, and patterns with a repeated group that itself repeats (`(a+)+`, which can
  take exponential time), are refused (E302).

```mq
print ["Kata'ib Hizballah" has "Kataib Hezbollah", "drones" has "drone", "Kataib Hezbollah" contains "HEZB"]
print ["Hashd al-Shaabi" startswith "hashd", ent("PMF").names contains "PMU", "Tower 22" matches r"\d+$"]
docs | where text matches r"(?i)\bdrones?\b" | select id
```

```text
[true, false, true]
[true, true, true]
id
────────────────────
002_0248a6aedfd10660
004_8585b73594fa1f5e
(2 rows)
```

### Dates: `within`

`date within outer` is true when the interval of the date lies inside `outer`, a date
(`@2020-01 within @2020`) or a two-item list `[from, until]` (from the first day of `from` to the last
day of `until`; a null bound is open). A null date is never within anything; a left side that is not a
date is an error.

```mq
facts | where date within [@2019, @2020] | select id, date | sort by date, id
```

```text
id                                 date
─────────────────────────────────  ───────
fatemiyoun-sanctioned-2019-001     2019
nujaba-designated-2019-004         2019
zaynabiyoun-sanctioned-2019-001    2019
laith-khazali-designated-2020-004  2020
muhandis-killed-2020-004           2020
qais-khazali-designated-2020-004   2020
soleimani-killed-2020-004          2020
aah-designated-2020-004            2020-01
muhandis-killed-2020-01-002        2020-01
soleimani-killed-2020-01-002       2020-01
(10 rows)
```

### Arithmetic: `+` `-` `*` `/` `%` and negation

On two ints the result is an int: `/` truncates toward zero and `%` keeps the sign of the left side
(`-7 % 3` is `-1`); an int with a float gives a float. `+` also joins two strings or two lists. Null on
either side gives null. Division by zero is an error (E401), and so is an integer overflow (E406). NaN is
never a value: what would make one (`float("nan")`, `inf - inf`, `0 * inf`, `inf % 2.0`, `sum` of `inf`
and `-inf`) is an error (E407); infinities are values, which sort and group like other numbers.

```mq
print [7 / 2, 7.0 / 2, -7 % 3, 2 * 3 + 1, "Kataib " + "Hezbollah", [1] + [2, 3], 1 + null, -(2.5)]
```

```text
[3, 3.5, -1, 7, "Kataib Hezbollah", [1, 2, 3], null, -2.5]
```

## 6. Functions

A function called with null for an argument it needs gives null (so `year(published)` is null for an
undated document). A wrong type of argument is an error (E301), a wrong number of arguments E208.
Functions are available everywhere; the [aggregates](#7-aggregates) only inside `summarize`. A host
program may register more (see [section 11](#11-embedding-mq-in-a-swift-program)).

### Conditionals

#### if

`if(condition, then, else) -> any`: `then` when the condition is true, `else` otherwise (null counts as
false). Only the branch taken is evaluated.

```mq
docs | select id, dated = if(published != null, "dated", "undated")
```

```text
id                    dated
────────────────────  ───────
000_40a7b08fdfb61403  undated
001_01923c50350c9699  undated
002_0248a6aedfd10660  dated
003_adf714cf9f5e1bca  undated
004_8585b73594fa1f5e  dated
(5 rows)
```

#### coalesce

`coalesce(a, b, ...) -> any`: the first argument that is not null (1 to 16 arguments), evaluated left to
right until one is found; null when all are null.

```mq
docs | select id, source = coalesce(outlet, first(authors), "unknown")
```

```text
id                    source
────────────────────  ─────────────
000_40a7b08fdfb61403  Al-Fassel
001_01923c50350c9699  Sammar Khader
002_0248a6aedfd10660  Arab News
003_adf714cf9f5e1bca  Al-Fassel
004_8585b73594fa1f5e  The National
(5 rows)
```

### Strings

#### lower, upper

`lower(s: string) -> string`, `upper(s: string) -> string`: the string in lowercase, in uppercase.

```mq
print [lower("Kataib Hezbollah"), upper("kss")]
```

```text
["kataib hezbollah", "KSS"]
```

#### trim

`trim(s: string) -> string`: the string without leading and trailing white space.

```mq
print "[" + trim("  Al-Fassel \n") + "]"
```

```text
[Al-Fassel]
```

#### substr

`substr(s: string, start: int, length: int?) -> string`: the characters from `start` (from 0) on, at most
`length` of them; indexes past the end are clipped.

```mq
print [substr("Harakat al-Nujaba", 8), substr("Harakat al-Nujaba", 0, 7), substr("KSS", 10)]
```

```text
["al-Nujaba", "Harakat", ""]
```

#### replace

`replace(s: string, find: string, with: string) -> string`: every occurrence of `find` (plain text,
case-sensitive, not empty) replaced by `with`.

```mq
print replace("Kataib Hezbollah (Hezbollah Brigades)", "Hezbollah", "Hizballah")
```

```text
"""#
}
