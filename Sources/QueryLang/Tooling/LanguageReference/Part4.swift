// Generated from docs/language.md (lines 1201 to 1600) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part4 = #"""
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
"""#
}
