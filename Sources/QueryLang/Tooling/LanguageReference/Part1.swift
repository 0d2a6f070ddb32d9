// Generated from docs/language.md (lines 1 to 400) by scripts/embed-language-reference.sh: do not edit.

extension LanguageReference {
    static let part1 = #"""
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
badr-organization      Badr Organization
harakat-al-nujaba      Harakat al-Nujaba
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
- **Periods**: a count and a unit `y` (years), `q` (quarters), `m` (months), `w` (weeks) or `d` (days)
  with nothing between them: `1y`, `1q`, `1m`, `1w`, `1d`, `5y`. A period is the same as its text in
  quotes (`1y` is `"1y"`): it is what `bin` takes. Another letter after a number is E004.
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
"""#
}
