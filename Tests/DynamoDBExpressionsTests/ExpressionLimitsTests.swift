import DynamoDBExpressions
import DynamoDBTypes
import Foundation
import Testing

/// DynamoDB's limits on expressions, and the guard that keeps hostile expressions from exhausting the stack:
/// each of these inputs crashed the emulator (SIGSEGV) before the limits were enforced.
struct ExpressionLimitsTests {
    static let values: [String: AttributeValue] = [":v": .s("a"), ":l": .l([])]

    @Test(
        "an expression over 4 KB is rejected before it is parsed, with its size in bytes",
        arguments: [
            (ExpressionKind.filter, String(repeating: "(", count: 70_000) + "a = :v" + String(repeating: ")", count: 70_000)),
            (.condition, Array(repeating: "a = :v", count: 41_000).joined(separator: " AND ")),
            (.condition, String(repeating: "NOT ", count: 44_000) + "a = :v"),
            (.projection, "a" + String(repeating: ".b", count: 55_000)),
            (.update, "SET a = " + String(repeating: "if_not_exists(a, ", count: 5_000) + ":v"
                + String(repeating: ")", count: 5_000)),
            (.update, "SET a = " + String(repeating: "list_append(:l, ", count: 5_000) + ":l"
                + String(repeating: ")", count: 5_000)),
            (.projection, (0..<10_000).map { "a\($0)" }.joined(separator: ", ")),
            (.update, "SET " + (0..<10_000).map { "a\($0) = :v" }.joined(separator: ", ")),
        ])
    func oversized(kind: ExpressionKind, source: String) {
        let message = errorMessage(kind, source, values: kind == .projection ? nil : Self.values)
        #expect(
            message
                == "Invalid \(kind.parameterName): Expression size has exceeded the maximum allowed size; "
                + "expression size: \(source.utf8.count)")
    }

    @Test("4,096 bytes is still an expression; 4,097 is not")
    func sizeBoundary() {
        let name = "a" + String(repeating: "b", count: 4_096 - 6)
        #expect(errorMessage(.condition, name + " = :v", values: Self.values) == nil)
        #expect(
            errorMessage(.condition, name + "b = :v", values: Self.values)
                == "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; "
                + "expression size: 4097")
        // Bytes, not characters: 2,049 two-byte characters are 4,098 bytes.
        let wide = String(repeating: "é", count: 2_049)
        #expect(errorMessage(.projection, wide)?.hasSuffix("expression size: 4098") == true)
    }

    @Test("a document path of 32 levels is accepted, 33 is DynamoDB's nesting error")
    func pathDepth() {
        #expect(errorMessage(.projection, "a" + String(repeating: ".b", count: 31)) == nil)
        #expect(
            errorMessage(.projection, "a" + String(repeating: ".b", count: 32))
                == "Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33")
        #expect(
            errorMessage(.condition, "attribute_exists(a" + String(repeating: "[0]", count: 40) + ")")
                == "Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 41")
        #expect(
            errorMessage(.update, "REMOVE a" + String(repeating: ".b", count: 32))
                == "Invalid UpdateExpression: The document path has too many nesting levels; nesting levels: 33")
    }

    @Test("300 operators are accepted, the 301st is rejected", arguments: [ExpressionKind.condition, .filter])
    func operatorCount(kind: ExpressionKind) {
        // n comparisons joined by n - 1 ANDs: 2n - 1 operators.
        let terms = { (n: Int) in Array(repeating: "a = :v", count: n).joined(separator: " AND ") }
        #expect(errorMessage(kind, terms(150), values: Self.values) == nil)  // 299
        #expect(
            errorMessage(kind, terms(151), values: Self.values)
                == "Invalid \(kind.parameterName): The expression has too many operators; operator count: 301, "
                + "maximum: 300")
    }

    @Test(
        "nesting within 4 KB but past the guard is rejected, not followed",
        arguments: [
            (ExpressionKind.condition, String(repeating: "(", count: 2_000) + "a = :v" + String(repeating: ")", count: 2_000)),
            (.condition, String(repeating: "(", count: 2_000) + "a" + String(repeating: ")", count: 2_000) + " = :v"),
            (.condition, "size(" + String(repeating: "(", count: 2_000) + "a" + String(repeating: ")", count: 2_001) + " = :v"),
            (.update, "SET a = " + String(repeating: "(", count: 2_000) + ":v" + String(repeating: ")", count: 2_000)),
            (.keyCondition, String(repeating: "(", count: 2_000) + "pk = :v" + String(repeating: ")", count: 2_000)),
        ])
    func deepNesting(kind: ExpressionKind, source: String) {
        #expect(
            errorMessage(kind, source, values: Self.values)
                == "Invalid \(kind.parameterName): The expression has too many nesting levels; nesting levels exceed 256")
    }

    @Test("NOT chains and nested functions within the limits still parse and evaluate")
    func deepButLegal() throws {
        let nots = try condition(String(repeating: "NOT ", count: 200) + "a = :v", values: Self.values)
        #expect(nots.evaluate(["a": .s("a")]))
        let appends = try update(
            "SET a = " + String(repeating: "list_append(:l, ", count: 100) + ":l" + String(repeating: ")", count: 100),
            values: Self.values)
        #expect(try appends.apply(to: [:], keyAttributes: []).item == ["a": .l([])])
    }

    @Test("the deepest expressions the guard admits parse and evaluate on a thread with a quarter of a pool thread's stack")
    func smallStack() async throws {
        // 254 parentheses: the deepest parse the guard admits (one level for the whole condition, one per
        // parenthesis, one for the operand inside). 254 NOTs: the deepest tree that resolves and evaluates.
        // The cooperative pool's threads have 8 MiB of stack here (pthread_getattr_np); this thread has 2 MiB. A
        // debug build needs just under 1 MiB for this depth, a release build far less.
        let parentheses =
            String(repeating: "(", count: 254) + "a = :v" + String(repeating: ")", count: 254)
        let nots = String(repeating: "NOT ", count: 254) + "a = :v"
        let (redundant, evaluated) = await withCheckedContinuation {
            (continuation: CheckedContinuation<(String?, Bool?), Never>) in
            let thread = Thread {
                let redundant = errorMessage(.filter, parentheses, values: Self.values)
                let evaluated = try? condition(nots, values: Self.values).evaluate(["a": .s("b")])
                continuation.resume(returning: (redundant, evaluated))
            }
            thread.stackSize = 2 * 1024 * 1024
            thread.start()
        }
        #expect(redundant == "Invalid FilterExpression: The expression has redundant parentheses;")
        #expect(evaluated == false)
        #expect(
            errorMessage(.filter, "(" + parentheses + ")", values: Self.values)
                == "Invalid FilterExpression: The expression has too many nesting levels; nesting levels exceed 256")
    }
}
