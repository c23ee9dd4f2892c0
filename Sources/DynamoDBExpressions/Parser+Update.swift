/// Update grammar: clauses `SET`, `REMOVE`, `ADD`, `DELETE` (any order), each a comma-separated list.
extension Parser {
    static let updateClauses: Set<String> = ["SET", "REMOVE", "ADD", "DELETE"]

    /// The clauses in order of appearance, each with its clause keyword (upper-case) and actions.
    mutating func parseUpdate() throws(ExpressionError) -> [(clause: String, actions: [Syntax.UpdateAction])] {
        var clauses: [(clause: String, actions: [Syntax.UpdateAction])] = []
        repeat {
            guard current.kind == .word, Self.updateClauses.contains(current.text.uppercased()) else {
                throw syntaxError()
            }
            let clause = current.text.uppercased()
            advance()
            var actions = [try parseUpdateAction(clause)]
            while current.isSymbol(",") {
                advance()
                actions.append(try parseUpdateAction(clause))
            }
            clauses.append((clause, actions))
        } while current.kind != .end
        return clauses
    }

    private mutating func parseUpdateAction(_ clause: String) throws(ExpressionError) -> Syntax.UpdateAction {
        let path = try parseUpdatePath()
        switch clause {
        case "SET":
            try expectSymbol("=")
            return .set(path, try parseSetValue())
        case "REMOVE":
            return .remove(path)
        default:
            guard current.kind == .valuePlaceholder else { throw syntaxError() }
            let value = current.text
            advance()
            return clause == "ADD" ? .add(path, value) : .delete(path, value)
        }
    }

    private mutating func parseUpdatePath() throws(ExpressionError) -> Syntax.Path {
        // Clause keywords cannot start a path; everything else a path may hold is allowed.
        if current.kind == .word, Self.updateClauses.contains(current.text.uppercased()) { throw syntaxError() }
        return try parsePath(keywordsAreNames: true)
    }

    /// `operand`, `operand + operand` or `operand - operand`, optionally in parentheses.
    private mutating func parseSetValue() throws(ExpressionError) -> Syntax.Operand {
        try nested { parser throws(ExpressionError) in try parser.parseSetValueHere() }
    }

    private mutating func parseSetValueHere() throws(ExpressionError) -> Syntax.Operand {
        if current.isSymbol("(") {
            let saved = (position, operators)
            advance()
            if let inner = try? parseSetValue(), current.isSymbol(")") {
                advance()
                if !current.isSymbol("+") && !current.isSymbol("-") { return inner.wrapped() }
            }
            (position, operators) = saved
        }
        let left = try parseUpdateOperand()
        if current.isSymbol("+") || current.isSymbol("-") {
            try countOperator()
            let symbol = current.text
            advance()
            return .arithmetic(left, symbol, try parseUpdateOperand())
        }
        return left
    }

    private mutating func parseUpdateOperand() throws(ExpressionError) -> Syntax.Operand {
        try nested { parser throws(ExpressionError) in try parser.parseUpdateOperandHere() }
    }

    private mutating func parseUpdateOperandHere() throws(ExpressionError) -> Syntax.Operand {
        switch current.kind {
        case .symbol where current.text == "(":
            advance()
            let inner = try parseUpdateOperand()
            try expectSymbol(")")
            return inner.wrapped()
        case .valuePlaceholder:
            defer { advance() }
            return .value(current.text, parentheses: 0)
        case .word where next.isSymbol("("):
            try countOperator()
            let name = current.text
            advance()
            advance()
            var arguments = [try parseUpdateOperand()]
            while current.isSymbol(",") {
                advance()
                arguments.append(try parseUpdateOperand())
            }
            try expectSymbol(")")
            return .function(name: name, arguments: arguments, parentheses: 0)
        default:
            return .path(try parsePath(keywordsAreNames: true))
        }
    }
}
