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

### neighbors

`neighbors E [depth n] [directed]` walks the graph of its input rows: the entities within `n` hops
(default 1, at most 6) of the entity `E` (an entity, or its id or any of its names as `ent` reads them).
The edges are the input's rows:

- **facts**: a fact whose object is an entity joins its subject and its object (facts with a value, such
  as a date or a strength, join nothing). Facts are followed both ways unless `directed` is written, which
  follows them from subject to object only.
- **mentions**: two entities mentioned in the own text of one document (headline, standfirst, body,
  captions, as `cooccur by document` counts them) are joined. These edges have no direction.
- **both**: `facts | union (mentions) | neighbors ...`.

Filter the input first to choose the edges (`facts | where predicate in ["leads", "member_of"] |
neighbors ...`). One row per hop into an entity first reached at its depth: `depth`, `from` (the entity
one hop nearer, `E` itself at depth 1), `entity`, `via` (the predicates of the facts joining them, marked
`(reverse)` when the fact reads from `entity` to `from`, and `cooccur` when they share documents),
`weight` (the number of those facts and shared documents), `facts` and `docs` (the evidence). An entity
reached through two entities of the level before has two rows. Rows come by depth, then weight (largest
first), then catalog order. `from` and `entity` are the two entity columns of a link chart
(`--format dot`, `graphml`).

```mq
facts | neighbors "harakat-al-nujaba" | select entity, via, weight
```

```text
entity                       via                          weight
───────────────────────────  ───────────────────────────  ──────
Akram al-Kaabi               leads (reverse), founded_by       4
Syria                        active_in, founded_in             2
US State Department          designated_by                     1
Popular Mobilization Forces  member_of                         1
Iran                         backed_by                         1
United States                designated_by                     1
Baghdad                      active_in                         1
(7 rows)
```

### paths

`paths from A to B [directed] [max n]` finds the shortest paths from the entity `A` to the entity `B` in
the graph of its input rows (facts, mentions or both, as for `neighbors`): every path as short as the
shortest, at most `n` of them (default 10, at most 10,000), in the order of the walk (catalog order at
each step). One row per hop: `path` (1, 2, ...), `step` (1 for the hop that leaves `A`), `from`, `to`,
`via`, `weight`, `facts` and `docs` (the hop's evidence, as for `neighbors`). No path, or `A` the same as
`B`: no rows. The search widens the smaller of the two searches, from `A` and from `B`, a level at a
time, so that two entities joined through a hub meet without the whole graph being walked.

```mq
facts | paths from "akram-al-kaabi" to "qais-al-khazali" | select path, step, from, to, via
mentions | paths from "kataib-hezbollah" to "marco-rubio" max 1 | select step, from, to, docs
```

```text
path  step  from              to                via
────  ────  ────────────────  ────────────────  ───────────────────
   1     1  Akram al-Kaabi    Asaib Ahl al-Haq  leads, member_of
   1     2  Asaib Ahl al-Haq  Qais al-Khazali   leads (reverse)
   2     1  Akram al-Kaabi    Sadrist Movement  member_of
   2     2  Sadrist Movement  Qais al-Khazali   member_of (reverse)
(4 rows)
step  from                               to                                 docs
────  ─────────────────────────────────  ─────────────────────────────────  ──────────────────────────────────────────
   1  Kataib Hezbollah                   Islamic Revolutionary Guard Corps  002_0248a6aedfd10660, 004_8585b73594fa1f5e
   2  Islamic Revolutionary Guard Corps  Marco Rubio                        001_01923c50350c9699
(2 rows)
```

### conflicts

`conflicts` works on facts: the pairs of input facts that disagree. Two facts disagree when they have
the same subject and predicate, come from different documents (or from different speakers quoted in
one), and either

- give different values of a predicate that takes one value at a time (`founded`, `founded_in`,
  `strength` and `budget`; numbers only in the same unit) at dates that may be the same time, or
- give different dates of one event (`killed_by`: a person is killed once, perhaps by several hands).

Dates are compared as the intervals they cover: `2020` against `2020-01` is no disagreement, and an
approximate date (`~2013`) is widened by a year each way; a fact without a date may be any time. Other
predicates take several values at once (a person may lead two groups, hold two offices), so different
objects are no disagreement. One row per pair, the earlier input fact first: `subject`, `predicate`,
`fact`, `object`, `date`, `source`, `fact2`, `object2`, `date2`, `source2` and `reason` (`different
values` or `different dates`).

```mq
facts | conflicts | select predicate, fact, object, source, fact2, object2, source2
```

```text
predicate  fact                        object  source     fact2                              object2  source2
─────────  ──────────────────────────  ──────  ─────────  ─────────────────────────────────  ───────  ────────────────────
strength   pmf-strength-70-groups-002  70      Arab News  factions-ready-to-disarm-40-003    40       Ghazi Faisal Hussein
strength   pmf-strength-70-groups-002  70      Arab News  factions-loyal-to-khamenei-34-003  34       Ghazi Faisal Hussein
founded    pmf-founded-2014-002        2014    Arab News  pmf-founded-2017-004               2017     The National
(3 rows)
```

### corroboration

`corroboration` works on facts: each input fact with how many sources and documents make the same claim
among the input facts: the same subject, predicate and object (or value: numbers in the same unit, dates
that may be the same, texts alike but for case and spacing), at dates that may be the same time. A
source is who says it: the fact's `said_by`, else its document's outlet; two articles of one outlet are
one source and two documents. One row per fact, in input order, made from the fact (its other fields
stay readable): `id`, `subject`, `predicate`, `object`, `date`, `sources` and `documents` (both count
the fact itself) and `agreeing` (the other facts that make the same claim).

```mq
facts | where predicate == "leads" | corroboration | where documents > 1 | select id, sources, documents
```

```text
id                              sources  documents
──────────────────────────────  ───────  ─────────
kaabi-leads-nujaba-000                2          3
kaabi-leads-nujaba-003                2          3
kaabi-leads-nujaba-004                2          3
zaidi-leads-kia-000                   2          2
zaidi-leads-kia-004                   2          2
qais-khazali-leads-aah-003            2          2
qais-khazali-leads-aah-004            2          2
soleimani-leads-quds-force-002        2          2
soleimani-leads-quds-force-004        2          2
(9 rows)
```

### asof

`asof DATE` works on facts: the input facts that held at the date (a date such as `@2019-06`, or a text
holding one): who led what, held which office, belonged to, backed or was designated by whom. Events and
estimates (`founded`, `founded_by`, `founded_in`, `killed_by`, `attacked`, `strength`, `budget`) are left
out. Dates are compared as intervals, as in `conflicts`. A fact holds at the date when, taking the first
rule that applies:

- it has `from`: it holds from then until its `until` (open when absent); basis `from`;
- it has `date`: it holds at that date, or from it to its `until` when it has one; basis `date`;
- it has only `until`: it holds up to then, from a time the facts do not give; basis `until`;
- it has no date at all: it holds when its document was published; basis `stated`.

One row per fact that holds, in input order, made from the fact: `id`, `subject`, `predicate`, `object`,
`since` (the first date it is known to hold: `from`, `date` or the publication date; null for basis
`until`), `until`, `basis`, `source` and `doc`.

```mq
facts | where predicate in ["leads", "position"] | asof @2019 | select subject, object, since, until, basis
```

```text
subject                object                       since    until    basis
─────────────────────  ───────────────────────────  ───────  ───────  ─────
Shibl al-Zaidi         Kataib al-Imam Ali           2014-06  null     from
Abu Mahdi al-Muhandis  Kataib Hezbollah             null     2020     until
Abu Mahdi al-Muhandis  Popular Mobilization Forces  null     2020-01  until
Qassem Soleimani       Quds Force                   null     2020-01  until
Qassem Soleimani       Quds Force                   null     2020     until
Bashar al-Assad        President of Syria           null     2024-12  until
(6 rows)
```

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
  `"Kata'ib Hizballah" has "kataib hezbollah"` is true, `"drones" has "drone"` is false. In a row means
  as in a name: spaces, dashes or a line break inside one sentence between the words, not a comma or a
  sentence end; and a possessive ends a phrase as it ends a name (`"Iraq's militias" has "Iraq militias"`
  is false, `has "Iraq's militias"` is true). `kwic` finds the places by the same rules.
"""#
}
