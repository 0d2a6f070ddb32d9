/// What the passes may rely on about a pipeline's place in the program.
struct PlanContext {
    let corpus: Corpus
    let functions: FunctionRegistry
    /// Functions defined with `def` where the pipeline stands (their calls are never constant).
    var userFunctions: Set<String>
    /// Parameters of the enclosing `def` (they hide row fields and sources).
    var locals: Set<String>
    /// Whether names were resolved statically (false for a pipeline planned without the checker's
    /// knowledge: then no access path that depends on what a name means is chosen).
    var namesKnown: Bool
    /// The corpus's fields as vectors, for the columnar executor (nil: no columnar plans).
    var columns: CorpusColumns? = nil
    /// The kind of the references a table-valued expression's rows are, when its plan says so (a join's
    /// right side); nil when they are not all references of one kind, or not known.
    var referenceRows: (Expr) -> ReferenceKind? = { _ in nil }
    /// The plan (after the passes) of a nested pipeline that reads nothing of the row it stands in (a
    /// union's right side at the top level), when it was planned; nil otherwise.
    var nestedPlan: (Expr) -> PlanNode? = { _ in nil }

    /// Whether an expression has the same value on every row: it reads no field, variable or parameter
    /// (no bare name at all) and calls only deterministic built-in functions.
    func isRowInvariant(_ e: Expr) -> Bool {
        RowInvariance.holds(e, functions: functions, userFunctions: userFunctions)
    }
}

enum RowInvariance {
    static func holds(_ e: Expr, functions: FunctionRegistry, userFunctions: Set<String>) -> Bool {
        func walk(_ e: Expr) -> Bool {
            switch e {
            case .name, .pipeline: return false
            case let .call(name, args, _):
                guard !userFunctions.contains(name.name), args.allSatisfy(walk) else { return false }
                return FunctionRegistry.special[name.name] != nil || functions[name.name]?.isDeterministic == true
            default: return e.children.allSatisfy(walk)
            }
        }
        return walk(e)
    }
}

/// The bare names an expression reads from its row (or from variables), not counting those inside nested
/// pipelines' stages; nil when the expression holds a nested pipeline (whose source may read the row).
enum NamesRead {
    static func of(_ e: Expr) -> Set<String>? {
        var out = Set<String>()
        func walk(_ e: Expr) -> Bool {
            switch e {
            case let .name(n, _): out.insert(n); return true
            case .pipeline: return false
            default: return e.children.allSatisfy(walk)
            }
        }
        return walk(e) ? out : nil
    }
}
