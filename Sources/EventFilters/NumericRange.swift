/// The range of a `numeric` matcher: `["=", 100]`, `[">", 10]`, `[">", 10, "<=", 20]`, ...
struct NumericRange: Sendable, Hashable {
    /// One end of the range.
    struct Bound: Sendable, Hashable {
        var value: Double
        var inclusive: Bool
    }

    var lower: Bound?
    var upper: Bound?

    /// Whether `value` lies within both bounds.
    func contains(_ value: Double) -> Bool {
        if let lower, lower.inclusive ? value < lower.value : value <= lower.value { return false }
        if let upper, upper.inclusive ? value > upper.value : value >= upper.value { return false }
        return true
    }
}
