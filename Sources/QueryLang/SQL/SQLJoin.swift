/// `join`: keys compare as `==` does, except that a null key matches nothing (docs/language.md).
struct SQLJoin {
    let compiler: SQLCompiler
    let span: Span

    func compile(_ left: SQLRelation, _ kind: JoinKind, _ rightExpr: Expr, _ keys: [JoinKey]) throws -> SQLRelation {
        throw compiler.unsupported("join is not compiled yet", span)
    }
}

struct SQLUnion {
    let compiler: SQLCompiler
    let span: Span

    func compile(_ left: SQLRelation, _ rightExpr: Expr) throws -> SQLRelation {
        throw compiler.unsupported("union is not compiled yet", span)
    }
}

struct SQLCooccur {
    let compiler: SQLCompiler
    let span: Span

    func compile(_ input: SQLRelation, _ scope: CooccurScope, _ all: Bool) throws -> SQLRelation {
        throw compiler.unsupported("cooccur is not compiled yet", span)
    }
}
