// Generated from docs/language.md (lines 401 to 800) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part2 = #"""

```mq
mentions | where entity == "kataib-hezbollah" | select doc, sentence, start, end, zone, surface
```

```text
doc                   sentence  start   end  zone  surface
────────────────────  ────────  ─────  ────  ────  ──────────────────
002_0248a6aedfd10660        50   6699  6715  body  Kataib Hezbollah
002_0248a6aedfd10660        52   6971  6987  body  Kataib Hezbollah
004_8585b73594fa1f5e         9   1327  1343  body  Kataib Hezbollah
004_8585b73594fa1f5e         9   1345  1363  body  Hezbollah Brigades
004_8585b73594fa1f5e        15   2220  2236  body  Kataib Hezbollah
004_8585b73594fa1f5e        17   2463  2479  body  Kataib Hezbollah
(6 rows)
```

### facts

Every curated fact, in the order of the fact files (in name order). Default columns: `id`, `subject`,
`predicate`, `object`, `date`, `doc`, `source`, `quote` (in every output format: a fact is not evidence
without its words and who said them).

| field | type | meaning |
|---|---|---|
| `id` | string | stable fact id |
| `subject` | entity | who or what the fact is about |
| `predicate` | string | `leads`, `member_of`, `designated_by`, ... (see [corpus-format.md](corpus-format.md#facts-factsyaml)) |
| `object` | any | an entity, or a value: a number (int when whole), a date or a text |
| `unit` | string | unit of a numeric object (`fighters`, `USD`, ...) |
| `date` | date | when it happened or was asserted |
| `from` | date | start of validity |
| `until` | date | end of validity |
| `said_by` | entity | who asserts it (null: the document's outlet) |
| `source` | string | who says so: `said_by`'s name, else the document's outlet |
| `doc` | document | evidence document |
| `quote` | string | verbatim evidence quote |
| `note` | string | curator's note |

```mq
facts | where subject == "popular-mobilization-forces" and predicate in ["founded", "strength", "budget"] | select id, object, unit, source, doc
```

```text
id                                  object         unit      source                       doc
──────────────────────────────────  ─────────────  ────────  ───────────────────────────  ────────────────────
pmf-strength-70-groups-002          70             factions  Arab News                    002_0248a6aedfd10660
pmf-strength-250k-fighters-002      250,000        fighters  Arab News                    002_0248a6aedfd10660
pmf-strength-250k-claimed-002       250,000        fighters  Popular Mobilization Forces  002_0248a6aedfd10660
factions-ready-to-disarm-40-003     40             factions  Ghazi Faisal Hussein         003_adf714cf9f5e1bca
factions-loyal-to-khamenei-34-003   34             factions  Ghazi Faisal Hussein         003_adf714cf9f5e1bca
pmf-budget-3-3bn-002                3,300,000,000  USD       Arab News                    002_0248a6aedfd10660
pmf-budget-3-3bn-abdul-hussain-002  3,300,000,000  USD       Hussain Abdul-Hussain        002_0248a6aedfd10660
pmf-founded-2014-002                2014           null      Arab News                    002_0248a6aedfd10660
pmf-founded-2014-004                2014           null      The National                 004_8585b73594fa1f5e
pmf-founded-2017-004                2017           null      The National                 004_8585b73594fa1f5e
(10 rows)
```

A source may also be any other table or list: a `let` variable holding a table, a list of references
(`ent("KSS").docs | select id`), a single reference (a one-row table) or a list of records.

## 4. Stages

A stage takes the table on its left and gives a new one. Inside a stage, bare names are the fields of the
current row (see [How names resolve](#how-names-resolve)). `extend`, `join` (its left side) and `expand`
keep track of the reference a row was made from, so `docs | extend n = len(mentions) | where title has
"militias"` can still read `title`; `select`, `summarize`, `distinct` with columns, `count`, `cooccur`,
`kwic`, `timeline`, `neighbors`, `paths` and `conflicts` make new records that hold only their own columns;
`corroboration` and `asof` make records from the facts; `render` draws the result.

Column names: a column written `name = expr` is called `name`; otherwise it takes the name of the field
(`subject.name` gives `name`), variable or function (`upper(outlet)` gives `upper`) it is, else
`column1`, `column2`, ... by position. A repeated name gets a number: `id`, `id2`.

### where

`where condition` keeps the rows for which the condition is true; a null condition drops the row, and any
other value than a bool is an error (E301).

```mq
docs | where published within @2025-04 and title has "militias" | select id, published
```

```text
id                    published
────────────────────  ──────────
002_0248a6aedfd10660  2025-04-03
004_8585b73594fa1f5e  2025-04-07
(2 rows)
```

### select

`select column, ...` makes one record per row with exactly the given columns.

```mq
facts | where predicate == "killed_by" | select who = subject.name, by = object, date, source
```

```text
who                    by                date     source
─────────────────────  ────────────────  ───────  ────────────
Abu Mahdi al-Muhandis  United States     2020-01  Arab News
Abu Mahdi al-Muhandis  United States     2020     The National
Qassem Soleimani       United States     2020-01  Arab News
Qassem Soleimani       United States     2020     The National
Khaled al-Masoud       United States     null     Arab News
Khaled al-Masoud       Syrian Free Army  null     Arab News
(6 rows)
```

`select *` keeps every column the table shows (for a table of references, the columns listed under
[Sources](#3-sources); for records, all of them); `select *, n = expr, ...` adds columns after them, as
`extend` does. `*` comes first.

```mq
facts | where id == "walai-leads-kss-000" | select *, words = len(split(quote, " ")) | select id, source, quote, words
```

```text
id                   source     quote                                               words
───────────────────  ─────────  ──────────────────────────────────────────────────  ─────
walai-leads-kss-000  Al-Fassel  Kataib Sayyid al-Shuhada, led by Abu Alaa al-Walai      8
(1 row)
```

### extend

`extend column, ...` adds columns to each row (or replaces those of the same name) and keeps the others;
the row keeps its fields, so later stages can still use them.

```mq
docs | extend year = year(published), outlet = coalesce(outlet, "(none named)") | select id, outlet, year
```

```text
id                    outlet        year
────────────────────  ────────────  ────
000_40a7b08fdfb61403  Al-Fassel     null
001_01923c50350c9699  (none named)  null
002_0248a6aedfd10660  Arab News     2025
003_adf714cf9f5e1bca  Al-Fassel     null
004_8585b73594fa1f5e  The National  2025
(5 rows)
```

### sort by

`sort by key [asc|desc], ...` orders the rows by the keys, ascending unless `desc` is written. The sort is
stable. Nulls go last in both directions. Numbers compare by value, dates as described in
[Dates](#dates-with-a-precision), strings by Unicode code points (uppercase before lowercase), references
in corpus order (entities in catalog order: sort by `subject.name` for alphabetical order).

```mq
facts | where predicate == "founded" | sort by object desc, subject.name | select subject, object, doc
```

```text
subject                      object   doc
───────────────────────────  ───────  ────────────────────
Popular Mobilization Forces  2017     004_8585b73594fa1f5e
Kataib al-Imam Ali           2014-06  004_8585b73594fa1f5e
Popular Mobilization Forces  2014     002_0248a6aedfd10660
Popular Mobilization Forces  2014     004_8585b73594fa1f5e
Harakat al-Nujaba            ~2013    004_8585b73594fa1f5e
Ansar Allah al-Awfiya        2013     004_8585b73594fa1f5e
Kataib Sayyid al-Shuhada     2013     004_8585b73594fa1f5e
Kataib Hezbollah             ~2003    004_8585b73594fa1f5e
Asaib Ahl al-Haq             2003     002_0248a6aedfd10660
(9 rows)
```

### take

`take n` keeps the first `n` rows (`n` a whole number, 0 or more).

```mq
mentions | where entity == "akram-al-kaabi" | take 2 | select doc, surface
```

```text
doc                   surface
────────────────────  ──────────────
000_40a7b08fdfb61403  Akram al-Kaabi
003_adf714cf9f5e1bca  Akram al-Kaabi
(2 rows)
```

### top N by

`top n by key [asc|desc], ...` is `sort by` then `take n`, except that the keys sort *descending* unless
`asc` is written.

```mq
entities | where type == "person" | top 5 by mention_count | select name, mention_count
```

```text
name              mention_count
────────────────  ─────────────
Khaled al-Masoud             11
Nuri al-Maliki               10
Donald Trump                  9
Bashar al-Assad               8
Ahmad al-Sharaa               8
(5 rows)
```

### distinct

`distinct` alone removes repeated rows; `distinct column, ...` gives the distinct combinations of the
columns, as records with those columns, in first-seen order.

```mq
mentions | where entity == "harakat-al-nujaba" | distinct doc, surface
```

```text
doc                   surface
────────────────────  ───────────────────
000_40a7b08fdfb61403  Harakat al-Nujaba
003_adf714cf9f5e1bca  Harakat al-Nujaba
004_8585b73594fa1f5e  Al Nujaba Movement
004_8585b73594fa1f5e  Hezbollah Al Nujaba
004_8585b73594fa1f5e  Al Nujaba
(5 rows)
```

### summarize

`summarize aggregate, ... by key, ...` groups the rows by the keys and computes the aggregates of each
group: one record per group, keys first, in the order the groups are first seen. Without `by` there is a
single group (one row, even when the input is empty); without aggregates, the result is the distinct keys.
Each column must use an [aggregate](#7-aggregates) (E305 otherwise); the expressions inside an aggregate
are evaluated row by row, and the aggregate may be part of a larger expression
(`share = round(100.0 * countif(own) / count(), 1)`).

```mq
mentions | where entity == "popular-mobilization-forces" | summarize n = count(), own = countif(own), names = set(surface) by doc
```

```text
doc                    n  own  names
────────────────────  ──  ───  ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
001_01923c50350c9699   6    6  Popular Mobilization Forces, PMF
002_0248a6aedfd10660  26   26  Hashed Al-Shaabi, Popular Mobilization Forces, PMF, Hashed al-Shaabi, Popular Mobilisation Forces, Al-Hashd Al-Shaabi, Al-Hashd al-Shaabi
004_8585b73594fa1f5e   8    8  Popular Mobilisation Forces, PMF
(3 rows)
```

### join

`join [kind=inner|left|semi|anti] right on key, ...` pairs the rows of the left table with those of the
right table whose keys are equal. A key is either one expression evaluated on both sides (`on doc`) or
`left_expr == right_expr`, where `left_expr` is evaluated on the left rows and `right_expr` on the right
rows (`on subject == ent(id)`). Rows whose key holds a null match nothing. The right side is a source
name, a variable or a parenthesised pipeline.

- `inner` (the default): one row per matching pair: the left row's fields, then the right row's columns
  (for a table of references, its default columns: select the fields you need in the right pipeline);
  a right column whose name is already taken gets a number (`id` becomes `id1`, then `id2`, ...).
- `left`: like `inner`, and a left row with no match is kept once, with nulls in the right columns.
- `semi`: the left rows that have at least one match, unchanged.
- `anti`: the left rows that have no match, unchanged.

Keys compare like `==`, so a reference matches the string of its id; comparing a reference field with a
reference (`on object == ent(id)`) or an id with an id (`on object.id == id`) says the same thing
explicitly.

```mq
# inner: who leads which armed group, with the group's country
facts
  | where predicate == "leads"
  | join (entities | where type == "armed_group" | select id, group = name, country) on object.id == id
  | select leader = subject.name, group, country
  | take 4
# left: every umbrella, with its founding facts where there are any
entities | where type == "umbrella" | join kind=left (facts | where predicate == "founded") on id == subject.id | select name, founded = object
# semi and anti: armed groups with and without a curated designation
entities | where type == "armed_group" | join kind=semi (facts | where predicate == "designated_by") on id == subject.id | count
entities | where type == "armed_group" | join kind=anti (facts | where predicate == "designated_by") on id == subject.id | count
```

```text
leader             group                     country
─────────────────  ────────────────────────  ───────
Akram al-Kaabi     Harakat al-Nujaba         Iraq
Akram al-Kaabi     Harakat al-Nujaba         Iraq
Akram al-Kaabi     Harakat al-Nujaba         Iraq
Abu Alaa al-Walai  Kataib Sayyid al-Shuhada  Iraq
(4 rows)
name                         founded
───────────────────────────  ───────
Popular Mobilization Forces  2014
Popular Mobilization Forces  2014
Popular Mobilization Forces  2017
Islamic Resistance in Iraq   null
Axis of Resistance           null
(5 rows)
count
─────
    6
(1 row)
count
─────
   19
(1 row)
```

### union

`union right` appends the rows of another table (a source name, a variable or a parenthesised pipeline).
The columns are those of the left table, then those of the right table that the left one lacks; a row
that has no value for a column shows null.

```mq
docs | where outlet == "Arab News" | select id, kind = "document" | union (facts | where doc == "002_0248a6aedfd10660" and predicate == "founded" | select id, kind = "fact")
```

```text
id                    kind
────────────────────  ────────
002_0248a6aedfd10660  document
pmf-founded-2014-002  fact
aah-founded-2003-002  fact
(3 rows)
```

### expand

`expand [name =] list` makes one row per item of a list (or of a table's rows), with the item in the
column `name` and the other fields of the row kept. A row whose list is empty or null gives no row; a
value that is not a list gives one row with that value.

```mq
entities | where id == "kataib-sayyid-al-shuhada" | expand name_form = names | select id, name_form
```

```text
id                        name_form
────────────────────────  ──────────────────────────────────
kataib-sayyid-al-shuhada  Kataib Sayyid al-Shuhada
kataib-sayyid-al-shuhada  Kataeb Sayyid al-Shuhada
kataib-sayyid-al-shuhada  Kataib Sayed al-Shuhada
kataib-sayyid-al-shuhada  Kataib Sayyed al-Shuhada
kataib-sayyid-al-shuhada  Battalion of the Master of Martyrs
kataib-sayyid-al-shuhada  Brigades of the Master of Martyrs
kataib-sayyid-al-shuhada  Sayyid al-Shuhada Brigades
kataib-sayyid-al-shuhada  كتائب سيد الشهداء
kataib-sayyid-al-shuhada  KSS
(9 rows)
```

### count

`count` replaces the table with one row holding the number of rows, in the column `count`.

```mq
mentions | where zone == "related" | count
```

```text
count
─────
  221
(1 row)
```

### cooccur

`cooccur [by sentence|document] [all]` works on mentions: it finds the pairs of distinct entities
mentioned in the same sentence (the default) or the same document, and gives one row per pair: `a` and
`b` (the two entities, `a` before `b` in catalog order), `count` (the number of sentences, or documents,
in which both are mentioned) and `docs` (those documents). Rows come by `count`, largest first. Only the
article's own text counts (headline, standfirst, body, captions) unless `all` is written; mentions with no
entity are skipped. Filter the mentions first to restrict the pairs, and filter the pairs to look at one
entity.

```mq
mentions | where entity.type in ["armed_group", "person"] | cooccur by sentence | take 5
mentions | cooccur by document all | where a == "kataib-hezbollah" or b == "kataib-hezbollah" | take 3
```

```text
a                  b               count  docs
─────────────────  ──────────────  ─────  ────────────────────────────────────────────────────────────────
Fatemiyoun         Zaynabiyoun         5  001_01923c50350c9699
Harakat al-Nujaba  Akram al-Kaabi      4  000_40a7b08fdfb61403, 003_adf714cf9f5e1bca, 004_8585b73594fa1f5e
Hezbollah          Houthis             3  002_0248a6aedfd10660
Hezbollah          Hamas               3  002_0248a6aedfd10660
Houthis            Hamas               3  002_0248a6aedfd10660
(5 rows)
a                                  b                 count  docs
─────────────────────────────────  ────────────────  ─────  ──────────────────────────────────────────
Islamic Revolutionary Guard Corps  Kataib Hezbollah      2  002_0248a6aedfd10660, 004_8585b73594fa1f5e
Quds Force                         Kataib Hezbollah      2  002_0248a6aedfd10660, 004_8585b73594fa1f5e
US State Department                Kataib Hezbollah      2  002_0248a6aedfd10660, 004_8585b73594fa1f5e
(3 rows)
```
"""#
}
