// Generated from docs/language.md (lines 801 to 1200) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part3 = #"""
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
"""#
}
