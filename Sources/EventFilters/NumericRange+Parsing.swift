extension NumericRange {
    /// Parses the operand of `numeric`: `["=", n]`, or one or two bounds (`>`/`>=` below, `<`/`<=` above).
    init(parsing operand: FilterDocument, path: String) throws(FilterPatternError) {
        func failure(_ detail: String) -> FilterPatternError {
            FilterPatternError(.invalidNumericRange, at: path, "\"numeric\" " + detail)
        }
        guard case .array(let items) = operand else {
            throw failure("needs an array of operators and numbers, found \(operand.shortDescription).")
        }
        guard !items.isEmpty, items.count.isMultiple(of: 2) else {
            throw failure("needs operator/number pairs, found \(items.count) item\(items.count == 1 ? "" : "s").")
        }
        var range = NumericRange()
        var sawEquals = false
        for pair in stride(from: 0, to: items.count, by: 2) {
            guard case .string(let symbol) = items[pair] else {
                throw failure(
                    "needs an operator (=, <, <=, >, >=) at position \(pair), found \(items[pair].shortDescription).")
            }
            guard case .number(let literal, let value) = items[pair + 1] else {
                throw failure("operator \"\(symbol)\" needs a number, found \(items[pair + 1].shortDescription).")
            }
            guard value.isFinite else { throw failure("operand \(literal) is out of range.") }
            switch symbol {
            case "=":
                guard items.count == 2 else { throw failure("\"=\" cannot be combined with other operators.") }
                sawEquals = true
                range.lower = Bound(value: value, inclusive: true)
                range.upper = Bound(value: value, inclusive: true)
            case ">", ">=":
                guard range.lower == nil else { throw failure("has two lower bounds (> or >=).") }
                range.lower = Bound(value: value, inclusive: symbol == ">=")
            case "<", "<=":
                guard range.upper == nil else { throw failure("has two upper bounds (< or <=).") }
                range.upper = Bound(value: value, inclusive: symbol == "<=")
            default:
                throw failure("operator \"\(symbol)\" is not one of =, <, <=, >, >=.")
            }
        }
        if !sawEquals, let lower = range.lower, let upper = range.upper, lower.value >= upper.value {
            throw failure(
                "lower bound \(Self.format(lower.value)) must be less than upper bound \(Self.format(upper.value)).")
        }
        self = range
    }

    /// A bound as written for messages: integers without a fraction.
    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
