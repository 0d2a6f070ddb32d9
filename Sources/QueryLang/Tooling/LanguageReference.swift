// Generated from docs/language.md by scripts/embed-language-reference.sh: do not edit by hand.
// HelpIndexTests checks that it matches the file.

/// The text of docs/language.md, the source of every `.help` page.
enum LanguageReference {
    static let markdown = #"""
# The mq language

mq is a query language for analysts who study armed groups through the news. A query reads a corpus
(documents, an entity catalog, the mentions the matcher finds, and curated facts; see
[corpus-format.md](corpus-format.md)) and never changes it. This is the reference of the language, of its
diagnostics, of the `mq` command line and of the Swift embedding API.

Every example in a block marked `mq` runs on the `seeds/` corpus as it is shown; where a block is
followed by a `text` block, that is what `mq` printed for it.

Contents:

1. [Overview](#1-overview)
2. [Grammar](#2-grammar)
3. [Sources](#3-sources)
4. [Stages](#4-stages)
5. [Operators](#5-operators)
6. [Functions](#6-functions)
7. [Aggregates](#7-aggregates)
8. [Statements](#8-statements)
9. [Diagnostics](#9-diagnostics)
10. [The command line](#10-the-command-line)
11. [Embedding mq in a Swift program](#11-embedding-mq-in-a-swift-program)

## 1. Overview

### Pipelines

A query is a *pipeline*: a source, then stages separated by `|`. Each stage takes a table and gives a
table.

```mq
entities | where type == "armed_group" and country == "iraq" | sort by name | select id, name | take 4
```

```text
id                     name
─────────────────────  ─────────────────────
ansar-allah-al-awfiya  Ansar Allah al-Awfiya
asaib-ahl-al-haq       Asaib Ahl al-Haq
harakat-al-nujaba      Harakat al-Nujaba
jaish-al-mahdi         Jaish al-Mahdi
(4 rows)
```

A script is a list of statements, one per line. A pipeline may be spread over several lines: a line that
starts with `|` continues the statement above it, and line breaks inside `( )`, `[ ]` and `{ }` are
ignored. A `;` separates two statements on one line. `#` starts a comment that runs to the end of the line.

```mq
# The armed groups the US designated, by the date of the designation.
facts
  | where predicate == "designated_by"   # designations only
  | where subject.type == "armed_group"
  | select group = subject, by = object, date, source
  | sort by date
let n = len(docs); print n
```

```text
group                     by                   date        source
────────────────────────  ───────────────────  ──────────  ────────────
Kataib Hezbollah          United States        2009        The National
Harakat al-Nujaba         US State Department  2019        The National
Asaib Ahl al-Haq          United States        2020-01     The National
Kataib Sayyid al-Shuhada  United States        2023-11-17  The National
Harakat al-Nujaba         United States        null        Al-Fassel
Kataib Sayyid al-Shuhada  United States        null        Al-Fassel
Kataib al-Imam Ali        United States        null        Al-Fassel
Ansar Allah al-Awfiya     United States        null        The National
(8 rows)
5
```

There is one statement per pipeline: a pipeline cannot be split into several statements, but a `let` can
keep a table for later statements (`let groups = entities | where ...`, then `groups | count`).

### Values

| type | literals and examples | notes |
|---|---|---|
| null | `null` | no value: a missing outlet, an undated fact |
| bool | `true`, `false` | |
| int | `42`, `-7`, `1_000_000` | 64-bit; overflow is an error (E406), never a wrong answer |
| float | `2.5`, `.5`, `1e6`, `1.5e-3` | 64-bit |
| string | `"Kataib Hezbollah"`, `'KSS'`, `r"\bdrones?\b"` | see [literals](#literals) |
| date | `@2014`, `@2014-06`, `@2023-11-17`, `@~2013` | a date with its precision; `~` marks an approximate date |
| list | `[1, 2, 3]`, `["KH", "KSS"]` | items of any types |
| record | `{name: "KH", n: 3}`, `{"two words": 1}` | the rows of `select`, `summarize`, ... are records |
| document, entity, mention, fact | `doc("003")`, `ent("KSS")`, `fact("kh-designated-2009-004")` | *references* into the corpus, with fields (`ent("KSS").name`) |
| table | `docs`, `entities \| where ...` | rows (references or records) and column names |

References print as a readable name in tables (an entity by its name, a document by its id) and as their id
in JSON. A reference equals a string that holds its id: `subject == "kataib-hezbollah"`.

Fields are read with `.`: `m.doc.title` is the title of a mention's document. A field of a list is the
list of that field of its items: `ent("KSS").docs.title` is the list of the titles of the documents that
mention KSS. `x[i]` indexes a list, a string or a table (from 0; negative indexes count from the end; out
of range gives null), and `x["name"]` reads a field.

```mq
print ent("KSS").docs.title
print (facts | where predicate == "founded")[0].object
print ent("kataib-hezbollah").aliases[-1]
```

```text
["Iran-backed militias in Iraq scramble after US sanctions", "What are the main Iran-backed militias in Iraq?"]
@2014
KH
```

### Dates with a precision

A date is the interval it names: `@2014` is the whole year 2014, `@2014-06` the month of June 2014. Two
dates compare as intervals: `@2013 < @2014-06` (all of 2013 lies before June 2014), but `@2014 < @2014-06`
and `@2014 > @2014-06` are both false, because the intervals overlap; `<=` and `>=` hold for overlapping
dates. `==` holds when both cover the same days (`@2014` is not `@2014-06`). `d within @2014` tests that
the interval of `d` lies inside 2014; `d within [@2013, @2015-06]` that it lies inside the range.
An approximate date (`@~2013`) compares as the date it approximates. Sorting puts earlier dates first and,
at the same first day, the coarser date first (`2014`, then `2014-01`, then `2014-01-01`).

```mq
print [@2013 < @2014-06, @2014 < @2014-06, @2014 <= @2014-06, @2014-06 within @2014, @~2013 == @2013]
```

```text
[true, false, true, true, true]
```

### Null

Null is an ordinary value for `==` and `!=` (`null == null` is true, `outlet != null` finds the documents
with an outlet). Every other comparison with null is false (`published > @2020` is false for an undated
document). `and` and `or` treat null as false; `not null` is null; arithmetic on null gives null; a
function given null gives null. `where` drops the rows whose condition is null. Aggregates skip nulls
(`count()` counts rows). `sort by` puts nulls last whichever the direction. The text operators (`has`,
`contains`, ...) are false when either side is null.

```mq
docs | select id, outlet, published, dated = published != null, recent = published > @2024 | sort by id
```

```text
id                    outlet        published   dated  recent
────────────────────  ────────────  ──────────  ─────  ──────
000_40a7b08fdfb61403  Al-Fassel     null        false  false
001_01923c50350c9699  null          null        false  false
002_0248a6aedfd10660  Arab News     2025-04-03  true   true
003_adf714cf9f5e1bca  Al-Fassel     null        false  false
004_8585b73594fa1f5e  The National  2025-04-07  true   true
(5 rows)
```

### How names resolve

A bare name is looked up, in this order, among:

1. the parameters of the `def` being evaluated;
2. the fields of the current row (inside a stage: `title` in `docs | where title has "militias"`);
3. the variables defined by `let`;
4. the sources `docs`, `entities`, `mentions` and `facts`.

So a field hides a variable of the same name inside a stage, and a `let` may not usefully be called
`docs`. Inside a stage the row is the one the stage is looking at; a `def` body sees the row of the stage
that calls it. `mq check` reports a name that resolves to nothing (E205), with the closest names.

```mq
let outlet = "The National"
# Inside a stage `outlet` is the field of the row: each document is compared with itself.
print len(docs | where outlet == outlet)
# Outside a stage it is the variable.
print outlet
# To use a variable that a field hides, give it another name.
let wanted = outlet
print len(docs | where outlet == wanted)
```

```text
5
The National
1
```

## 2. Grammar

### Lexical structure

- **White space**: spaces, tabs, carriage returns and no-break spaces separate tokens.
- **Comments**: `#` to the end of the line (so a `#!` first line is allowed).
- **Line breaks** end a statement, except inside `( )`, `[ ]` and `{ }`, and before a line whose first
  token is `|`, which continues the pipeline. `;` ends a statement too.
- **Identifiers**: `[A-Za-z_][A-Za-z0-9_]*`. Reserved: `let def assert print import true false null and
  or not in`. The words `has contains matches startswith endswith within` are operators where an operator
  may stand. Stage names and the words `by asc desc kind on all width sentence document` are keywords
  only where a stage expects them.
- **Integers**: decimal digits, with `_` allowed between them (`1_000`), at most 9223372036854775807.
- **Floats**: `2.5`, `.5`, `1e6`, `2.5E-3`.
- **Strings**: `"..."` or `'...'` on one line, with the escapes `\n` `\t` `\r` `\0` `\\` `\"` `\'` and
  `\u{...}` (a Unicode scalar in hexadecimal, `\u{2019}`). At most 1 MiB.
- **Raw strings**: `r"..."` or `r'...'`: no escapes, on one line; handy for regular expressions
  (`r"\d{4}"`).
- **Dates**: `@YYYY`, `@YYYY-MM`, `@YYYY-MM-DD` with a real month and day, and `@~...` for an approximate
  date.
- **Operators and punctuation**: `| . , : ; ( ) [ ] { } == != <> < <= > >= = + - * / %` (`<>` is `!=`).

### Syntax

In EBNF (`{ x }` repeats, `[ x ]` is optional, `|` inside quotes is the pipe token):

```ebnf
program     = { statement ( NEWLINE | ";" ) } ;
statement   = "let" IDENT "=" expr
            | "def" IDENT "(" [ IDENT { "," IDENT } ] ")" "=" expr
            | "assert" expr [ "," expr ]
            | "print" expr
            | "import" STRING
            | expr ;

expr        = or_expr { "|" stage } ;                 (* a pipeline when it has stages *)
or_expr     = and_expr { "or" and_expr } ;
and_expr    = cmp_expr { "and" cmp_expr } ;
cmp_expr    = add_expr [ cmp_op add_expr ] ;          (* comparisons do not chain *)
cmp_op      = "==" | "!=" | "<>" | "<" | "<=" | ">" | ">=" | "in" | "not" "in"
            | "has" | "contains" | "matches" | "startswith" | "endswith" | "within" ;
add_expr    = mul_expr { ( "+" | "-" ) mul_expr } ;
mul_expr    = unary { ( "*" | "/" | "%" ) unary } ;
unary       = "not" cmp_expr | "-" unary | postfix ;
postfix     = primary { "." IDENT | "[" expr "]" | "(" [ expr { "," expr } ] ")" } ;
                                                      (* a call only right after a bare name *)
primary     = INT | FLOAT | STRING | DATE | "true" | "false" | "null" | IDENT
            | "(" expr ")"
            | "[" [ expr { "," expr } [ "," ] ] "]"
            | "{" [ field { "," field } [ "," ] ] "}" ;
field       = ( IDENT | STRING ) ":" expr ;

stage       = "where" or_expr
            | "select" columns
            | "extend" columns
            | "sort" "by" sort_keys
            | "take" or_expr
            | "top" or_expr "by" sort_keys
            | "distinct" [ columns ]
            | "summarize" [ columns ] [ "by" columns ]   (* at least one of the two *)
            | "join" [ "kind" "=" ( "inner" | "left" | "semi" | "anti" ) ] postfix "on" join_key { "," join_key }
            | "union" postfix
            | "expand" column
            | "count"
            | "cooccur" [ "by" ( "sentence" | "document" ) ] [ "all" ]
            | "kwic" [ or_expr ] [ "width" or_expr ]
            | "timeline" ;
columns     = column { "," column } ;
column      = [ IDENT "=" ] or_expr ;
sort_keys   = sort_key { "," sort_key } ;
sort_key    = or_expr [ "asc" | "desc" ] ;
join_key    = add_expr [ "==" add_expr ] ;
```

Stage arguments are expressions without `|`: a pipeline inside a stage is written in parentheses
(`join (facts | where predicate == "leads") on ...`). The arguments of a call, the items of a list and the
right side of `let` may be pipelines as they are (`len(docs | where outlet == null)`).

### Precedence

From the loosest to the tightest:

| level | operators | associativity |
|---|---|---|
| 1 | `\|` (pipeline) | left |
| 2 | `or` | left |
| 3 | `and` | left |
| 4 | `not` (prefix) | applies to a whole comparison: `not a == b` is `not (a == b)` |
| 5 | `==` `!=` `<>` `<` `<=` `>` `>=` `in` `not in` `has` `contains` `matches` `startswith` `endswith` `within` | none: `a < b < c` is an error (E101) |
| 6 | `+` `-` | left |
| 7 | `*` `/` `%` | left |
| 8 | `-` (negation) | prefix |
| 9 | `.field` `[index]` `f(args)` | postfix |

### Literals

```mq
print [42, -7, 1_000_000, 2.5, .5, 1e3]
print "\u{2019}curly\u{2019} and \"straight\" quotes"
print 'single quotes, \'escaped\''
print r"\d+ is a raw string: no escapes"
print "two\nlines"
print [@2014, @2014-06, @2023-11-17, @~2013]
print {name: "Kataib Hezbollah", acronyms: ["KH"], "founded in": @~2003, designated: true, note: null}
```

```text
[42, -7, 1000000, 2.5, 0.5, 1000.0]
’curly’ and "straight" quotes
single quotes, 'escaped'
\d+ is a raw string: no escapes
two
lines
[@2014, @2014-06, @2023-11-17, @~2013]
{name: "Kataib Hezbollah", acronyms: ["KH"], founded in: @~2003, designated: true, note: null}
```

## 3. Sources

Four names stand for the tables of the corpus. Each row is a reference: its fields are computed from the
corpus, and a table of references shows a few default columns. The field lists below are those of
`Semantics/FieldCatalog.swift` (which `mq check` uses).

### docs

Every document of the corpus, in id order. Default columns: `id`, `title`, `outlet`, `published`.

| field | type | meaning |
|---|---|---|
| `id` | string | file stem of the raw document |
| `title` | string | title from the metadata, else the first line |
| `outlet` | string | outlet as printed (null when the text names none) |
| `outlet_entity` | entity | the outlet as a catalog entity, where known |
| `authors` | list of string | authors as printed |
| `published` | date | publication date with its precision, or null |
| `url` | string | URL, where known |
| `language` | string | language code |
| `text` | string | the raw text, exactly as on disk |
| `length` | int | size of the raw text in bytes |
| `annotated` | bool | whether the document has metadata |
| `path` | string | path of the raw file in the corpus |
| `mentions` | list of mention | mentions in this document, in text order |
| `entities` | list of entity | distinct entities mentioned, in order of first mention |
| `facts` | list of fact | facts whose evidence is this document |
| `sentences` | int | number of sentences |

```mq
docs | select id, outlet, published, authors, sentences, mentions = len(mentions), facts = len(facts)
```

```text
id                    outlet        published   authors        sentences  mentions  facts
────────────────────  ────────────  ──────────  ─────────────  ─────────  ────────  ─────
000_40a7b08fdfb61403  Al-Fassel     null        Anas al-Bar           26        39      8
001_01923c50350c9699  null          null        Sammar Khader         68       160     33
002_0248a6aedfd10660  Arab News     2025-04-03                       134       319     74
003_adf714cf9f5e1bca  Al-Fassel     null        Anas al-Bar           30        48     13
004_8585b73594fa1f5e  The National  2025-04-07                       200       224     78
(5 rows)
```

### entities

Every entity of the catalog, in catalog order (catalog files in name order, entities in file order).
Default columns: `id`, `type`, `name`.

| field | type | meaning |
|---|---|---|
| `id` | string | stable catalog id |
| `type` | string | `armed_group`, `umbrella`, `political_party`, `state_body`, `organization`, `person`, `country` or `place` |
| `name` | string | preferred name |
| `aliases` | list of string | every other name form: the catalog's aliases, acronyms, former names and shared names |
| `acronyms` | list of string | acronyms (matched case-sensitively) |
| `names` | list of string | every name form, preferred first |
| `country` | entity | the entity's country, where known |
| `description` | string | one-line description |
| `mentions` | list of mention | every mention of the entity |
| `docs` | list of document | documents that mention it (all zones) |
| `facts` | list of fact | facts whose subject is the entity |
| `mention_count` | int | number of mentions |

```mq
entities | where type == "umbrella" | select id, name, acronyms, country, mention_count, docs = len(docs)
```

```text
id                           name                         acronyms  country  mention_count  docs
───────────────────────────  ───────────────────────────  ────────  ───────  ─────────────  ────
popular-mobilization-forces  Popular Mobilization Forces  PMF, PMU  Iraq                40     3
islamic-resistance-in-iraq   Islamic Resistance in Iraq   IRI       Iraq                 2     1
axis-of-resistance           Axis of Resistance                     null                 2     2
(3 rows)
```

### mentions

Every mention of an entity in a document, in every zone (navigation, related articles and comments
included), in document and text order. A mention of a name that several entities share and that could not
be attributed from context has a null `entity`. Default columns: `doc`, `entity`, `sentence`, `zone`,
`surface`.

| field | type | meaning |
|---|---|---|
| `doc` | document | the document |
| `entity` | entity | the entity (null when a shared name could not be attributed) |
| `sentence` | int | sentence index in the document, from 0 |
| `start` | int | UTF-8 byte offset where the mention starts in the raw text |
| `end` | int | UTF-8 byte offset just after the mention |
| `surface` | string | the text as written |
| `zone` | string | `headline`, `standfirst`, `body`, `caption`, `navigation`, `byline`, `dateline`, `related`, `ad`, `comments`, `prompt` or `bio` |
| `own` | bool | whether the zone is the article's own text (`headline`, `standfirst`, `body`, `caption`) |
| `ambiguous` | bool | whether the name is shared and was attributed from context |
| `text` | string | the sentence holding the mention |

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
`kwic` and `timeline` make new records that hold only their own columns.

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
   12
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
kataib-sayyid-al-shuhada  KSS
(8 rows)
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
either side gives null. Division by zero is an error (E401), and so is an integer overflow (E406).

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
[6, 8, 5, 20]
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
assert len(groups) == 18, "the catalog lists 18 armed groups"
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
  and `def` names of an earlier one) and stops at the first error or failed `assert`.
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
`jsonl`, `markdown` (see [Output formats](#output-formats)).

#### .output

`.output [-f] [FILE]`: sends every result to FILE until `.output` alone (or the end of the session).
The file is written when it is closed, whole; an existing file is replaced only after a yes at the
prompt, or with `-f` (a script cannot answer the prompt: it needs `-f`). Results in a file have every row
and no width limit.

#### .once

`.once [-f] FILE`: sends the results of the next statement (or pasted block) to FILE, as `.output` does.

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

#### .schema

`.schema [source]`: the sources and their fields, with types.

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
to be read (`table`, `markdown`) show a reference by a readable name: an entity by its name, a fact by its
id, a document by its id. The formats meant for other programs (`csv`, `tsv`, `json`, `jsonl`) write
every reference as its id, so that a row joins back to the catalog (`kataib-hezbollah`, not `Kataib
Hezbollah`); select the name as a column of its own when a program needs it (`select subject,
subject_name = subject.name`).

| format | tables | other values |
|---|---|---|
| `table` | aligned columns with a header, a rule and a `(N rows)` footer; references by name, lists comma-separated, null as `null` | the value as text |
| `csv` | RFC 4180: header row, fields quoted when they hold a comma, a quote or a line break; references as ids; lists and records as JSON (`["KH","KSS"]`); null as an empty field | the value as text |
| `tsv` | header row, tab-separated; tabs and line breaks inside values become spaces; references as ids, lists and records as JSON; null empty | the value as text |
| `json` | one array of row objects per result; a run of several results (a script, `-c` with several statements) is one JSON document: the array of the results, `[result1, result2, ...]` | JSON |
| `jsonl` | one row object per line | JSON, one per line |
| `markdown` | a GitHub-flavoured table (`\|` escaped, line breaks as spaces) | the value as text |

In JSON, references are written as their id (a mention as `{"doc": ..., "start": ..., "end": ...}`),
dates as strings with their precision (`"2014"`, `"~2013"`, `"2023-11-17"`), lists as arrays, records as
objects and a whole-number float with a decimal point. A table of facts shows, in every format, the
columns `id subject predicate object date doc source quote`; `select *` keeps the columns a table shows
and `select *, n = expr` adds columns after them.

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

### Diagnostics as JSON

`--error-format json` writes diagnostics as a JSON array of objects with `code`, `severity`, `message`,
`file`, `line`, `column`, `end_line`, `end_column` (1-based; the end is just after the problem), `start`,
`end` (byte offsets) and `hints`. `mq run`, `mq -c` and piped scripts write it to standard error, `mq check`
to standard output.

```sh
$ mq -c '1 / 0' --error-format json
[{"code":"E401","severity":"error","message":"division by zero","file":"<command>","line":1,"column":1,"end_line":1,"end_column":4,"start":0,"end":3,"hints":[]}]
```

### Exit status

| status | when |
|---|---|
| 0 | success |
| 1 | a query error (any diagnostic), a failed `assert`, a corpus that does not load, `mq check` found an error, `mq fmt` found a syntax error or (with `--check`) an unformatted file |
| 2 | a usage error: an unknown option or subcommand, a bad `--format` value, a script file that cannot be read |

## 11. Embedding mq in a Swift program

The `QueryLang` library is the whole language; the `mq` command is one host of it. A host loads a
`Corpus`, makes an `Engine`, and runs text through four stages:

1. **parse** (`engine.parse(text, file:)` -> `ParsedProgram`): the syntax tree and the syntax
   diagnostics (E0xx, E1xx, and unknown stages E202).
2. **check** (`engine.check(parsed, in: session)` -> `[Diagnostic]`): every error that can be found
   without running (names, fields, arity, types where known, entity names, regexes), given the variables
   and functions the session already holds.
3. **compile** (`engine.compile(text, file:, in:)` -> `CompiledProgram`, throws `Diagnostics`): parse and
   check together; a compiled program has no errors (it may carry warnings) and can be run any number of
   times.
4. **run** (`session.run(compiled, cancel:, onOutput:)`, throws `Diagnostics`): evaluates the statements
   in order, handing each result to `onOutput` as a `StatementOutput` (`.table(Table, Span)`,
   `.value(Value, Span)` or `.printed(String, Span)`), and stops at the first runtime error or failed
   assertion. `session.run(text)` compiles and runs in one call and returns the outputs.

The parts:

- **`Engine(corpus:options:)`**: immutable and `Sendable`; one engine serves any number of sessions.
- **`EngineOptions`**: `limits` (a `Limits`), `importLoader` (an `ImportLoader`, nil by default: every
  `import` is refused with E405) and `functions` (a `FunctionRegistry`: the built-ins, plus what the host
  registers).
- **`Limits`**: `maxSteps` (evaluation steps per statement, 200,000,000), `maxRows` (rows of any one
  table, 5,000,000), `maxOutputRows` (rows a statement may return, 1,000,000), `maxDepth` (expression
  nesting and call depth, 200), `maxRegexLength` (1,000), `timeout` (wall time per statement, none),
  `maxImportDepth` (16), `maxStringBytes` (64 MiB). Reaching one is E402.
- **`Session`** (from `engine.makeSession()`): the `let` variables and `def` functions of successive runs
  (a REPL, a script); `variable(_:)` reads a variable, `limits` may be changed between runs. A session
  belongs to one thread at a time; run several sessions over one engine in parallel.
- **`CancellationToken`**: `cancel()` from any thread stops a running query within milliseconds (E403);
  `reset()` makes it usable again.
- **`ImportLoader`**: `load(path, from:) -> (name, text)`; `FileImportLoader(allowedRoots:workingDirectory:)`
  reads `.mq` files inside the given directories only.
- **`QueryFunction`**: a host function: `name`, `minArgs`, `maxArgs`, `signature`, `help`, `returns` (its
  static type, for the checker), `deterministic` (default false: say true when the result depends only on
  the arguments and the corpus, and a call whose arguments are the same on every row of a `where` may be
  computed once, as built-ins are) and a body `([Value], FunctionContext) throws -> Value`. Register it with
  `options.functions.register(_:)`; it can then be called like a built-in and is checked for arity.
- **`Diagnostics`**: the error thrown by `compile` and `run`: `items` (each a `Diagnostic` with `code`,
  `severity`, `message`, `file`, `span`, `location`, `hints`); `DiagnosticRenderer().render(_:)` writes
  them as `mq` does, `json(_:)` as JSON. `OutputFormat.render(_:corpus:)` writes a `StatementOutput` in
  any of the output formats.

```swift
import QueryLang

let corpus = try Corpus.load(directory: "seeds")

var options = EngineOptions()
options.limits.maxOutputRows = 10_000
options.limits.timeout = .seconds(5)
options.importLoader = FileImportLoader(allowedRoots: ["examples"])
options.functions.register(QueryFunction(
    name: "initials", minArgs: 1, maxArgs: 1,
    signature: "initials(s: string) -> string", help: "the first letter of each word", returns: .string
) { args, _ in
    guard case let .string(s) = args[0] else { return .null }
    return .string(String(s.split(separator: " ").compactMap(\.first)))
})
let engine = Engine(corpus: corpus, options: options)

let text = """
    let groups = entities | where type == "armed_group"
    groups | select name, short = initials(name) | take 3
    """
// parse -> check: report every problem at once (an editor would do this on each keystroke).
let problems = engine.check(engine.parse(text, file: "demo.mq"))
if !problems.isEmpty { print(DiagnosticRenderer().render(problems)) }

// compile -> run, in a session that keeps `groups` for later runs.
let session = engine.makeSession()
let cancel = CancellationToken()          // cancel.cancel() from another thread stops the run
do {
    let compiled = try engine.compile(text, file: "demo.mq", in: session)
    try session.run(compiled, cancel: cancel) { output in
        print(OutputFormat.table.render(output, corpus: corpus), terminator: "")
    }
    let outputs = try session.run("groups | count")   // compile and run in one call
    for output in outputs { print(OutputFormat.json.render(output, corpus: corpus), terminator: "") }
} catch {
    print(DiagnosticRenderer().render(error.items))   // error is Diagnostics
}
```
"""#
}
