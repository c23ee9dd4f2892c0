import Testing

@testable import LambdaRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The variable's value as `getenv` sees it.
private func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

struct TraceIDVariableTests {
    @Test("values of growing and shrinking length, and removal, are what getenv sees")
    func values() {
        // A name of its own, so this test never races the runtime tests that export _X_AMZN_TRACE_ID.
        let name = "LAMBDA_RUNTIME_TEST_TRACE_VALUES"
        let variable = TraceIDVariable(name: name)
        let values: [String?] = [
            "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
            String(repeating: "a", count: 300),
            nil,
            String(repeating: "b", count: 400),
            "",
            "Root=1-2",
        ]
        for value in values {
            variable.set(value)
            #expect(environmentValue(name) == value)
        }
    }

    @Test("a value read during one invocation stays intact while the next one runs")
    func previousValueIntact() throws {
        let name = "LAMBDA_RUNTIME_TEST_TRACE_PREVIOUS"
        let variable = TraceIDVariable(name: name)
        variable.set("Root=1-first")
        let first = try #require(getenv(name))
        variable.set("Root=1-second")
        #expect(String(cString: first) == "Root=1-first")
        #expect(environmentValue(name) == "Root=1-second")
    }

    @Test("the last value outlives the variable's buffers")
    func valueOutlivesVariable() {
        let name = "LAMBDA_RUNTIME_TEST_TRACE_LAST"
        do {
            let variable = TraceIDVariable(name: name)
            variable.set("Root=1-one")
            variable.set("Root=1-two")
        }
        #expect(environmentValue(name) == "Root=1-two")
    }
}
