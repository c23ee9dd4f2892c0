import DynamoDBTypes

/// Turns parsed placeholders into names and values, checking reserved words and recording which
/// placeholders were used; shared by every expression kind.
struct Resolver {
    let attributes: ExpressionAttributes
    var diagnostics = Diagnostics()
    var usedNames: Set<String> = []
    var usedValues: Set<String> = []

    init(_ attributes: ExpressionAttributes) {
        self.attributes = attributes
    }

    /// The path with `#names` replaced; `nil` when a placeholder is undefined (the error is recorded).
    mutating func path(_ syntax: Syntax.Path) -> DocumentPath? {
        if syntax.parentheses > 1 {
            diagnostics.record(.redundantParentheses, "The expression has redundant parentheses;")
        }
        var elements: [DocumentPath.Element] = []
        var complete = true
        for element in syntax.elements {
            switch element {
            case .word(let word):
                if ReservedWords.contains(word) {
                    diagnostics.record(.reservedWord, "Attribute name is a reserved keyword; reserved keyword: \(word)")
                }
                elements.append(.key(word))
            case .placeholder(let placeholder):
                if let name = attributes.names[placeholder] {
                    usedNames.insert(placeholder)
                    elements.append(.key(name))
                } else {
                    diagnostics.record(
                        .undefinedName,
                        "An expression attribute name used in the document path is not defined; "
                            + "attribute name: \(placeholder)")
                    complete = false
                }
            case .index(let index):
                elements.append(.index(index))
            }
        }
        return complete ? DocumentPath(elements) : nil
    }

    /// The value behind `:placeholder`; `nil` when undefined (the error is recorded).
    mutating func value(_ placeholder: String) -> AttributeValue? {
        guard let value = attributes.values[placeholder] else {
            diagnostics.record(
                .undefinedValue,
                "An expression attribute value used in expression is not defined; attribute value: \(placeholder)")
            return nil
        }
        usedValues.insert(placeholder)
        return value
    }

    /// The error to throw if anything was recorded, in `order`.
    func check(_ kind: ExpressionKind, order: [Diagnostics.Category]) throws(ExpressionError) {
        if let reason = diagnostics.reason(in: order) { throw ExpressionError(kind, reason) }
    }

    func commit(to attributes: inout ExpressionAttributes) {
        attributes.recordUse(names: usedNames, values: usedValues)
    }
}
