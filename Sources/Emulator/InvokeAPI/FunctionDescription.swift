import Foundation
import FunctionRunner

/// A function as Lambda's `GetFunction`, `GetFunctionConfiguration` and `ListFunctions` describe it, built from the
/// template's configuration (the emulator has no versions, aliases, roles or S3 code locations: those fields are
/// left out rather than invented).
struct FunctionDescription: Encodable, Equatable {
    var FunctionName: String
    var FunctionArn: String
    var Runtime: String
    var Handler: String
    var Description: String
    var Timeout: Int
    var MemorySize: Int
    var CodeSize: Int
    var LastModified: String
    var Version = "$LATEST"
    var Environment: EnvironmentVariables?
    var TracingConfig = ["Mode": "PassThrough"]
    var State = "Active"
    var LastUpdateStatus = "Successful"
    var PackageType = "Zip"
    var Architectures: [String]
    var EphemeralStorage = ["Size": 512]
    var LoggingConfig: [String: String]

    /// `Environment` of a function configuration.
    struct EnvironmentVariables: Encodable, Equatable {
        var Variables: [String: String]
    }

    /// The description of `configuration`; `executable` gives `CodeSize` and `LastModified` (its size and mtime).
    init(_ configuration: FunctionConfiguration, executable: ExecutableFacts) {
        FunctionName = configuration.name
        FunctionArn = configuration.arn
        Runtime = configuration.runtime
        Handler = configuration.handler
        Description = configuration.description ?? ""
        Timeout = configuration.timeoutSeconds
        MemorySize = configuration.memorySize
        CodeSize = executable.size
        LastModified = Self.timestamp(executable.modified)
        Environment = configuration.environment.isEmpty ? nil : EnvironmentVariables(Variables: configuration.environment)
        Architectures = configuration.architectures
        LoggingConfig = ["LogFormat": "Text", "LogGroup": "/aws/lambda/\(configuration.name)"]
    }

    /// Lambda's `LastModified` form: `2026-12-04T12:00:00.000+0000`.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
        return formatter.string(from: date)
    }
}

/// What `GetFunction` reports about a function's code: the executable's size and modification time (zero and the
/// epoch when it is missing, e.g. not built yet).
struct ExecutableFacts: Equatable {
    var size: Int
    var modified: Date

    /// The facts of the file at `path`.
    static func of(path: String) -> ExecutableFacts {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        return ExecutableFacts(
            size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
            modified: attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0))
    }
}

/// `GetFunction`'s response: the configuration, where the code is (a local `file://` URL), and the reserved
/// concurrency when the template sets one.
struct GetFunctionResponse: Encodable {
    var Configuration: FunctionDescription
    var Code: [String: String]
    var Concurrency: [String: Int]?
}

/// `ListFunctions`' response: a page of configurations and the marker of the next page.
struct ListFunctionsResponse: Encodable {
    var Functions: [FunctionDescription]
    var NextMarker: String?
}
