import FunctionScaffolding
import Testing

struct ManifestEditTests {
    @Test("The product, the handler library, the executable and the test target are inserted; nothing else changes")
    func insertsEntries() throws {
        let original = try fixture("Package.swift.txt")
        let names = try #require(FunctionNames("Greeter"))
        let edited = try ManifestEdit.adding(names, stream: true, to: original)
        #expect(onlyInsertsLines(original, edited))
        #expect(edited.contains("        .executable(name: \"Greeter\", targets: [\"Greeter\"]),\n    ],"))
        #expect(
            edited.contains(
                """
                        .target(
                            name: "GreeterHandler", dependencies: ["LambdaRuntime", "DynamoDBTypes"],
                            path: "functions/Greeter/Handler", swiftSettings: strict),
                        .executableTarget(
                            name: "Greeter", dependencies: ["GreeterHandler", "LambdaRuntime"],
                            path: "functions/Greeter/Main", swiftSettings: strict),

                        // MARK: Tests
                """))
        #expect(
            edited.contains(
                """
                        .testTarget(
                            name: "GreeterTests",
                            dependencies: ["GreeterHandler", "LambdaTesting", "LambdaRuntime", "DynamoDBTypes"], swiftSettings: strict),
                    ]
                )
                """))
        // The executable product of lambda-local ("targets: [") is not mistaken for Package's targets.
        #expect(edited.contains(".executable(name: \"lambda-local\", targets: [\"lambda-local\"]),\n"))
    }

    @Test("A manifest without a MARK or a trailing comma gets its entries at the ends, commas added")
    func plainManifest() throws {
        let original = """
            // swift-tools-version:6.1
            import PackageDescription

            let package = Package(
                name: "App",
                products: [.executable(name: "Tool", targets: ["Tool"])],
                targets: [
                    .executableTarget(name: "Tool")
                ]
            )

            """
        let edited = try ManifestEdit.adding(#require(FunctionNames("Greeter")), stream: false, to: original)
        #expect(
            edited == """
                // swift-tools-version:6.1
                import PackageDescription

                let package = Package(
                    name: "App",
                    products: [.executable(name: "Tool", targets: ["Tool"]),
                        .executable(name: "Greeter", targets: ["Greeter"]),
                    ],
                    targets: [
                        .executableTarget(name: "Tool"),
                        .target(
                            name: "GreeterHandler", dependencies: ["LambdaRuntime"],
                            path: "functions/Greeter/Handler"),
                        .executableTarget(
                            name: "Greeter", dependencies: ["GreeterHandler", "LambdaRuntime"],
                            path: "functions/Greeter/Main"),
                        .testTarget(
                            name: "GreeterTests",
                            dependencies: ["GreeterHandler", "LambdaTesting", "LambdaRuntime"]),
                    ]
                )

                """)
    }

    @Test("An existing target of that name is refused, naming it")
    func existing() throws {
        let error = #expect(throws: ScaffoldError.self) {
            try ManifestEdit.adding(#require(FunctionNames("Echo")), stream: false, to: fixture("Package.swift.txt"))
        }
        #expect(error?.description == "Package.swift: a product or target named \"Echo\" already exists; choose another function name")
    }

    @Test("Function names must be a capital letter then letters and digits")
    func names() {
        #expect(FunctionNames("Greeter2")?.handlerSymbol == "greeter2Handler")
        #expect(FunctionNames("Greeter")?.eventPath == "events/greeter.json")
        for bad in ["greeter", "Greet-er", "Gréeter", "", "1Greeter", "Greet er"] { #expect(FunctionNames(bad) == nil) }
    }
}
