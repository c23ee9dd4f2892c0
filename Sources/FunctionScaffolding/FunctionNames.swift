/// The names and paths `lambda-local new NAME` derives from a function's name.
public struct FunctionNames: Sendable, Equatable {
    /// The function: its template logical ID, `Handler`, executable product and target (`Greeter`).
    public let function: String

    /// Checks `function`: an ASCII letter first, then letters and digits (a Swift type name and a CloudFormation
    /// logical ID at once).
    /// - Returns: nil when the name cannot be used.
    public init?(_ function: String) {
        guard let first = function.unicodeScalars.first, first.properties.isUppercase, first.isASCII,
            function.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else { return nil }
        self.function = function
    }

    /// The handler library target (`GreeterHandler`).
    public var handlerTarget: String { "\(function)Handler" }
    /// The test target (`GreeterTests`).
    public var testTarget: String { "\(function)Tests" }
    /// The handler closure's name (`greeterHandler`).
    public var handlerSymbol: String { function.prefix(1).lowercased() + function.dropFirst() + "Handler" }
    /// The function's `CodeUri` (`functions/Greeter`).
    public var codeURI: String { "functions/\(function)" }
    /// The handler library's folder.
    public var handlerPath: String { "\(codeURI)/Handler" }
    /// The executable's folder.
    public var mainPath: String { "\(codeURI)/Main" }
    /// The test target's folder.
    public var testPath: String { "Tests/\(testTarget)" }
    /// The sample event (`events/greeter.json`).
    public var eventPath: String { "events/\(function.lowercased()).json" }
}
