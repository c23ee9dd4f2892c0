import DynamoDBTypes

/// Resolution and static checks of update expressions, with DynamoDB's messages.
extension Resolver {
    mutating func update(_ clauses: [(clause: String, actions: [Syntax.UpdateAction])]) -> [UpdateAction]? {
        var seen: Set<String> = []
        var actions: [UpdateAction?] = []
        for (clause, syntaxActions) in clauses {
            if !seen.insert(clause).inserted {
                diagnostics.record(.section, "The \"\(clause)\" section can only be used once in an update expression;")
            }
            for syntax in syntaxActions { actions.append(action(syntax)) }
        }
        let resolved = actions.compactMap { $0 }
        guard resolved.count == actions.count else { return nil }
        checkDistinctPaths(resolved.map(\.path))
        return resolved
    }

    private mutating func action(_ syntax: Syntax.UpdateAction) -> UpdateAction? {
        switch syntax {
        case .set(let target, let operand):
            let path = self.path(target)
            let value = updateValue(operand)
            guard let path, let value else { return nil }
            return .set(path, value)
        case .remove(let target):
            return path(target).map { .remove($0) }
        case .add(let target, let placeholder), .delete(let target, let placeholder):
            let path = self.path(target)
            let value = self.value(placeholder)
            guard let path, let value else { return nil }
            let isAdd = if case .add = syntax { true } else { false }
            checkSetOperand(isAdd ? "ADD" : "DELETE", value)
            return isAdd ? .add(path, value) : .delete(path, value)
        }
    }

    private mutating func updateValue(_ syntax: Syntax.Operand) -> UpdateAction.Value? {
        switch syntax {
        case .path(let target):
            return path(target).map { .path($0) }
        case .value(let placeholder, _):
            return value(placeholder).map { .value($0) }
        case .arithmetic(let a, let symbol, let b):
            let (left, right) = (updateValue(a), updateValue(b))
            for case .value(let value)? in [left, right] where value.typeDescriptor != "N" {
                recordOperandType(symbol, value.typeDescriptor)
            }
            guard let left, let right else { return nil }
            return symbol == "+" ? .plus(left, right) : .minus(left, right)
        case .function(let name, let arguments, _):
            let resolved = arguments.map { updateValue($0) }
            guard name == "if_not_exists" || name == "list_append" else {
                diagnostics.record(.unknownFunction, "Invalid function name; function: \(name)")
                return nil
            }
            guard resolved.count == 2 else {
                diagnostics.record(
                    .functionOperand,
                    "Incorrect number of operands for operator or function; operator or function: \(name), "
                        + "number of operands: \(resolved.count)")
                return nil
            }
            if name == "list_append" {
                for case .value(let value)? in resolved where value.typeDescriptor != "L" {
                    recordOperandType(name, value.typeDescriptor)
                }
                guard let first = resolved[0], let second = resolved[1] else { return nil }
                return .listAppend(first, second)
            }
            guard case .path(let path)? = resolved[0] else {
                if resolved[0] != nil {
                    diagnostics.record(
                        .functionOperand,
                        "Operator or function requires a document path; operator or function: if_not_exists")
                }
                return nil
            }
            guard let fallback = resolved[1] else { return nil }
            return .ifNotExists(path, fallback)
        }
    }

    private mutating func recordOperandType(_ name: String, _ type: String) {
        diagnostics.record(
            .functionOperand,
            "Incorrect operand type for operator or function; operator or function: \(name), operand type: \(type)")
    }

    /// `ADD` takes a number or a set, `DELETE` a set.
    private mutating func checkSetOperand(_ clause: String, _ value: AttributeValue) {
        let names = [
            "S": "STRING", "N": "NUMBER", "B": "BINARY", "NULL": "NULL", "BOOL": "BOOLEAN", "L": "LIST", "M": "MAP",
        ]
        guard let name = names[value.typeDescriptor], !(clause == "ADD" && name == "NUMBER") else { return }
        diagnostics.record(
            .operandType, "Incorrect operand type for operator or function; operator: \(clause), operand type: \(name)")
    }
}
