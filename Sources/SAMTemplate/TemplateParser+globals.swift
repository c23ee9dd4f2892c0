extension TemplateParser {
    static let globalSections = ["Api", "Function", "HttpApi", "SimpleTable", "StateMachine"]

    /// Validates `Globals` and returns `Globals.Function` as written, ready to merge into each function.
    func parseGlobals(_ value: JSONValue) throws(TemplateIssue) -> JSONObject {
        let globals = try PropertyReader(value, at: JSONPath.root.key("Globals"), evaluator: evaluator)
        try globals.checkKeys(allowed: Self.globalSections)
        guard let function = try globals.object("Function") else { return JSONObject() }
        try function.checkKeys(allowed: Self.globalFunctionKeys)
        // Validate here so that a bad global value is reported at its own path, not at each function.
        _ = try readFunctionSettings(function)
        return function.object
    }

    /// Merges `Globals.Function` into a function's properties the way SAM does: the function's scalars win, maps
    /// merge key by key, lists concatenate (globals first), and an intrinsic function counts as a scalar.
    static func mergeGlobals(_ global: JSONValue, into local: JSONValue) -> JSONValue {
        switch (global, local) {
        case (.object(let globalObject), .object(let localObject))
        where globalObject.intrinsicFunctionName == nil && localObject.intrinsicFunctionName == nil:
            var merged = globalObject
            for (key, value) in localObject.pairs {
                merged[key] = merged[key].map { mergeGlobals($0, into: value) } ?? value
            }
            return .object(merged)
        case (.array(let globalElements), .array(let localElements)):
            return .array(globalElements + localElements)
        default:
            return local
        }
    }
}
