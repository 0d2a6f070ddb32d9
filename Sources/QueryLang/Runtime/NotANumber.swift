/// NaN ("not a number") is never a value of the language: it is refused where it would be made
/// (`float("nan")`, `inf - inf`, `0 * inf`, `sum` of `inf` and `-inf`, a function's result) with E407,
/// and a fact's number in the corpus must be finite. Infinities are values (they order and group).
///
/// Should a NaN still arrive (from a host's function inside a list, say), the order of values holds
/// anyway: NaN equals NaN, sorts after every number, and groups with the other NaNs (ValueOrder).
extension Value {
    static func notANumber(_ what: String, _ span: Span, _ file: SourceFile?) -> Diagnostic {
        Diagnostic(.notANumber, "\(what) is not a number (NaN), which is refused", at: span, in: file,
                   hints: ["check for infinities first: where x < float(\"inf\") and x > float(\"-inf\")"])
    }
}
