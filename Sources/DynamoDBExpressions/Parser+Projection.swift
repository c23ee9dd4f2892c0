/// Projection grammar: comma-separated document paths.
extension Parser {
    mutating func parseProjection() throws(ExpressionError) -> [Syntax.Path] {
        var paths = [try parsePath()]
        while current.isSymbol(",") {
            advance()
            paths.append(try parsePath())
        }
        try expectEnd()
        return paths
    }
}
