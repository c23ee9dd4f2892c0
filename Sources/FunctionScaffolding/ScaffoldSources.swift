/// The Swift files `lambda-local new` writes: a handler library holding the handler closure, the executable that
/// runs it, and a first harness test.
enum ScaffoldSources {
    static func handler(_ names: FunctionNames, streamTable: String?) -> String {
        let f = names.function
        if let streamTable {
            return """
                import DynamoDBTypes
                import LambdaRuntime

                /// \(f)'s handler, for batches of \(streamTable)'s stream: `main.swift` runs it under the Lambda runtime,
                /// the tests invoke it in process with `LambdaTestHarness`. A record it cannot handle goes in
                /// `batchItemFailures` (the mapping has `ReportBatchItemFailures`), so only that record is retried.
                public let \(names.handlerSymbol): @Sendable (DynamoDBStreamEvent, LambdaContext) async throws
                    -> StreamsEventResponse = { event, context in
                        for record in event.records {
                            context.logger.info("\\(record.eventName.rawValue) \\(record.dynamodb.sequenceNumber)")
                        }
                        return StreamsEventResponse()
                    }

                """
        }
        return """
            import LambdaRuntime

            /// The event \(f) receives (`\(names.eventPath)` is one).
            public struct \(f)Event: Codable, Sendable {
                /// Who to greet.
                public var name: String

                /// An event for `name`.
                public init(name: String) {
                    self.name = name
                }
            }

            /// What \(f) returns.
            public struct \(f)Output: Codable, Sendable, Equatable {
                /// The answer.
                public var message: String

                /// An output carrying `message`.
                public init(message: String) {
                    self.message = message
                }
            }

            /// \(f)'s handler: `main.swift` runs it under the Lambda runtime, the tests invoke it in process with
            /// `LambdaTestHarness`.
            public let \(names.handlerSymbol): @Sendable (\(f)Event, LambdaContext) async throws -> \(f)Output = {
                event, context in
                context.logger.info("answering \\(event.name)")
                return \(f)Output(message: "Hello, \\(event.name)!")
            }

            """
    }

    static func main(_ names: FunctionNames) -> String {
        """
        import \(names.handlerTarget)
        import LambdaRuntime

        // \(names.function): the executable Lambda starts as `bootstrap`; the handler lives in \(names.handlerTarget).
        await LambdaRuntime.run(\(names.handlerSymbol))

        """
    }

    static func test(_ names: FunctionNames, streamTable: String?) -> String {
        let f = names.function
        let event = names.eventPath.split(separator: "/").last.map(String.init) ?? names.eventPath
        let stream = streamTable != nil
        let title = stream ? "handles the sample stream batch in \(names.eventPath) without failures"
            : "answers the sample event in \(names.eventPath)"
        let result = stream ? "response" : "output"
        let check = stream ? "response.batchItemFailures.isEmpty" : "output == \(f)Output(message: \"Hello, world!\")"
        return """
            \(stream ? "import DynamoDBTypes\n" : "")import LambdaTesting
            import Testing
            import \(names.handlerTarget)

            /// \(f) in process, against the template's tables in memory.
            struct \(names.testTarget) {
                @Test("\(f) \(title)")
                func sampleEvent() async throws {
                    let harness = try await LambdaTestHarness()
                    let \(result) = try await harness.invoke(\(names.handlerSymbol), eventFile: "\(event)")
                    #expect(\(check))
                }
            }

            """
    }
}
