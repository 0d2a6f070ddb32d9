// Generated from docs/language.md (lines 1201 to 1600) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part4 = #"""

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
Kataib Hizballah (Hizballah Brigades)
```

#### split

`split(s: string, separator: string) -> list`: the parts of `s` between separators (the separator is not
empty).

```mq
print split("Kataib Hezbollah; KH; Hezbollah Brigades", "; ")
```

```text
["Kataib Hezbollah", "KH", "Hezbollah Brigades"]
```

#### join

`join(items: list, separator: string) -> string`: the items as text (references by name, dates as
literals), separated. (The `join` *stage* is a different thing: `| join ... on ...`.)

```mq
print join(ent("KSS").acronyms + ["Battalion of the Master of Martyrs"], " / ")
```

```text
KSS / Battalion of the Master of Martyrs
```

#### str

`str(x) -> string`: any value as text: an entity by its name, a document or fact by its id, a mention by
its surface, a date as its literal (`@2023-11-17`), a list or record in brackets. `str(null)` is null.

```mq
print [str(42), str(ent("KSS")), str(doc("003")), str(@2023-11-17)]
print str({n: 1, names: ["KH"]})
```

```text
["42", "Kataib Sayyid al-Shuhada", "003_adf714cf9f5e1bca", "@2023-11-17"]
{n: 1, names: ["KH"]}
```

#### concat

`concat(a, b, ...) -> string`: the arguments as text (as `str` writes them), joined; nulls are skipped
(1 to 64 arguments).

```mq
facts | where predicate == "designated_by" and date != null | select line = concat(subject, " designated ", date, " (", source, ")") | take 3
```

```text
line
──────────────────────────────────────────────────────────────
Kataib Hezbollah designated @2009 (The National)
Harakat al-Nujaba designated @2019 (The National)
Kataib Sayyid al-Shuhada designated @2023-11-17 (The National)
(3 rows)
```

#### normalize

`normalize(s: string) -> string`: the key the name matcher compares: case and diacritics folded,
apostrophes inside words removed, hyphens and punctuation made spaces, Arabic article forms written `al`,
spelling variants unified. Two names match when their keys are equal.

```mq
print [normalize("Kata'ib Hizballah"), normalize("ash-Shammari"), normalize("Al-Hashd Al-Sha'bi")]
```

```text
["kataib hezbollah", "al shammari", "al hashd al shabi"]
```

### Lists

These take lists, and tables as lists of rows.

#### len

`len(x: string | list | table) -> int`: the characters of a string, the items of a list, the rows of a
table (or the fields of a record).

```mq
print [len("Nujaba"), len(ent("KSS").names), len(docs), len(facts | where predicate == "leads")]
```

```text
[6, 9, 5, 20]
```

#### first, last

`first(items: list) -> any`, `last(items: list) -> any`: the first or last item, or null when empty.

```mq
print [first(ent("PMF").names), last(ent("PMF").names), first([])]
```

```text
["Popular Mobilization Forces", "PMU", null]
```

#### sorted

`sorted(items: list) -> list`: the items in ascending order (nulls last).

```mq
print sorted([@2014-06, @2013, null, @2014])
```

```text
[@2013, @2014, @2014-06, null]
```

#### unique

`unique(items: list) -> list`: the items without repeats, in first-seen order.

```mq
print unique(ent("harakat-al-nujaba").mentions.surface)
```

```text
["Harakat al-Nujaba", "Al Nujaba Movement", "Hezbollah Al Nujaba", "Al Nujaba"]
```

#### reverse

`reverse(items: list) -> list`: the items in reverse order.

```mq
print reverse(["a", "b", "c"])
```

```text
["c", "b", "a"]
```

#### slice

`slice(items: list, start: int, end: int?) -> list`: the items from `start` (from 0) up to `end`
(excluded; default the end); negative indexes count from the end.

```mq
print [slice(ent("KH").names, 0, 2), slice(ent("KH").names, -1)]
```

```text
[["Kataib Hezbollah", "Kataeb Hezbollah"], ["KH"]]
```

### Numbers

#### abs

`abs(x: number) -> number`: the absolute value.

```mq
print [abs(-3), abs(-2.5)]
```

```text
[3, 2.5]
```

#### round

`round(x: number, digits: int?) -> float`: `x` rounded to `digits` places after the point (default 0;
halves away from zero).

```mq
print [round(2.5), round(62183.777, 1), round(1234, -2)]
```

```text
[3.0, 62183.8, 1200.0]
```

#### floor, ceil

`floor(x: number) -> int`: the largest integer not above `x`; `ceil(x: number) -> int`: the smallest
integer not below it.

```mq
print [floor(2.7), ceil(2.1), floor(-2.5)]
```

```text
[2, 3, -3]
```

#### int, float

`int(x: number | string) -> int`: `x` as an integer (floats truncated toward zero, text parsed, `true`
is 1); `float(x: number | string) -> float`: `x` as a float.

```mq
print [int(2.9), int("42"), int(true), float(3), float(" 2.5 ")]
```

```text
[2, 42, 1, 3.0, 2.5]
```

### Dates

These also take a date written as text (`"2014-06"`).

#### year, month, day

`year(d: date) -> int`, `month(d: date) -> int`, `day(d: date) -> int`: the year, month and day; month
and day are null when the date does not have them.

```mq
print [year(@2023-11-17), month(@2023-11-17), day(@2023-11-17), month(@2014), year("2014-06")]
```

```text
[2023, 11, 17, null, 2014]
```

#### precision

`precision(d: date) -> string`: `"year"`, `"month"` or `"day"`.

```mq
facts | where date != null | summarize n = count() by precision(date)
```

```text
precision   n
─────────  ──
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
a count and a unit: `"1y"` (years), `"1q"` (quarters), `"1m"` (months), `"1w"` (weeks, from Monday),
`"1d"` (days), or more of them (`"5y"`, `"2w"`). The period is written as the date of its first day at
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
"""#
}
