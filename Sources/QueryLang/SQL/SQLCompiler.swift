/// Compiles the plans of a compiled program (``CompiledProgram/plans``) to PostgreSQL: one SELECT per
/// pipeline, over the tables of ``SQLSchema``. The plan is the one the in-memory executor runs, after the
/// same rewrite passes; each node becomes a subquery (``SQLRelation``), the stages in `SQLStages*.swift`.
///
/// What has no SQL form with mq's exact answers is refused with E420, naming the stage and the part: a
/// query never silently falls back to reading whole tables into mq.
@_spi(MQInternals) public final class SQLCompiler {
    let corpus: Corpus
    let plans: PlanSet?
    let file: SourceFile
    let interpreter: Interpreter
    let userFunctions: Set<String>
    var counter = 0
    /// Tables defined with `let name = query` earlier in the program: a later `name | ...` reads the
    /// query itself (it is inlined, as a view would be).
    var tables: [String: SQLRelation] = [:]
    /// The values of the bind parameters the compiled statements use (``SQLParameters``).
    var bindings: [SQLBinding] = []
    /// The stage being compiled, for diagnostics.
    var stage: (name: String, span: Span)?
    /// The number of partitions of the large tables on a sharded coordinator (``SQLShardedAggregate``); 0 on
    /// one server.
    var partitions = 0

    init(corpus: Corpus, plans: PlanSet?, file: SourceFile, interpreter: Interpreter) {
        self.corpus = corpus
        self.plans = plans
        self.file = file
        self.userFunctions = Set(interpreter.userFunctions.keys)
        self.interpreter = interpreter
        interpreter.file = file
    }

    /// A fresh alias or hidden column number.
    func fresh(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    func unsupported(_ what: String, _ span: Span) -> Diagnostic {
        let place = stage.map { "'\($0.name)'" } ?? "the query"
        return Diagnostic(.noSQLForm, "\(place) cannot run on PostgreSQL: \(what)", at: span, in: file,
                          hints: ["run it in memory (without --engine), or rewrite this part"])
    }

    func unwrap(_ r: Result<SQLExpr, SQLUnsupported>, _ span: Span) throws -> SQLExpr {
        switch r {
        case let .success(e): return e
        case let .failure(u): throw unsupported(u.reason, span)
        }
    }

    /// Whether mq can evaluate an expression once for every row (it reads no row or variable).
    func isConstant(_ e: Expr) -> Bool {
        if case .literal = e { return false }
        return RowInvariance.holds(e, functions: interpreter.functions, userFunctions: userFunctions)
    }

    /// Whether mq knows the expression's value before the query runs (a literal, or a constant).
    func isKnown(_ e: Expr) -> Bool {
        if case .literal = e { return true }
        return isConstant(e)
    }

    /// The value of an expression mq knows before the query runs: a constant, or one that reads only
    /// variables (from `let`) and nothing of the corpus; nil otherwise.
    func knownValue(_ e: Expr) throws -> Value? {
        if isKnown(e) { return try evaluate(e) }
        guard !readsCorpus(e), let names = NamesRead.of(e), names.allSatisfy({ global($0) != nil }) else { return nil }
        return try evaluate(e)
    }

    func evaluate(_ e: Expr) throws -> Value {
        do { return try interpreter.eval(e, .top) } catch let d as Diagnostic { throw d } catch {
            throw Diagnostic(.internalError, "\(error)", at: e.span, in: file)
        }
    }

    /// Whether an expression reads the corpus (a query, a source, a table defined with `let`, a function
    /// from `def` whose body does): such an expression runs on the server or not at all, never on mq's
    /// local copy.
    func readsCorpus(_ e: Expr) -> Bool {
        switch e {
        case .literal: return false
        case .pipeline: return true
        case let .name(n, _):
            if tables[n] != nil { return true }
            return interpreter.globals[n] == nil && FieldCatalog.sources.contains { $0.name == n }
        case let .call(n, args, _):
            if args.contains(where: readsCorpus) { return true }
            if let f = interpreter.userFunctions[n.name] { return readsCorpus(f.body) }
            return false
        default: return e.children.contains(where: readsCorpus)
        }
    }

    /// A variable's value (from `let`), when no field of the row hides it.
    func global(_ n: String) -> Value? { interpreter.globals[n] }

    /// The relation of a nested pipeline (the right side of a join, union or `in`).
    func subquery(_ e: Expr) throws -> SQLRelation {
        var inner = e
        while case let .pipeline(source, stages, span) = inner, stages.isEmpty, case .pipeline = source { inner = source; _ = span }
        if case let .pipeline(_, _, span) = inner, let plan = plans?.plan(at: span, in: file) {
            let saved = stage
            defer { stage = saved }
            return try relation(plan)
        }
        if case let .name(n, span) = inner {
            if let t = tables[n] { return t }
            if let s = FieldCatalog.sources.first(where: { $0.name == n }) { return scan(s.kind, span) }
        }
        throw unsupported("a table that is not a query on the corpus (a variable or a value)", e.span)
    }

    /// The expression compiler over the rows of `relation`.
    /// With `joins`, navigation from a column of the row (`m.doc.outlet`) becomes a LEFT JOIN on the
    /// referenced table's key, which the stage adds after its input (``SQLJoins/clause``); otherwise a
    /// scalar subquery per row.
    func expressions(_ relation: SQLRelation?, alias: String, joins: SQLJoins? = nil) -> SQLExpressionCompiler {
        SQLExpressionCompiler(context: self, row: relation.map { .init(alias: alias, relation: $0) }, joins: joins)
    }

    /// The relation of a plan node.
    func relation(_ node: PlanNode) throws -> SQLRelation {
        // The graph stages read their input's plan themselves (a union of facts and mentions is two edge lists).
        let input = node.readsGraph ? nil : try node.inputs.first.map(relation)
        stage = (node.name, node.nameSpan)
        return try SQLStages(compiler: self, node: node).compile(input)
    }

    /// Every reference of a kind, in corpus order.
    func scan(_ kind: ReferenceKind, _ span: Span) -> SQLRelation {
        let o = fresh("o:")
        let cols = SQLFields.tableColumns(kind).map { "t.\($0)" }.joined(separator: ", ")
        return SQLRelation(sql: "SELECT \(cols), t.ord AS \(SQLDialect.ident(o)) FROM \(SQLFields.table(kind)) t",
                           shape: .reference(kind), order: [(o, false)])
    }
}

extension SQLCompiler {
    /// The compiler for a program's queries.
    convenience init(engine: Engine, compiled: CompiledProgram, interpreter: Interpreter? = nil) {
        let i = interpreter ?? Interpreter(corpus: engine.corpus, limits: engine.options.limits, functions: engine.options.functions,
                                           importLoader: nil)
        self.init(corpus: engine.corpus, plans: compiled.plans, file: compiled.file, interpreter: i)
    }

    /// The relation of a query a `let` defines, kept for the queries that read it.
    func table(_ e: Expr) throws(Diagnostics) -> SQLRelation {
        do { return try subquery(e) } catch let d as Diagnostic { throw Diagnostics([d]) } catch {
            throw Diagnostics([Diagnostic(.noSQLForm, "\(error)", at: e.span, in: file)])
        }
    }

    /// The split of a pipeline that the server narrows and mq finishes (``SQLHybrid``: kwic of words or
    /// patterns, `matches`); nil for a pipeline the server runs whole.
    func hybrid(_ pipeline: Expr) throws(Diagnostics) -> SQLHybrid.Split? {
        guard case let .pipeline(_, _, span) = pipeline, let plan = plans?.plan(at: span, in: file) else { return nil }
        do { return try SQLHybrid(compiler: self).split(plan) } catch let d as Diagnostic {
            throw Diagnostics([d])
        } catch let d as Diagnostics {
            throw d
        } catch {
            throw Diagnostics([Diagnostic(.noSQLForm, "\(error)", at: pipeline.span, in: file)])
        }
    }

    /// The SQL of one pipeline (its plan as the checker made it).
    @_spi(MQInternals) public func query(_ pipeline: Expr) throws(Diagnostics) -> SQLQuery {
        do {
            if case .name = pipeline { return try SQLQuery(subquery(pipeline), compiler: self) }
            guard case let .pipeline(_, _, span) = pipeline, let plan = plans?.plan(at: span, in: file) else {
                throw unsupported("a statement that is not a query on the corpus", pipeline.span)
            }
            return try SQLQuery(relation(plan), compiler: self)
        } catch let d as Diagnostic {
            throw Diagnostics([d])
        } catch let d as Diagnostics {
            throw d
        } catch {
            throw Diagnostics([Diagnostic(.noSQLForm, "\(error)", at: pipeline.span, in: file)])
        }
    }
}
