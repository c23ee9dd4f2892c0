// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "LambdaLocal",
    products: [
        .executable(name: "lambda-local", targets: ["lambda-local"]),
        .library(name: "LambdaRuntime", targets: ["LambdaRuntime"]),
        .library(name: "DynamoDBTypes", targets: ["DynamoDBTypes"]),
        .executable(name: "Echo", targets: ["Echo"]),
        .executable(name: "Probe", targets: ["Probe"]),
        .executable(name: "MessagingStream", targets: ["MessagingStream"]),
        .executable(name: "cruddur", targets: ["cruddur"]),
        .library(name: "DynamoDBClient", targets: ["DynamoDBClient"]),
        .library(name: "LambdaTesting", targets: ["LambdaTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // MARK: Handler side (linked by every function; the leanest targets)
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CurlHTTP", dependencies: ["CCurl"], swiftSettings: strict),
        // The Runtime API's paths and header names, shared by the handler library and the emulator.
        .target(name: "RuntimeAPIWire", swiftSettings: strict),
        .target(
            name: "LambdaRuntime",
            dependencies: ["CCurl", "CurlHTTP", "RuntimeAPIWire", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(name: "DynamoDBTypes", dependencies: ["StrictJSON"], swiftSettings: strict),
        .target(
            name: "AWSRequest", dependencies: ["CurlHTTP", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(name: "DynamoDBClient", dependencies: ["DynamoDBTypes", "CurlHTTP", "AWSRequest"], swiftSettings: strict),

        // MARK: Emulator side
        .target(name: "CProcessSpawn"),
        .target(name: "DynamoDBExpressions", dependencies: ["DynamoDBTypes"], swiftSettings: strict),
        .target(
            name: "TableStore",
            dependencies: [
                "DynamoDBTypes", "DynamoDBExpressions", "SAMTemplate", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The one strict JSON reader of user-written JSON (templates, filter patterns): order, literals, positions kept.
        .target(name: "StrictJSON", swiftSettings: strict),
        .target(name: "SAMTemplate", dependencies: ["DynamoDBTypes", "StrictJSON"], swiftSettings: strict),
        .target(name: "EventFilters", dependencies: ["DynamoDBTypes", "StrictJSON"], swiftSettings: strict),
        .target(name: "EventSourceMapping", dependencies: ["DynamoDBTypes"], swiftSettings: strict),
        // Runs functions: builds them, supervises their processes (Linux: vfork, PR_SET_PDEATHSIG, /proc), serves
        // each execution environment's Runtime API, pools environments.
        .target(
            name: "FunctionRunner",
            dependencies: [
                "CProcessSpawn", "DynamoDBTypes", "RuntimeAPIWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The HTTP/1.1 server setup both ports share: idle timeout, HTTP/1.0 semantics, AWS-shaped unknown routes.
        .target(
            name: "HTTPServing",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ],
            swiftSettings: strict
        ),
        // DynamoDB's and DynamoDB Streams' JSON protocol over HTTP, on the table store; the template's tables in it.
        .target(
            name: "DynamoDBEndpoint",
            dependencies: [
                "DynamoDBTypes", "TableStore", "SAMTemplate", "HTTPServing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Event source mappings from the template: local and remote stream sources, checkpoints, failure files.
        .target(
            name: "StreamTriggers",
            dependencies: [
                "FunctionRunner", "DynamoDBEndpoint", "EventSourceMapping", "EventFilters", "SAMTemplate", "TableStore",
                "DynamoDBTypes", "DynamoDBClient", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The emulator: composes the parts above as services of one group (start, invoke, replay), the Invoke API.
        .target(
            name: "Emulator",
            dependencies: [
                "FunctionRunner", "DynamoDBEndpoint", "StreamTriggers", "SAMTemplate", "DynamoDBTypes", "TableStore",
                "CProcessSpawn", "EventSourceMapping", "FunctionPackaging", "HTTPServing",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // `lambda-local package`: release builds named bootstrap, the provided.al2023 load check, deterministic zips.
        .target(
            name: "FunctionPackaging",
            dependencies: ["FunctionRunner", "SAMTemplate", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        // `lambda-local new`: a function's targets, files and template resource, inserted into the project's files.
        .target(name: "FunctionScaffolding", dependencies: ["SAMTemplate", "DynamoDBTypes"], swiftSettings: strict),
        .executableTarget(
            name: "lambda-local",
            dependencies: [
                "Emulator", "FunctionRunner", "StreamTriggers", "DynamoDBTypes", "FunctionPackaging", "FunctionScaffolding",
                "SAMTemplate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: The handler test harness and the Cruddur app
        .target(
            name: "LambdaTesting",
            dependencies: [
                "LambdaRuntime", "DynamoDBClient", "DynamoDBTypes", "TableStore", "SAMTemplate",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Messaging and what only the `cruddur` CLI links: never a function's dependency, so PostgreSQL stays out
        // of every `bootstrap`.
        .target(name: "Messaging", dependencies: ["DynamoDBClient", "DynamoDBTypes", "SAMTemplate"], swiftSettings: strict),
        .target(
            name: "MessagingPostgres",
            dependencies: [
                "Messaging", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .target(name: "CognitoClient", dependencies: ["AWSRequest", "CurlHTTP"], swiftSettings: strict),
        .executableTarget(
            name: "cruddur",
            dependencies: [
                "Messaging", "MessagingPostgres", "CognitoClient", "DynamoDBClient", "DynamoDBTypes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: Functions (each its own executable; deploys as `bootstrap` on provided.al2023)
        .executableTarget(name: "Echo", dependencies: ["LambdaRuntime"], path: "functions/Echo", swiftSettings: strict),
        .target(
            name: "MessagingStreamHandler", dependencies: ["LambdaRuntime", "DynamoDBClient", "DynamoDBTypes"],
            path: "functions/MessagingStream/Handler", swiftSettings: strict),
        .executableTarget(
            name: "MessagingStream", dependencies: ["MessagingStreamHandler", "LambdaRuntime", "DynamoDBClient"],
            path: "functions/MessagingStream/Main", swiftSettings: strict),
        .executableTarget(
            name: "Probe", dependencies: ["LambdaRuntime"], path: "Tests/Functions/Probe", swiftSettings: strict),

        // MARK: Tests
        .testTarget(
            name: "LambdaRuntimeTests",
            dependencies: [
                "LambdaRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "DynamoDBTypesTests", dependencies: ["DynamoDBTypes"], swiftSettings: strict),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"], swiftSettings: strict),
        .testTarget(
            name: "SAMTemplateTests", dependencies: ["SAMTemplate"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "DynamoDBExpressionsTests", dependencies: ["DynamoDBExpressions", "DynamoDBTypes"], swiftSettings: strict),
        .testTarget(name: "TableStoreTests", dependencies: ["TableStore", "DynamoDBTypes"], swiftSettings: strict),
        .testTarget(
            name: "EmulatorTests",
            dependencies: [
                "Emulator", "FunctionRunner", "DynamoDBEndpoint", "StreamTriggers", "TableStore", "SAMTemplate", "FunctionPackaging",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "DynamoDBClientTests", dependencies: ["DynamoDBClient", "DynamoDBTypes", "CurlHTTP"],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "EventFiltersTests", dependencies: ["EventFilters", "DynamoDBTypes"], swiftSettings: strict),
        .testTarget(
            name: "EventSourceMappingTests", dependencies: ["EventSourceMapping", "DynamoDBTypes"],
            swiftSettings: strict),
        .testTarget(
            name: "MessagingTests",
            dependencies: [
                "Messaging", "MessagingStreamHandler", "LambdaTesting", "LambdaRuntime", "DynamoDBClient", "DynamoDBTypes",
                "SAMTemplate",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "MessagingPostgresTests",
            dependencies: [
                "MessagingPostgres", "Messaging", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "CognitoClientTests", dependencies: ["CognitoClient", "AWSRequest", "CurlHTTP"], swiftSettings: strict),
        .testTarget(
            name: "FunctionPackagingTests", dependencies: ["FunctionPackaging", "FunctionRunner", "SAMTemplate"],
            swiftSettings: strict),
        .testTarget(
            name: "FunctionScaffoldingTests", dependencies: ["FunctionScaffolding", "SAMTemplate"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["CProcessSpawn"], exclude: ["Fixtures", "Scripts"], swiftSettings: strict),
    ]
)
