import DynamoDBEndpoint
import Foundation
import FunctionRunner
import SAMTemplate
import ServiceLifecycle
import StreamTriggers
import TableStore

/// `start --watch`: watches every function's `CodeUri`, the package's `Sources/` and `Package.swift`, and the
/// template (inotify), and applies changes while the emulator serves.
///
/// A Swift function whose sources changed is rebuilt in the background (incremental SwiftPM, `start`'s
/// configuration); on success its pool renews — new invocations run the new binary in fresh environments, those in
/// flight finish on the old one, idle old environments stop. A failed build leaves the old version serving and
/// prints the compiler's errors once. A bootstrap function is renewed when its `CodeUri` changes. A changed
/// template is applied without a restart — functions added, removed or reconfigured, mappings re-read — unless a
/// table changed in a way that cannot apply live (its key schema): then the change is refused, saying why.
struct WatchService: Service, CustomStringConvertible {
    let workspaceOptions: WorkspaceOptions
    let initial: Workspace
    let registry: FunctionRegistry
    let store: TableStore
    let serviceEnvironment: [String: String]
    let debugged: Set<String>
    let mappings: MappingHost
    let console: Console
    var description: String { "file watcher" }

    func run() async throws {
        let (batches, sink) = AsyncStream.makeStream(of: [String].self)
        let watcher = try FileWatcher(paths: watchedPaths(initial)) { sink.yield($0) }
        defer { watcher.stop() }
        console.write(line: "lambda-local: watching the template, Package.swift, Sources/ and every function's CodeUri")
        await cancelWhenGracefulShutdown {
            var workspace = initial
            for await changed in batches {
                workspace = await apply(changed, to: workspace)
            }
        }
        sink.finish()
    }

    /// What to watch: the template, the package manifest and shared sources, and each function's folder.
    private func watchedPaths(_ workspace: Workspace) -> [String] {
        let root = workspace.builder.packageRoot
        return [workspace.template.path, "\(root)/Package.swift", "\(root)/Sources"]
            + workspace.template.functions.map(\.codeURI)
    }

    private func apply(_ changed: [String], to workspace: Workspace) async -> Workspace {
        let templatePath = URL(fileURLWithPath: workspace.template.path).standardized.path
        if changed.contains(where: { URL(fileURLWithPath: $0).standardized.path == templatePath }) {
            return await reloadTemplate(workspace)
        }
        let root = workspace.builder.packageRoot
        let shared = changed.contains { $0 == "\(root)/Package.swift" || $0.hasPrefix("\(root)/Sources/") }
        for function in workspace.template.functions {
            let own = changed.contains { $0.hasPrefix(function.codeURI + "/") || $0 == function.codeURI }
            switch workspace.builder.executable(handler: function.handler, codeURI: function.codeURI) {
            case .bootstrap:
                if own { await renew(function, workspace: workspace, reason: "its CodeUri changed") }
            case .swiftProduct(let product, _):
                if own || shared { await rebuild(function, product: product, workspace: workspace) }
            }
        }
        return workspace
    }

    private func rebuild(_ function: FunctionDefinition, product: String, workspace: Workspace) async {
        console.write(line: "\(function.logicalID): rebuilding…")
        let outcome = await workspace.builder.rebuild(product: product)
        guard outcome.succeeded else {
            console.write(
                line: "\(function.logicalID): build failed after \(Self.seconds(outcome.duration)); the previous version keeps serving:")
            outcome.errors.forEach(console.write(line:))
            return
        }
        await registry.pool(named: function.functionName)?.renew()
        console.write(line: "\(function.logicalID): rebuilt in \(Self.seconds(outcome.duration)), swapped")
    }

    private func renew(_ function: FunctionDefinition, workspace: Workspace, reason: String) async {
        await registry.pool(named: function.functionName)?.renew()
        console.write(line: "\(function.logicalID): \(reason), swapped")
    }

    /// Re-reads the template and applies it, or refuses it and keeps the running configuration.
    private func reloadTemplate(_ current: Workspace) async -> Workspace {
        let next: Workspace
        let tables: TableSetup
        do {
            next = try Workspace.open(workspaceOptions, console: console)
            // Tables first: one whose key schema changed cannot apply live.
            tables = try await TableSetup.ensure(next.template, in: store)
            await buildNewFunctions(next)
            try next.checkExecutables(next.template.functions)
        } catch {
            console.write(line: "lambda-local: template change refused, the running configuration stays: \(error)")
            return current
        }
        let (functions, aliases) = next.functionConfigurations(
            serviceEnvironment: serviceEnvironment,
            streamARN: tables.streamARNResolver { next.template.tableARN(tableName: $0.tableName) }, debugged: debugged)
        let changes = await registry.update(functions: functions, aliases: aliases)
        let mappingsChanged = MappingDeclaration.all(in: next.template) != MappingDeclaration.all(in: current.template)
        if mappingsChanged || !changes.isEmpty {
            await mappings.reload(template: next.template, tables: tables)
        }
        console.write(line: "lambda-local: template reloaded: \(Self.describe(changes, mappingsChanged: mappingsChanged))")
        return next
    }

    /// Builds the Swift functions of `workspace` that have never been built (new ones), printing any errors.
    private func buildNewFunctions(_ workspace: Workspace) async {
        for function in workspace.template.functions {
            guard case .swiftProduct(let product, let path) = workspace.builder.executable(
                handler: function.handler, codeURI: function.codeURI),
                !FileManager.default.isExecutableFile(atPath: path)
            else { continue }
            console.write(line: "\(function.logicalID): building…")
            let outcome = await workspace.builder.rebuild(product: product)
            if !outcome.succeeded { outcome.errors.forEach(console.write(line:)) }
        }
    }

    static func describe(_ changes: FunctionRegistry.Changes, mappingsChanged: Bool) -> String {
        var parts: [String] = []
        if !changes.added.isEmpty { parts.append("added \(changes.added.joined(separator: ", "))") }
        if !changes.removed.isEmpty { parts.append("removed \(changes.removed.joined(separator: ", "))") }
        if !changes.reconfigured.isEmpty { parts.append("reconfigured \(changes.reconfigured.joined(separator: ", "))") }
        if mappingsChanged { parts.append("event source mappings re-read") }
        return parts.isEmpty ? "no change to functions or mappings" : parts.joined(separator: "; ")
    }

    /// Seconds with two decimals, e.g. `3.84 s` (what `scripts/bench-watch.sh` subtracts).
    static func seconds(_ duration: Duration) -> String {
        "\(InvocationReport.twoDecimals(InvocationReport.milliseconds(duration) / 1000)) s"
    }
}
