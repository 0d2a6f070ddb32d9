/// Numeric functions and conversions.
enum MathFunctions {
    static let all: [QueryFunction] = [
        QueryFunction(name: "abs", minArgs: 1, maxArgs: 1, signature: "abs(x: number) -> number", help: "the absolute value") { a, c in
            switch a[0] {
            case .null: return .null
            case let .int(i):
                guard i != Int64.min else {
                    throw Diagnostic(.integerOverflow, "integer overflow in abs", at: c.span, in: c.file)
                }
                return .int(Swift.abs(i))
            case let .float(f): return .float(Swift.abs(f))
            default: throw c.error("abs needs a number, got \(a[0].typeName)")
            }
        },
        QueryFunction(name: "round", minArgs: 1, maxArgs: 2, signature: "round(x: number, digits: int?) -> float",
                      help: "x rounded to digits after the point (default 0)", returns: .float) { a, c in
            guard let x = try c.number(a[0], "round's argument") else { return .null }
            let digits = a.count == 2 ? Int(clamping: try c.int(a[1], "digits") ?? 0) : 0
            let p = pow10(max(-15, min(15, digits)))
            return .float((x * p).rounded() / p)
        },
        QueryFunction(name: "floor", minArgs: 1, maxArgs: 1, signature: "floor(x: number) -> int", help: "the largest integer not above x", returns: .int) { a, c in
            guard let x = try c.number(a[0], "floor's argument") else { return .null }
            return try toInt(x.rounded(.down), c)
        },
        QueryFunction(name: "ceil", minArgs: 1, maxArgs: 1, signature: "ceil(x: number) -> int", help: "the smallest integer not below x", returns: .int) { a, c in
            guard let x = try c.number(a[0], "ceil's argument") else { return .null }
            return try toInt(x.rounded(.up), c)
        },
        QueryFunction(name: "int", minArgs: 1, maxArgs: 1, signature: "int(x: number | string) -> int",
                      help: "x as an integer (floats are truncated; text is parsed)", returns: .int) { a, c in
            switch a[0] {
            case .null: return .null
            case let .int(i): return .int(i)
            case let .float(f): return try toInt(f.rounded(.towardZero), c)
            case let .string(s):
                guard let i = Int64(s.trimmed) else { throw c.error("'\(s)' is not an integer") }
                return .int(i)
            case let .bool(b): return .int(b ? 1 : 0)
            default: throw c.error("int needs a number or text, got \(a[0].typeName)")
            }
        },
        QueryFunction(name: "float", minArgs: 1, maxArgs: 1, signature: "float(x: number | string) -> float",
                      help: "x as a float", returns: .float) { a, c in
            switch a[0] {
            case .null: return .null
            case let .int(i): return .float(Double(i))
            case let .float(f): return .float(f)
            case let .string(s):
                guard let f = Double(s.trimmed) else { throw c.error("'\(s)' is not a number") }
                guard !f.isNaN else {
                    throw c.error("'\(s)' is not a number: NaN is refused (it would not equal itself, sort or group)", code: .notANumber)
                }
                return .float(f)
            default: throw c.error("float needs a number or text, got \(a[0].typeName)")
            }
        },
    ]

    static func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<Swift.abs(n) { p *= 10 }
        return n < 0 ? 1 / p : p
    }

    static func toInt(_ x: Double, _ c: FunctionContext) throws -> Value {
        guard x.isFinite, x >= -9.2e18, x <= 9.2e18 else { throw c.error("\(x) does not fit in an integer") }
        return .int(Int64(x))
    }
}
