import DynamoDBTypes

/// Resolution and static checks of condition-shaped expressions, with DynamoDB's messages.
extension Resolver {
    static let booleanFunctions: [String: Int] = [
        "attribute_exists": 1, "attribute_not_exists": 1, "attribute_type": 2, "begins_with": 2, "contains": 2,
    ]
    static let updateFunctions: Set<String> = ["if_not_exists", "list_append"]
    static let attributeTypeNames: Set<String> = ["S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M"]
    /// DynamoDB's limit on the list after `IN`.
    static let maximumInOperands = 100

    mutating func condition(_ syntax: Syntax.Condition) -> Condition? {
        switch syntax {
        case .parenthesized(let inner):
            if case .parenthesized = inner {
                diagnostics.record(.redundantParentheses, "The expression has redundant parentheses;")
            }
            return condition(inner)
        case .and(let a, let b):
            let (left, right) = (condition(a), condition(b))
            guard let left, let right else { return nil }
            return .and(left, right)
        case .or(let a, let b):
            let (left, right) = (condition(a), condition(b))
            guard let left, let right else { return nil }
            return .or(left, right)
        case .not(let a):
            return condition(a).map { .not($0) }
        case .comparison(let a, let symbol, let b):
            let (left, right) = (operand(a), operand(b))
            checkDistinct(symbol, [left, right])
            if symbol != "=" && symbol != "<>" { checkOrderable(symbol, [left, right]) }
            guard let left, let right, let comparator = Condition.Comparator(rawValue: symbol) else { return nil }
            return .compare(left, comparator, right)
        case .between(let a, let b, let c):
            let (subject, lower, upper) = (operand(a), operand(b), operand(c))
            checkOrderable("BETWEEN", [subject, lower, upper])
            if case .value(let low)? = lower, case .value(let high)? = upper { checkBounds(low, high) }
            guard let subject, let lower, let upper else { return nil }
            return .between(subject, lower, upper)
        case .membership(let a, let list):
            if list.count > Self.maximumInOperands {
                diagnostics.record(
                    .operandCount,
                    "The IN operator is provided with too many operands; number of operands: \(list.count)")
            }
            let subject = operand(a)
            let values = list.map { operand($0) }
            guard let subject else { return nil }
            let resolved = values.compactMap { $0 }
            return resolved.count == values.count ? .membership(subject, resolved) : nil
        case .function(let syntaxOperand):
            guard case .function(let name, let arguments, let parentheses) = syntaxOperand else { return nil }
            if parentheses > 1 {
                diagnostics.record(.redundantParentheses, "The expression has redundant parentheses;")
            }
            return booleanFunction(name, arguments)
        }
    }

    private mutating func booleanFunction(_ name: String, _ arguments: [Syntax.Operand]) -> Condition? {
        let resolved = arguments.map { operand($0) }
        guard let arity = Self.booleanFunctions[name] else {
            recordNonBooleanFunction(name)
            return nil
        }
        guard resolved.count == arity else {
            diagnostics.record(
                .operandCount,
                "Incorrect number of operands for operator or function; operator or function: \(name), "
                    + "number of operands: \(resolved.count)")
            return nil
        }
        if arity == 2 { checkDistinct(name, resolved) }
        switch name {
        case "attribute_exists", "attribute_not_exists":
            guard case .path(let path)? = resolved[0] else {
                if resolved[0] != nil { recordRequiresPath(name) }
                return nil
            }
            return name == "attribute_exists" ? .attributeExists(path) : .attributeNotExists(path)
        case "attribute_type":
            checkAttributeTypeOperand(resolved[1])
            guard let subject = resolved[0], let type = resolved[1] else { return nil }
            return .attributeType(subject, type)
        case "begins_with":
            for case let argument? in resolved {
                if let type = Self.staticType(argument), type != "S", type != "B" {
                    recordOperandType(name, type)
                }
            }
            guard let subject = resolved[0], let prefix = resolved[1] else { return nil }
            return .beginsWith(subject, prefix)
        default:
            guard let subject = resolved[0], let element = resolved[1] else { return nil }
            return .contains(subject, element)
        }
    }

    /// An operand of a comparison, `BETWEEN`, `IN` or function.
    mutating func operand(_ syntax: Syntax.Operand) -> Condition.Operand? {
        if syntax.parentheses > 1 {
            diagnostics.record(.redundantParentheses, "The expression has redundant parentheses;")
        }
        switch syntax {
        case .path(let path):
            return self.path(path).map { .path($0) }
        case .value(let placeholder, _):
            return value(placeholder).map { .value($0) }
        case .function(let name, let arguments, _):
            let resolved = arguments.map { operand($0) }
            guard name == "size" else {
                if Self.booleanFunctions[name] != nil {
                    diagnostics.record(
                        .misusedFunction,
                        "The function is not allowed to be used this way in an expression; function: \(name)")
                } else {
                    recordNonBooleanFunction(name)
                }
                return nil
            }
            guard resolved.count == 1 else {
                diagnostics.record(
                    .operandCount,
                    "Incorrect number of operands for operator or function; operator or function: size, "
                        + "number of operands: \(resolved.count)")
                return nil
            }
            guard let argument = resolved[0] else { return nil }
            if let type = Self.staticType(argument), ["N", "BOOL", "NULL"].contains(type) {
                recordOperandType("size", type)
            }
            return .size(argument)
        case .arithmetic:
            return nil
        }
    }

    /// The type an operand is known to have before evaluation: a value's own type, `N` for `size`.
    static func staticType(_ operand: Condition.Operand) -> String? {
        switch operand {
        case .value(let value): value.typeDescriptor
        case .size: "N"
        case .path: nil
        }
    }

    private mutating func recordNonBooleanFunction(_ name: String) {
        if Self.updateFunctions.contains(name) {
            diagnostics.record(
                .misusedFunction, "The function is not allowed in a condition expression; function: \(name)")
        } else if name == "size" {
            diagnostics.record(
                .misusedFunction, "The function is not allowed to be used this way in an expression; function: size")
        } else {
            diagnostics.record(.unknownFunction, "Invalid function name; function: \(name)")
        }
    }

    private mutating func recordRequiresPath(_ name: String) {
        diagnostics.record(
            .functionOperand, "Operator or function requires a document path; operator or function: \(name)")
    }

    private mutating func recordOperandType(_ name: String, _ type: String) {
        diagnostics.record(
            .operandType,
            "Incorrect operand type for operator or function; operator or function: \(name), operand type: \(type)")
    }

    /// Ordering comparisons take strings, numbers and binaries; a value of another type is an error (an
    /// attribute of another type only makes the comparison false).
    private mutating func checkOrderable(_ name: String, _ operands: [Condition.Operand?]) {
        for case let operand? in operands {
            if let type = Self.staticType(operand), !["S", "N", "B"].contains(type) { recordOperandType(name, type) }
        }
    }

    private mutating func checkDistinct(_ name: String, _ operands: [Condition.Operand?]) {
        guard operands.count == 2, case .path(let first)? = operands[0], case .path(let second)? = operands[1],
            first == second
        else { return }
        diagnostics.record(
            .distinctOperands,
            "The first operand must be distinct from the remaining operands for this operator or function; "
                + "operator: \(name), first operand: \(first)")
    }

    private mutating func checkAttributeTypeOperand(_ operand: Condition.Operand?) {
        guard let operand else { return }
        switch operand {
        case .value: break
        case .size: return recordOperandType("attribute_type", "N")
        case .path: return recordOperandType("attribute_type", "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}")
        }
        guard case .value(let value) = operand else { return }
        guard case .s(let name) = value else {
            recordOperandType("attribute_type", value.typeDescriptor)
            return
        }
        if !Self.attributeTypeNames.contains(name) {
            diagnostics.record(
                .functionOperand,
                "Invalid attribute type name found; type: \(name), valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")
        }
    }

    private mutating func checkBounds(_ low: AttributeValue, _ high: AttributeValue) {
        let bounds =
            "lower bound operand: AttributeValue: {\(low.typeDescriptor):\(low.scalarText)}, "
            + "upper bound operand: AttributeValue: {\(high.typeDescriptor):\(high.scalarText)}"
        if low.typeDescriptor != high.typeDescriptor {
            diagnostics.record(
                .functionOperand, "The BETWEEN operator requires same data type for lower and upper bounds; \(bounds)")
        } else if let order = low.ordering(comparedTo: high), order == .greater {
            diagnostics.record(
                .functionOperand,
                "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; \(bounds)")
        }
    }
}
