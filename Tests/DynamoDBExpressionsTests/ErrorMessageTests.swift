import DynamoDBExpressions
import DynamoDBTypes
import Testing

/// Every error message, exactly as DynamoDB words it.
struct ErrorMessageTests {
    static let values: [String: AttributeValue] = [
        ":v": .s("a"), ":s": .s("a"), ":n": .n("1"), ":a": .s("a"), ":b": .s("b"), ":t": .s("STRING"),
        ":e": .s(""), ":l": .l([]), ":incr": .n("1"), ":hashId": .s("h"), ":ts": .s("S"),
    ]

    @Test(
        "syntax errors name the token and its neighbours",
        arguments: [
            (ExpressionKind.condition, "foo", #"Syntax error; token: "<EOF>", near: "foo""#),
            (.update, "ADD hits : incr", #"Syntax error; token: ":", near: "hits : incr""#),
            (.update, "SET path = VALUE 1", #"Syntax error; token: "1", near: "VALUE 1""#),
            (.update, "SET a = :v, #,", ##"Syntax error; token: "#", near: ", #,""##),
            (.keyCondition, "pk = :hashId a", #"Syntax error; token: "a", near: ":hashId a""#),
            (.condition, "s == :v", #"Syntax error; token: "=", near: "== :v""#),
            (.filter, "a = :v AND", #"Syntax error; token: "<EOF>", near: "AND""#),
            (.condition, "a > 4", #"Syntax error; token: "4", near: "> 4""#),
            (.condition, "a = !x", #"Syntax error; token: "!", near: "= !x""#),
            (.condition, "a = :v OR b = :v)", #"Syntax error; token: ")", near: ":v)""#),
            (.condition, "a BETWEEN :a OR :b", #"Syntax error; token: "OR", near: ":a OR :b""#),
            (.condition, "a IN :a", #"Syntax error; token: ":a", near: "IN :a""#),
            (.condition, "a[x] = :v", #"Syntax error; token: "x", near: "[x]""#),
            (.condition, "and = :v", #"Syntax error; token: "and", near: "and =""#),
            (.condition, "_a = :v", #"Syntax error; token: "_", near: "_a""#),
            (.update, "SET a = _f(b)", #"Syntax error; token: "_", near: "= _f""#),
            (.update, "SET a[:v] = :v", #"Syntax error; token: ":v", near: "[:v]""#),
            (.projection, "a,,b", #"Syntax error; token: ",", near: ",,b""#),
            (.projection, "a b", #"Syntax error; token: "b", near: "a b""#),
            (.update, "a = :v", #"Syntax error; token: "a", near: "a =""#),
            (.update, "SET a :v", #"Syntax error; token: ":v", near: "a :v""#),
            (.update, "REMOVE", #"Syntax error; token: "<EOF>", near: "REMOVE""#),
            (.update, "SET a = b + ", #"Syntax error; token: "<EOF>", near: "+""#),
        ])
    func syntax(kind: ExpressionKind, source: String, reason: String) {
        #expect(errorMessage(kind, source, values: Self.values) == "Invalid \(kind.parameterName): \(reason)")
    }

    @Test("an empty expression is rejected", arguments: ExpressionKind.allCases)
    func empty(kind: ExpressionKind) {
        #expect(errorMessage(kind, "") == "Invalid \(kind.parameterName): The expression can not be empty;")
    }

    @Test(
        "semantic errors in conditions",
        arguments: [
            ("status = :v", "Attribute name is a reserved keyword; reserved keyword: status"),
            ("Data.x = :v", "Attribute name is a reserved keyword; reserved keyword: Data"),
            ("a.date = :v", "Attribute name is a reserved keyword; reserved keyword: date"),
            ("status = :x", "Attribute name is a reserved keyword; reserved keyword: status"),
            ("#x = :v", "An expression attribute name used in the document path is not defined; attribute name: #x"),
            ("a = :x", "An expression attribute value used in expression is not defined; attribute value: :x"),
            ("foo(a)", "Invalid function name; function: foo"),
            ("ATTRIBUTE_EXISTS(a)", "Invalid function name; function: ATTRIBUTE_EXISTS"),
            (
                "attribute_exists(a, b)",
                "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2"
            ),
            (
                "attribute_not_exists(:v)",
                "Operator or function requires a document path; operator or function: attribute_not_exists"
            ),
            ("((a = :v))", "The expression has redundant parentheses;"),
            ("((a)) = :v", "The expression has redundant parentheses;"),
            ("size(a)", "The function is not allowed to be used this way in an expression; function: size"),
            (
                "attribute_exists(a) = :v",
                "The function is not allowed to be used this way in an expression; function: attribute_exists"
            ),
            (
                "if_not_exists(a, :v) = :v",
                "The function is not allowed in a condition expression; function: if_not_exists"
            ),
            (
                "a = a",
                "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"
            ),
            (
                "begins_with(a.b, a.b)",
                "The first operand must be distinct from the remaining operands for this operator or function; operator: begins_with, first operand: [a, b]"
            ),
            (
                "begins_with(a, :n)",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"
            ),
            (
                "attribute_type(a, :n)",
                "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"
            ),
            (
                "attribute_type(a, b)",
                "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}"
            ),
            (
                "attribute_type(a, :t)",
                "Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"
            ),
            ("a < :l", "Incorrect operand type for operator or function; operator or function: <, operand type: L"),
            (":l >= a", "Incorrect operand type for operator or function; operator or function: >=, operand type: L"),
            (
                "a BETWEEN :l AND :l",
                "Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: L"
            ),
            (
                "size(:n) > :n",
                "Incorrect operand type for operator or function; operator or function: size, operand type: N"
            ),
            (
                "a BETWEEN :n AND :s",
                "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}"
            ),
            (
                "a BETWEEN :b AND :a",
                "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}"
            ),
            (
                "a IN (" + Array(repeating: ":v", count: 101).joined(separator: ", ") + ")",
                "The IN operator is provided with too many operands; number of operands: 101"
            ),
        ])
    func conditionSemantics(source: String, reason: String) {
        #expect(errorMessage(.condition, source, values: Self.values) == "Invalid ConditionExpression: \(reason)")
        #expect(errorMessage(.filter, source, values: Self.values) == "Invalid FilterExpression: \(reason)")
    }

    @Test(
        "semantic errors in update expressions",
        arguments: [
            ("SET views = views + :n", "Attribute name is a reserved keyword; reserved keyword: views"),
            ("SET status = :x", "Attribute name is a reserved keyword; reserved keyword: status"),
            ("SET and = :v", "Attribute name is a reserved keyword; reserved keyword: and"),
            ("SET a = :x", "An expression attribute value used in expression is not defined; attribute value: :x"),
            ("REMOVE #x", "An expression attribute name used in the document path is not defined; attribute name: #x"),
            ("SET a = :v SET b = :v", "The \"SET\" section can only be used once in an update expression;"),
            ("ADD a :n REMOVE b ADD c :n", "The \"ADD\" section can only be used once in an update expression;"),
            ("SET a = foo(b)", "Invalid function name; function: foo"),
            ("SET a = size(b)", "Invalid function name; function: size"),
            (
                "SET a = if_not_exists(:v, :v)",
                "Operator or function requires a document path; operator or function: if_not_exists"
            ),
            (
                "SET a = if_not_exists(a)",
                "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1"
            ),
            (
                "SET a = list_append(:s, b)",
                "Incorrect operand type for operator or function; operator or function: list_append, operand type: S"
            ),
            (
                "SET a = b + :s",
                "Incorrect operand type for operator or function; operator or function: +, operand type: S"
            ),
            (
                "SET a = :l - b",
                "Incorrect operand type for operator or function; operator or function: -, operand type: L"
            ),
            ("ADD a :s", "Incorrect operand type for operator or function; operator: ADD, operand type: STRING"),
            ("ADD a :l", "Incorrect operand type for operator or function; operator: ADD, operand type: LIST"),
            ("DELETE a :n", "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"),
            (
                "SET a = :v, a.b = :v",
                "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"
            ),
            (
                "SET f = :v REMOVE f",
                "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [f], path two: [f]"
            ),
            (
                "SET a.b = :v, a[0] = :v",
                "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]"
            ),
        ])
    func updateSemantics(source: String, reason: String) {
        #expect(errorMessage(.update, source, values: Self.values) == "Invalid UpdateExpression: \(reason)")
    }

    @Test(
        "semantic errors in projections",
        arguments: [
            ("name, b", "Attribute name is a reserved keyword; reserved keyword: name"),
            ("#x", "An expression attribute name used in the document path is not defined; attribute name: #x"),
            (
                "a, a.b",
                "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"
            ),
            (
                "a.b[1], a.b[1]",
                "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b, [1]], path two: [a, b, [1]]"
            ),
            (
                "a[0], a.b",
                "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]"
            ),
        ])
    func projectionSemantics(source: String, reason: String) {
        #expect(errorMessage(.projection, source) == "Invalid ProjectionExpression: \(reason)")
    }

    @Test(
        "key condition errors",
        arguments: [
            ("pk = :v OR sk = :v", "Invalid operator used in KeyConditionExpression: OR"),
            ("NOT pk = :v", "Invalid operator used in KeyConditionExpression: NOT"),
            ("pk IN (:v)", "Invalid operator used in KeyConditionExpression: IN"),
            ("pk <> :v", "Invalid operator used in KeyConditionExpression: <>"),
            ("attribute_exists(pk)", "Invalid operator used in KeyConditionExpression: attribute_exists"),
            ("attribute_not_exists(pk)", "Invalid operator used in KeyConditionExpression: attribute_not_exists"),
            ("attribute_type(pk, :ts)", "Invalid operator used in KeyConditionExpression: attribute_type"),
            ("contains(pk, :v)", "Invalid operator used in KeyConditionExpression: contains"),
            (
                ":a BETWEEN size(b) AND size(a) AND b > :b",
                "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand"
            ),
            (
                "begins_with(:a, b) AND a > :b",
                "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand"
            ),
            ("pk > size(sk)", "KeyConditionExpressions cannot contain nested operations"),
            ("pk = sk", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"),
            ("pk.a = :v", "KeyConditionExpressions cannot have conditions on nested attributes"),
            ("pk[0] = :v", "KeyConditionExpressions cannot have conditions on nested attributes"),
            (":a > :b AND pk = :v", "Invalid condition in KeyConditionExpression: No key attribute specified"),
            ("pk = :v AND pk = :v", "KeyConditionExpressions must only contain one condition per key"),
            ("pk = :v AND sk = :v AND x = :v", "Conditions can be of length 1 or 2 only"),
            ("sk = :v", "Query condition missed key schema element: pk"),
            ("sk BETWEEN :a AND :b", "Query condition missed key schema element: pk"),
            ("pk > :v", "Query key condition not supported"),
            ("begins_with(pk, :v)", "Query key condition not supported"),
            ("pk = :v AND x = :v", "Query condition missed key schema element: sk"),
            (
                "pk = :n",
                "One or more parameter values were invalid: Condition parameter type does not match schema type"
            ),
            (
                "pk = :v AND sk BETWEEN :a AND :n",
                "Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {S:a}, upper bound operand: AttributeValue: {N:1}"
            ),
            (
                "pk = :e",
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"
            ),
            (
                "pk = :v AND status = :v",
                "Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"
            ),
        ])
    func keyCondition(source: String, message: String) {
        #expect(errorMessage(.keyCondition, source, values: Self.values) == message)
    }

    @Test(
        "key condition errors that depend on the schema",
        arguments: [
            (hashOnlySchema, "pk = :v AND sk = :v", "Query key condition not supported"),
            (hashOnlySchema, "y = :v AND z = :v", "Query key condition not supported"),
            (
                hashOnlySchema, ":n > pk",
                "One or more parameter values were invalid: Condition parameter type does not match schema type"
            ),
            (
                numberSortSchema, "pk = :v AND begins_with(n, :n)",
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"
            ),
            (
                numberSortSchema, "pk = :v AND begins_with(n, :v)",
                "One or more parameter values were invalid: Condition parameter type does not match schema type"
            ),
        ])
    func keyConditionSchema(schema: KeySchema, source: String, message: String) {
        #expect(errorMessage(.keyCondition, source, values: Self.values, keySchema: schema) == message)
    }
}
