/// Everything the runner needs to start and invoke one function: where its executable is and how AWS would configure it.
public struct FunctionConfiguration: Sendable, Equatable {
    /// The name callers invoke it by (the template's `FunctionName`, else its logical ID).
    public var name: String
    /// Absolute path of the executable started for each execution environment (the `bootstrap`).
    public var executable: String
    /// `LAMBDA_TASK_ROOT` and the working directory of the process (the function's `CodeUri`).
    public var taskRoot: String
    /// The template's `Handler`, passed as `_HANDLER`.
    public var handler: String
    /// The invocation timeout in seconds (1 to 900).
    public var timeoutSeconds: Int
    /// `MemorySize` in MB, reported in `REPORT` lines and `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`.
    public var memorySize: Int
    /// Environment variables from the template and overrides, added to what Lambda itself sets.
    public var environment: [String: String]
    /// `ReservedConcurrentExecutions`: invocations beyond it are throttled, as on AWS.
    public var reservedConcurrency: Int?
    /// The region functions see in `AWS_REGION` and ARNs.
    public var region: String
    /// The account ID used in ARNs.
    public var accountID: String
    /// The emulator starts no process for this function: one the user starts (under a debugger) with the printed
    /// environment serves it, with no timeout enforced (`start --debug-function`).
    public var runsUnderDebugger = false
    /// The template's `Runtime` (`provided.al2023` or `provided.al2`), as `GetFunction` reports it.
    public var runtime = "provided.al2023"
    /// The template's `Architectures`, as `GetFunction` reports them.
    public var architectures = ["x86_64"]
    /// The template's `Description`, if any.
    public var description: String?

    /// Creates a configuration; defaults follow AWS and SAM (3 s, 128 MB, us-east-1, account 123456789012).
    public init(
        name: String, executable: String, taskRoot: String, handler: String, timeoutSeconds: Int = 3,
        memorySize: Int = 128, environment: [String: String] = [:], reservedConcurrency: Int? = nil,
        region: String = "us-east-1", accountID: String = "123456789012"
    ) {
        self.name = name
        self.executable = executable
        self.taskRoot = taskRoot
        self.handler = handler
        self.timeoutSeconds = timeoutSeconds
        self.memorySize = memorySize
        self.environment = environment
        self.reservedConcurrency = reservedConcurrency
        self.region = region
        self.accountID = accountID
    }

    /// The function's unqualified ARN.
    public var arn: String { "arn:aws:lambda:\(region):\(accountID):function:\(name)" }

    /// The ARN passed in `Lambda-Runtime-Invoked-Function-Arn`: qualified when the caller used a qualifier, as on AWS.
    public func invokedARN(qualifier: String?) -> String {
        qualifier.map { "\(arn):\($0)" } ?? arn
    }
}
