/// Every kind of problem mq reports, one case each: the code string a diagnostic carries (stable across
/// releases: the `"code"` of `--format json` and of `Diagnostic.code.rawValue`), what it means, a typical
/// message and what to do about it.
///
/// Codes are grouped by phase: `E0xx` reading the text, `E1xx` syntax, `E2xx` names, `E3xx` types and
/// values (`W3xx` warnings), `E4xx` running. The table of section 9 of docs/language.md lists the same rows
/// (a test keeps the two equal).
///
/// ```swift
/// do { _ = try session.run("docs | where title == tittle") }
/// catch let problems { if problems.items.first?.code == .unknownName { /* offer a completion */ } }
/// ```
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case unterminatedString = "E001"
    case unexpectedCharacter = "E002"
    case invalidDate = "E003"
    case malformedNumber = "E004"
    case invalidEscape = "E005"
    case literalTooLong = "E006"
    case unexpectedToken = "E101"
    case nestingTooDeep = "E103"
    case unfinishedStatement = "E104"
    case unknownStage = "E202"
    case unknownField = "E203"
    case unknownFunction = "E204"
    case unknownName = "E205"
    case notFound = "E206"
    case ambiguousName = "E207"
    case wrongArgumentCount = "E208"
    case duplicateName = "E209"
    case recursiveFunction = "E210"
    case wrongType = "E301"
    case invalidRegex = "E302"
    case kwicTermLooksLikeRegex = "W301"
    case wrongInput = "E303"
    case aggregateOutsideSummarize = "E304"
    case missingAggregate = "E305"
    case internalError = "E400"
    case divisionByZero = "E401"
    case limitReached = "E402"
    case interrupted = "E403"
    case assertionFailed = "E404"
    case importFailed = "E405"
    case integerOverflow = "E406"
    case notANumber = "E407"
    case noSQLForm = "E420"
    case serverError = "E421"
    case unknownGraphEntity = "E430"
    case ambiguousGraphEntity = "E431"
    case graphBoundOutOfRange = "E432"
    case asofNeedsDate = "E433"
    case unknownChart = "E450"
    case unknownChartColumn = "E451"
    case wrongChartColumnType = "E452"
    case stageAfterRender = "E453"
    case noChartColumn = "E454"

    /// The code as printed: `E205`.
    public var description: String { rawValue }

    /// `.warning` for the `W` codes (the statement still runs), `.error` for the rest.
    public var severity: Diagnostic.Severity { rawValue.hasPrefix("W") ? .warning : .error }

    /// What the code means, in one line (the "meaning" column of the table in docs/language.md).
    public var meaning: String {
        switch self {
        case .unterminatedString: "unterminated string or raw string (strings end on their line)"
        case .unexpectedCharacter: "a character that cannot start a token: `!` alone, `=>`, curly quotes, ..."
        case .invalidDate: "invalid date literal"
        case .malformedNumber: "malformed number, or an integer too large for 64 bits"
        case .invalidEscape: "unknown escape in a string, or invalid `\\u{...}`"
        case .literalTooLong: "string literal longer than 1 MiB"
        case .unexpectedToken: "syntax error: something else was expected here"
        case .nestingTooDeep: "expression nested too deeply"
        case .unfinishedStatement: "the input ends in the middle of a statement (the REPL then asks for another line)"
        case .unknownStage: "unknown stage or join kind"
        case .unknownField: "a value has no such field"
        case .unknownFunction: "unknown function"
        case .unknownName: "unknown name (no parameter, field, variable or source has it)"
        case .notFound: "no entity, document or fact by that name or id"
        case .ambiguousName: "a name several entities share, or a prefix of several document ids"
        case .wrongArgumentCount: "wrong number of arguments"
        case .duplicateName: "a parameter or record field written twice"
        case .recursiveFunction: "a function that calls itself"
        case .wrongType: "a value of the wrong type for an operator, function or stage"
        case .invalidRegex: "invalid or unsafe regular expression"
        case .kwicTermLooksLikeRegex:
            "a warning: a `kwic` term that looks like a regular expression, given without `matches` (it is read as words)"
        case .wrongInput:
            "a stage given rows it does not work on (`kwic` with no term on documents, too), or a pipeline that does not start from a table"
        case .aggregateOutsideSummarize: "an aggregate outside `summarize`"
        case .missingAggregate: "a `summarize` column with no aggregate"
        case .internalError: "an unexpected internal error (a host function that threw something other than a diagnostic)"
        case .divisionByZero: "division by zero"
        case .limitReached: "a limit was reached: steps, rows, output rows, call depth, time, string size, memory"
        case .interrupted: "the query was interrupted (cancelled from another thread, Ctrl-C in the REPL)"
        case .assertionFailed: "an assertion failed"
        case .importFailed: "an import was refused or failed, or imports form a cycle"
        case .integerOverflow: "integer overflow"
        case .notANumber:
            "a value that is not a number (NaN): `float(\"nan\")`, `inf - inf`, `0 * inf`, a sum of `inf` and `-inf`"
        case .noSQLForm:
            "a query run on PostgreSQL (`--engine`) has a part with no SQL form that gives mq's answers; nothing is sent (docs/postgresql.md)"
        case .serverError: "the PostgreSQL server reported an error while running a query"
        case .unknownGraphEntity: "`neighbors` or `paths` given something that names no entity"
        case .ambiguousGraphEntity: "`neighbors` or `paths` given a name several entities share"
        case .graphBoundOutOfRange: "a `depth` or `max` of `neighbors` or `paths` out of its range"
        case .asofNeedsDate: "`asof` given something that is not a date"
        case .unknownChart: "`render` names a chart that does not exist"
        case .unknownChartColumn: "`render` names a column its input does not have"
        case .wrongChartColumnType: "a column `render` reads holds the wrong type: dates for a time axis, numbers for bars and values"
        case .stageAfterRender: "a stage after `render`, which must be the last"
        case .noChartColumn: "`render` needs a column of numbers or dates and its input has none"
        }
    }

    /// The shape of the message, as a typical instance of it (the "example message" column).
    public var example: String {
        switch self {
        case .unterminatedString: "`unterminated string`"
        case .unexpectedCharacter: "`'=>' is not an operator` (hint: write '>=' for greater or equal)"
        case .invalidDate: "`invalid date literal '@2014-13'`"
        case .malformedNumber: "`integer 99999999999999999999 is too large (the limit is 9223372036854775807)`"
        case .invalidEscape: "`unknown escape '\\q'`"
        case .literalTooLong: "`string literal longer than 1048576 bytes`"
        case .unexpectedToken: "`expected 'by' after 'sort'`; `comparisons do not chain; combine them with 'and'`"
        case .nestingTooDeep: "`expression nested too deeply (more than 200 levels)`"
        case .unfinishedStatement: "`unfinished statement: expected a value`"
        case .unknownStage: "`unknown stage 'limit'` (hint: did you mean 'take'?)"
        case .unknownField: "`entity has no field 'nmae'` (hint: did you mean 'name'?)"
        case .unknownFunction: "`unknown function 'lenght'`"
        case .unknownName: "`unknown name 'tittle'`"
        case .notFound: "`no entity is named 'Nujaba Movment'` (hint: did you mean 'Nujaba Movement'?)"
        case .ambiguousName:
            "`'Hussein' names 2 entities` (hint: write one of: ent(\"fuad-hussein\"), ent(\"ghazi-faisal-hussein\"))"
        case .wrongArgumentCount: "`'len' takes 1 argument, got 2`"
        case .duplicateName: "`parameter 'a' appears twice`"
        case .recursiveFunction: "`'f' calls itself; functions may not be recursive`"
        case .wrongType: "`where needs a condition that is true or false, got string`; `cannot compare string with int`"
        case .invalidRegex:
            "`regular expression may take exponential time: a group with a repetition inside is itself repeated`"
        case .kwicTermLooksLikeRegex:
            "`kwic reads \"\\bdrones?\\b\" as words, but it looks like a regular expression (it holds \\b)`"
        case .wrongInput:
            "`timeline works on entities, not fact`; `a pipeline needs a table or a list to start from, got int`"
        case .aggregateOutsideSummarize: "`'count' is an aggregate: use it in summarize`"
        case .missingAggregate: "`summarize computes aggregates: count(), sum(x), list(x), ...`"
        case .internalError: "the error's own text"
        case .divisionByZero: "`division by zero`"
        case .limitReached: "`the query returns 3120500 rows, more than the output limit of 1000000`"
        case .interrupted: "`interrupted`"
        case .assertionFailed: "`assertion failed: one is not two` (hint: the condition is false)"
        case .importFailed: "`imports are not allowed here`; `import cycle: a.mq -> b.mq -> a.mq`"
        case .integerOverflow: "`integer overflow in 9223372036854775807 + 1`"
        case .notANumber: "`inf - inf is not a number (NaN), which is refused`"
        case .noSQLForm: "`'kwic' cannot run on PostgreSQL: the pattern has no literal every match holds, by which the server could narrow the documents`"
        case .serverError: "`PostgreSQL: server closed the connection unexpectedly`"
        case .unknownGraphEntity: "`paths: no entity is named 'Kataib Hezbolla'` (hint: did you mean ...)"
        case .ambiguousGraphEntity: "`paths: 'US-led coalition' names 2 entities`"
        case .graphBoundOutOfRange: "`neighbors depth must be a whole number from 1 to 6, got 9`"
        case .asofNeedsDate: "`asof needs a date, got int`"
        case .unknownChart: "`unknown chart 'barchart'` (hint: did you mean 'bar'?)"
        case .unknownChartColumn: "`render bar: the input has no column 'titel'` (hint: did you mean 'title'?)"
        case .wrongChartColumnType: "`render timechart needs dates in 'title' (the time axis), not string`"
        case .stageAfterRender: "`render must be the last stage: it draws the result`"
        case .noChartColumn: "`render bar needs a column of numbers (the length of the bars), and the input has none (columns: title)`"
        }
    }

    /// What to do about it, in one line (the "what to do" column; `.help E205` in the REPL shows it).
    /// No `|` in these texts: they are cells of a Markdown table.
    public var help: String {
        switch self {
        case .unterminatedString: "close the string with the same quote on the same line; write `\\n` for a line break"
        case .unexpectedCharacter: "use `not` for negation, `!=` for inequality, `>=` and `<=`, straight quotes"
        case .invalidDate: "write `@YYYY`, `@YYYY-MM` or `@YYYY-MM-DD` with a real month and day"
        case .malformedNumber: "write digits with at most one `.`; for larger values use a float: `1e20`"
        case .invalidEscape: "the escapes are `\\n \\t \\r \\0 \\\\ \\\" \\' \\u{hex}`; a raw string `r\"...\"` has none"
        case .literalTooLong: "put large texts in the corpus and read them from there"
        case .unexpectedToken: "look at the caret: the hint names what may come there"
        case .nestingTooDeep: "split the expression with `let` bindings or functions"
        case .unfinishedStatement: "finish the statement (in the REPL, type the rest on the next line)"
        case .unknownStage: "`.help stages` lists the stages; the hint names the closest"
        case .unknownField: "`.schema` lists the fields of each kind of row; the hint names the closest"
        case .unknownFunction: "`.help functions` lists them; a host may register more"
        case .unknownName: "define it with `let`, pass it as a parameter, or check the spelling (the hint names the closest)"
        case .notFound: "check the spelling: the hint names the closest names or ids; `entities` lists the catalog"
        case .ambiguousName: "use one of the ids the hint lists: `ent(\"id\")`, or more of the document id"
        case .wrongArgumentCount: "`.help NAME` shows the function's signature"
        case .duplicateName: "rename or drop one of the two"
        case .recursiveFunction: "write it with `expand`, a list function or a pipeline instead"
        case .wrongType: "convert the value (`int(x)`, `float(x)`, `str(x)`, `date(x)`) or compare it: `... == ...`"
        case .invalidRegex: "fix the pattern, or avoid a repeated group that itself repeats: `(a+)+` as `a+`"
        case .kwicTermLooksLikeRegex: "to search with a pattern, filter with `matches` first; to search words, drop the signs"
        case .wrongInput: "start the pipeline from the right source (`docs`, `mentions`, `entities`, `facts`)"
        case .aggregateOutsideSummarize: "use it in `summarize`, or end a pipeline with the `count` stage"
        case .missingAggregate: "wrap the column in an aggregate, or put it after `by`"
        case .internalError: "report it with the query; the host's own error is in the message"
        case .divisionByZero: "test the divisor first: `if(d == 0, null, n / d)`"
        case .limitReached: "narrow the query (`where`, `take`), count instead of listing, or raise the limit"
        case .interrupted: "run the query again when ready; nothing was changed"
        case .assertionFailed: "the hint shows the value the condition had"
        case .importFailed: "check the path (relative to the importing file) and break the cycle; a host must grant file access"
        case .integerOverflow: "use floats: `float(x)`"
        case .notANumber: "test the inputs first; infinities are values, NaN is not"
        case .noSQLForm: "run the query with the built-in engine (leave out `--engine`)"
        case .serverError: "check the server and the pushed corpus (`mq corpus push`); the server's own words are in the message"
        case .unknownGraphEntity: "give an entity, its id or one of its names (the hint suggests the nearest)"
        case .ambiguousGraphEntity: "give the entity's id (the hint lists them) or `ent(\"id\")`"
        case .graphBoundOutOfRange: "use a depth from 1 to 6 and a max from 1 to 10000"
        case .asofNeedsDate: "write a date literal (`asof @2024-01`) or an expression that gives a date"
        case .unknownChart: "use one of `bar`, `timechart`, `sparkline`"
        case .unknownChartColumn: "name a column of the input, or compute it with `extend` before `render`"
        case .wrongChartColumnType: "name a column of dates for the axis and one of numbers for the values (`bin(date, 1y)`, `count()`)"
        case .stageAfterRender: "move `render` to the end of the pipeline"
        case .noChartColumn: "summarize first (`summarize n = count() by ...`) or compute the column with `extend`"
        }
    }
}
