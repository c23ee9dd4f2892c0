import Synchronization

/// The functions the emulator serves, found by name, logical ID or ARN; under `start --watch` the set changes while
/// the emulator runs (``update(functions:aliases:)``).
public final class FunctionRegistry: Sendable {
    private struct Entries {
        var pools: [String: FunctionPool] = [:]
        var all: [FunctionPool] = []
    }

    private let entries: Mutex<Entries>
    private let console: Console
    private let maxEnvironments: Int
    private let reusesEnvironments: Bool
    private let ledger: ProcessLedger?

    /// Every function's pool, in template order.
    public var all: [FunctionPool] { entries.withLock { $0.all } }

    /// A registry over `functions`; `aliases` maps extra names (e.g. logical IDs) to function names; `ledger` records
    /// the processes started.
    public init(
        functions: [FunctionConfiguration], aliases: [String: String] = [:], console: Console, maxEnvironments: Int = 8,
        reusesEnvironments: Bool = true, ledger: ProcessLedger? = nil
    ) {
        self.console = console
        self.maxEnvironments = maxEnvironments
        self.reusesEnvironments = reusesEnvironments
        self.ledger = ledger
        let pools = functions.map {
            Self.makePool($0, console: console, maxEnvironments: maxEnvironments, reuses: reusesEnvironments, ledger: ledger)
        }
        self.entries = Mutex(Self.entries(pools: pools, aliases: aliases))
    }

    /// A pool set up as the registry's first ones were.
    private func makePool(_ configuration: FunctionConfiguration) -> FunctionPool {
        Self.makePool(
            configuration, console: console, maxEnvironments: maxEnvironments, reuses: reusesEnvironments, ledger: ledger)
    }

    private static func makePool(
        _ configuration: FunctionConfiguration, console: Console, maxEnvironments: Int, reuses: Bool,
        ledger: ProcessLedger?
    ) -> FunctionPool {
        FunctionPool(
            configuration: configuration, console: console, maxEnvironments: maxEnvironments, reusesEnvironments: reuses,
            ledger: ledger)
    }

    private static func entries(pools: [FunctionPool], aliases: [String: String]) -> Entries {
        var entries = Entries(all: pools)
        for pool in pools { entries.pools[pool.configuration.name] = pool }
        for (alias, name) in aliases where entries.pools[alias] == nil { entries.pools[alias] = entries.pools[name] }
        return entries
    }

    /// The pool for a bare function name or logical ID (parse ARNs and qualifiers with ``FunctionName`` first).
    public func pool(named name: String) -> FunctionPool? {
        entries.withLock { $0.pools[name] }
    }

    /// What ``update(functions:aliases:)`` changed, by function name.
    public struct Changes: Sendable, Equatable {
        public var added: [String] = []
        public var removed: [String] = []
        public var reconfigured: [String] = []
        /// Whether nothing changed.
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && reconfigured.isEmpty }
    }

    /// Serves `functions` from now on: new functions get pools; a function whose configuration changed keeps its
    /// pool, which renews its environments; a function no longer there stops (its invocations in flight finish).
    public func update(functions: [FunctionConfiguration], aliases: [String: String]) async -> Changes {
        var changes = Changes()
        var renewals: [(FunctionPool, FunctionConfiguration)] = []
        let removed = entries.withLock { entries -> [FunctionPool] in
            let old = Dictionary(entries.all.map { ($0.configuration.name, $0) }, uniquingKeysWith: { first, _ in first })
            var pools: [FunctionPool] = []
            for configuration in functions {
                if let pool = old[configuration.name] {
                    if pool.configuration != configuration {
                        renewals.append((pool, configuration))
                        changes.reconfigured.append(configuration.name)
                    }
                    pools.append(pool)
                } else {
                    pools.append(makePool(configuration))
                    changes.added.append(configuration.name)
                }
            }
            let kept = Set(functions.map(\.name))
            let removed = entries.all.filter { !kept.contains($0.configuration.name) }
            changes.removed = removed.map(\.configuration.name)
            entries = Self.entries(pools: pools, aliases: aliases)
            return removed
        }
        for (pool, configuration) in renewals { await pool.renew(configuration: configuration) }
        for pool in removed { await pool.shutdown(grace: .seconds(30)) }
        return changes
    }

    /// Stops every function's environments, all at once: invocations in flight may finish for up to `grace`, then
    /// every runtime gets SIGTERM and, 500 ms later, SIGKILL. Returns when their processes are gone.
    public func shutdown(grace: Duration = .zero) async {
        let pools = all
        await withTaskGroup(of: Void.self) { group in
            for pool in pools { group.addTask { await pool.shutdown(grace: grace) } }
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
