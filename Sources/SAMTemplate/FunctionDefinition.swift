/// An `AWS::Serverless::Function` after `Globals` are merged and intrinsics resolved.
public struct FunctionDefinition: Hashable, Sendable {
    /// The custom runtimes this emulator runs.
    public enum Runtime: String, Hashable, Sendable, CaseIterable {
        case providedAL2023 = "provided.al2023"
        case providedAL2 = "provided.al2"
    }

    /// The instruction set the function is built for.
    public enum Architecture: String, Hashable, Sendable, CaseIterable {
        case x86_64
        case arm64
    }

    /// One environment variable; its value may embed a table's live stream ARN.
    public struct EnvironmentVariable: Hashable, Sendable {
        public var name: String
        public var value: TemplateString

        /// Creates a variable.
        public init(name: String, value: TemplateString) {
            self.name = name
            self.value = value
        }
    }

    /// The key under `Resources`; `sam local invoke` accepts it as the name too.
    public var logicalID: String
    /// `FunctionName`, or the logical ID when the template gives none.
    public var functionName: String
    /// `Description`, if any.
    public var description: String?
    /// `Handler`; for `provided.*` the name of the Swift executable product under `functions/`.
    public var handler: String
    /// `CodeUri` as an absolute, standardized path that existed at load time.
    public var codeURI: String
    public var runtime: Runtime
    /// `Timeout` in seconds (1–900, default 3).
    public var timeout: Int
    /// `MemorySize` in MB (128–10240, default 128).
    public var memorySize: Int
    /// `Environment.Variables` in document order, globals first.
    public var environmentVariables: [EnvironmentVariable]
    /// `Environment.Variables` with stream ARNs formatted with the load-time label (`TemplateLoadOptions.streamLabel`).
    public var environment: [String: String]
    /// `Architectures` (exactly one element; default `[x86_64]`).
    public var architectures: [Architecture]
    /// `ReservedConcurrentExecutions`, if set.
    public var reservedConcurrency: Int?
    /// The `DynamoDB` events, in document order.
    public var streamEvents: [StreamEventDefinition]
    /// How Lambda treats the function's `Event` invocations (`EventInvokeConfig`); `nil` is Lambda's defaults.
    public var eventInvokeConfig: EventInvokeConfig? = nil

    /// The environment with each stream ARN supplied by `streamARN` (the emulator knows the live labels).
    public func environment(streamARN: StreamARNResolver) -> [String: String] {
        var result: [String: String] = [:]
        for variable in environmentVariables {
            result[variable.name] = variable.value.resolved(streamARN: streamARN)
        }
        return result
    }
}
