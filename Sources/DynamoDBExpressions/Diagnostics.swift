/// Collects the semantic errors of one expression, keeping the first of each category, so the one DynamoDB
/// would report can be chosen by the category order of that expression kind.
struct Diagnostics {
    enum Category: CaseIterable {
        case redundantParentheses
        case reservedWord
        case unknownFunction
        case misusedFunction
        case section
        case undefinedName
        case undefinedValue
        case pathOverlap
        case pathConflict
        case operandCount
        case distinctOperands
        case operandType
        case functionOperand
    }

    private var first: [Category: String] = [:]

    mutating func record(_ category: Category, _ reason: String) {
        if first[category] == nil { first[category] = reason }
    }

    /// The reason to report, following `order`; categories missing from `order` come last, in declaration order.
    func reason(in order: [Category]) -> String? {
        for category in order + Category.allCases {
            if let reason = first[category] { return reason }
        }
        return nil
    }

    /// DynamoDB's order for condition-shaped expressions (condition, filter, key condition, projection).
    static let conditionOrder: [Category] = [
        .redundantParentheses, .unknownFunction, .misusedFunction, .reservedWord, .undefinedName, .undefinedValue,
        .operandCount, .distinctOperands, .operandType, .functionOperand,
    ]

    /// DynamoDB's order for update expressions.
    static let updateOrder: [Category] = [
        .reservedWord, .unknownFunction, .misusedFunction, .section, .undefinedName, .undefinedValue, .pathOverlap,
        .pathConflict, .operandType, .operandCount, .functionOperand,
    ]
}
