/// Condition grammar (ConditionExpression, FilterExpression, KeyConditionExpression), loosest first:
/// `OR`, `AND`, `NOT`, then comparisons, `BETWEEN`, `IN` and functions; parentheses group.
extension Parser {
    mutating func parseCondition() throws(ExpressionError) -> Syntax.Condition {
        let condition = try parseOr()
        try expectEnd()
        return condition
    }

    private mutating func parseOr() throws(ExpressionError) -> Syntax.Condition {
        try nested { parser throws(ExpressionError) in
            var left = try parser.parseAnd()
            while parser.current.isKeyword("OR") {
                try parser.countOperator()
                parser.advance()
                left = .or(left, try parser.parseAnd())
            }
            return left
        }
    }

    private mutating func parseAnd() throws(ExpressionError) -> Syntax.Condition {
        var left = try parseNot()
        while current.isKeyword("AND") {
            try countOperator()
            advance()
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Syntax.Condition {
        if current.isKeyword("NOT") {
            try countOperator()
            advance()
            return .not(try nested { parser throws(ExpressionError) in try parser.parseNot() })
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Syntax.Condition {
        if current.isSymbol("(") {
            // `(a) = :v` groups an operand, `(a = :v)` a condition: try the operand first.
            let saved = (position, operators)
            if let operand = try? parseOperand(), startsComparison {
                return try parseComparison(after: operand)
            }
            (position, operators) = saved
            advance()
            let inner = try parseOr()
            try expectSymbol(")")
            return .parenthesized(inner)
        }
        let operand = try parseOperand()
        if startsComparison { return try parseComparison(after: operand) }
        if case .function = operand { return .function(operand) }
        throw syntaxError()
    }

    private var startsComparison: Bool {
        Self.comparators.contains(current.text) && current.kind == .symbol
            || current.isKeyword("BETWEEN") || current.isKeyword("IN")
    }

    static let comparators: Set<String> = ["=", "<>", "<", "<=", ">", ">="]

    private mutating func parseComparison(after left: Syntax.Operand) throws(ExpressionError) -> Syntax.Condition {
        try countOperator()
        if current.kind == .symbol, Self.comparators.contains(current.text) {
            let comparator = current.text
            advance()
            return .comparison(left, comparator, try parseOperand())
        }
        if current.isKeyword("BETWEEN") {
            advance()
            let lower = try parseOperand()
            guard current.isKeyword("AND") else { throw syntaxError() }
            advance()
            return .between(left, lower, try parseOperand())
        }
        advance()  // IN
        try expectSymbol("(")
        let list = try parseOperandList()
        try expectSymbol(")")
        return .membership(left, list)
    }

    /// `path`, `:value`, `function(operand, …)`, or any of those in parentheses.
    mutating func parseOperand() throws(ExpressionError) -> Syntax.Operand {
        try nested { parser throws(ExpressionError) in try parser.parseOperandHere() }
    }

    private mutating func parseOperandHere() throws(ExpressionError) -> Syntax.Operand {
        switch current.kind {
        case .symbol where current.text == "(":
            advance()
            let inner = try parseOperand()
            try expectSymbol(")")
            return inner.wrapped()
        case .valuePlaceholder:
            defer { advance() }
            return .value(current.text, parentheses: 0)
        case .word where next.isSymbol("(") && !Self.conditionKeywords.contains(current.text.uppercased()):
            try countOperator()
            let name = current.text
            advance()
            advance()
            let arguments = try parseOperandList()
            try expectSymbol(")")
            return .function(name: name, arguments: arguments, parentheses: 0)
        default:
            return .path(try parsePath())
        }
    }

    private mutating func parseOperandList() throws(ExpressionError) -> [Syntax.Operand] {
        var list = [try parseOperand()]
        while current.isSymbol(",") {
            advance()
            list.append(try parseOperand())
        }
        return list
    }
}
