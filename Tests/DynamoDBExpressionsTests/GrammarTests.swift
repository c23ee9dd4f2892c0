import DynamoDBExpressions
import DynamoDBTypes
import Testing

/// Expressions DynamoDB accepts must parse.
struct GrammarTests {
    static let values: [String: AttributeValue] = [
        ":v": .s("a"), ":w": .s("b"), ":n": .n("1"), ":l": .l([]), ":t": .s("S"),
    ]
    static let names = ["#a": "a", "#b": "b"]

    @Test(
        "conditions",
        arguments: [
            "a = :v", "a<>:v", "a < :v", "a <= :v", "a > :v", "a >= :v", ":v = a", "a = b",
            "a BETWEEN :v AND :w", "a IN (:v)", "a IN (:v, :w, b)", "a.b.c = :v", "a[0][1] = :v", "a[0].b[2].c = :v",
            "#a.#b = :v", "#a[3] = :v", "attribute_exists(a)", "attribute_not_exists(#a.b)", "attribute_type(a, :t)",
            "begins_with(a, :v)", "contains(a, :v)", "contains(a, b)", "size(a) > :n", "size(a.b[1]) BETWEEN :n AND :n",
            ":n < size(a)", "NOT a = :v", "NOT (a = :v OR b = :v)", "a = :v AND b = :v OR c = :v",
            "(a = :v) AND ((b = :v) OR c = :v)", "(a) = :v", "((a = :v) AND b = :v)", "\ta\n=\r\n:v  ",
            "a . b [ 1 ] = :v", "a1_b2 = :v", "a IN (size(b), :n)",
        ])
    func conditions(source: String) {
        #expect(errorMessage(.condition, source, names: Self.names, values: Self.values) == nil)
    }

    @Test(
        "updates",
        arguments: [
            "SET a = :v", "SET a = :v, b = :w", "SET a = b", "SET a = b + :n", "SET a = b - :n", "SET a = :n + :n",
            "SET a = if_not_exists(a, :v)", "SET a = list_append(a, :l)",
            "SET a = list_append(if_not_exists(a, :l), :l)",
            "SET a = (b + :n)", "SET a = (b) + :n", "SET a.b[1].c = :v", "SET #a = :v", "REMOVE a",
            "REMOVE a, b[1], c.d",
            "ADD a :n", "ADD a :n, b :n", "DELETE a :l", "SET a = :v REMOVE b ADD c :n DELETE d :l",
            "DELETE d :l ADD c :n REMOVE b SET a = :v", "set a = :v remove b", "SET a=:v,b=:w",
        ])
    func updates(source: String) {
        // DELETE with a list value parses; its operand type error is checked separately.
        let message = errorMessage(.update, source, names: Self.names, values: Self.values)
        #expect(message == nil || message!.contains("operator: DELETE"))
    }

    @Test("projections", arguments: ["a", "a, b", "a.b, a.c", "a[0], a[1]", "#a, #b.c", "a.b[1][2].c"])
    func projections(source: String) {
        #expect(errorMessage(.projection, source, names: Self.names) == nil)
    }
}
