/// The functions the emulator serves, found by name, logical ID or ARN.
public struct FunctionRegistry: Sendable {
    private let pools: [String: FunctionPool]
    /// Every function's pool, in template order.
    public let all: [FunctionPool]

    /// A registry over `functions`; `aliases` maps extra names (e.g. logical IDs) to function names; `ledger` records
    /// the processes started.
    public init(
        functions: [FunctionConfiguration], aliases: [String: String] = [:], console: Console, maxEnvironments: Int = 8,
        reusesEnvironments: Bool = true, ledger: ProcessLedger? = nil
    ) {
        var pools: [String: FunctionPool] = [:]
        var all: [FunctionPool] = []
        for function in functions {
            let pool = FunctionPool(
                configuration: function, console: console, maxEnvironments: maxEnvironments,
                reusesEnvironments: reusesEnvironments, ledger: ledger)
            pools[function.name] = pool
            all.append(pool)
        }
        for (alias, name) in aliases where pools[alias] == nil { pools[alias] = pools[name] }
        self.pools = pools
        self.all = all
    }

    /// The pool for a bare function name or logical ID (parse ARNs and qualifiers with ``FunctionName`` first).
    public func pool(named name: String) -> FunctionPool? {
        pools[name]
    }

    /// Stops every function's environments, all at once: invocations in flight may finish for up to `grace`, then
    /// every runtime gets SIGTERM and, 500 ms later, SIGKILL. Returns when their processes are gone.
    public func shutdown(grace: Duration = .zero) async {
        await withTaskGroup(of: Void.self) { group in
            for pool in all { group.addTask { await pool.shutdown(grace: grace) } }
        }
    }
}

/// A function reference as Lambda's `FunctionName` accepts it.
public struct FunctionName: Equatable, Sendable {
    /// The bare function name.
    public var name: String
    /// A version or alias, if one was given.
    public var qualifier: String?

    /// Parses `Echo`, `Echo:$LATEST`, `123456789012:function:Echo`, `arn:aws:lambda:us-east-1:123456789012:function:Echo[:q]`.
    public static func parse(_ reference: String) -> FunctionName {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let index = parts.firstIndex(of: "function"), index + 1 < parts.count {
            return FunctionName(name: parts[index + 1], qualifier: index + 2 < parts.count ? parts[index + 2] : nil)
        }
        if parts.count == 2 { return FunctionName(name: parts[0], qualifier: parts[1]) }
        return FunctionName(name: reference, qualifier: nil)
    }
}
