import SAMTemplate

/// Adds a function's product and targets to `Package.swift` by inserting lines (the rest of the file is kept as
/// written): the product at the end of `products:`, the handler library and the executable before `// MARK: Tests`
/// (or at the end of `targets:`), the test target at the end of `targets:`.
public enum ManifestEdit {
    /// `manifest` with `names`'s entries added.
    /// - Throws: ``ScaffoldError`` when a target of one of those names exists or the arrays cannot be found.
    public static func adding(_ names: FunctionNames, stream: Bool, to manifest: String) throws(ScaffoldError) -> String {
        for name in [names.function, names.handlerTarget, names.testTarget] where manifest.contains("name: \"\(name)\"") {
            throw .exists("Package.swift: a product or target named \"\(name)\"")
        }
        let settings = manifest.contains("let strict") ? ", swiftSettings: strict" : ""
        let handlerDependencies = ["LambdaRuntime"] + (stream ? ["DynamoDBTypes"] : [])
        let testDependencies = [names.handlerTarget, "LambdaTesting", "LambdaRuntime"] + (stream ? ["DynamoDBTypes"] : [])
        var text = manifest

        let targets = try arrayBounds("targets", in: text)
        let scanner = TextScanner(text)
        let testsMark = scanner.text[targets.open..<targets.close].indices.first { index in
            scanner.text[index...].starts(with: Array("// MARK: Tests"))
        }
        let indent = scanner.indentation(ofLineAt: targets.close) + "    "
        let testTarget = [
            "\(indent).testTarget(",
            "\(indent)    name: \"\(names.testTarget)\",",
            "\(indent)    dependencies: \(list(testDependencies))\(settings)),",
        ]
        let functionTargets = [
            "\(indent).target(",
            "\(indent)    name: \"\(names.handlerTarget)\", dependencies: \(list(handlerDependencies)),",
            "\(indent)    path: \"\(names.handlerPath)\"\(settings)),",
            "\(indent).executableTarget(",
            "\(indent)    name: \"\(names.function)\", dependencies: \(list([names.handlerTarget, "LambdaRuntime"])),",
            "\(indent)    path: \"\(names.mainPath)\"\(settings)),",
        ]
        if let testsMark {
            // The test target at the end, the function's targets with the others, before the tests' MARK.
            text = insertLines(testTarget, before: targets.close, in: scanner)
            let rescanned = TextScanner(text)
            text = rescanned.inserting(functionTargets.joined(separator: "\n") + "\n\n", at: rescanned.lineStart(of: testsMark))
        } else {
            text = insertLines(functionTargets + testTarget, before: targets.close, in: scanner)
        }

        let products = try arrayBounds("products", in: text)
        let productScanner = TextScanner(text)
        let productIndent = productScanner.indentation(ofLineAt: products.close) + "    "
        text = insertLines(
            ["\(productIndent).executable(name: \"\(names.function)\", targets: [\"\(names.function)\"]),"],
            before: products.close, in: productScanner)
        return text
    }

    private static func arrayBounds(_ label: String, in text: String) throws(ScaffoldError) -> (open: Int, close: Int) {
        let scanner = TextScanner(text)
        guard let call = scanner.opener(after: "Package", opener: "("),
            let open = scanner.argument(label, inCallAt: call), scanner.text[open] == "[",
            let close = scanner.matchingClose(of: open)
        else {
            throw .unexpectedShape(file: "Package.swift", "no \"\(label): [ … ]\" array in Package(…)")
        }
        return (open, close)
    }

    /// Inserts `lines` on their own lines just before the closing bracket at `close`, adding a comma after the last
    /// element when it has none.
    private static func insertLines(_ lines: [String], before close: Int, in scanner: TextScanner) -> String {
        let block = lines.joined(separator: "\n") + "\n"
        let closeLine = scanner.lineStart(of: close)
        let onOwnLine = scanner.text[closeLine..<close].allSatisfy { $0 == " " }
        let closeIndent = scanner.indentation(ofLineAt: close)
        var text =
            onOwnLine ? scanner.inserting(block, at: closeLine) : scanner.inserting("\n" + block + closeIndent, at: close)
        if let last = scanner.lastNonSpace(before: close), scanner.text[last] != ",", scanner.text[last] != "[" {
            text = TextScanner(text).inserting(",", at: last + 1)
        }
        return text
    }

    private static func list(_ names: [String]) -> String {
        "[" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
}
