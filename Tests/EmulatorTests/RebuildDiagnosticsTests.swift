import Testing

@testable import FunctionRunner

/// What `start --watch` prints of a failed build: each compiler error once, with its source excerpt.
struct RebuildDiagnosticsTests {
    @Test("errors keep their excerpt, repeats and the driver's summary line are dropped")
    func diagnostics() {
        let output = """
            [3/6] Emitting module Echo
            error: emit-module command failed with exit code 1 (use -v to see invocation)
            /p/functions/Echo/main.swift:6:5: error: cannot find 'retrun' in scope
            4 | await LambdaRuntime.runBytes { event, context in
            6 |     retrun event
              |     `- error: cannot find 'retrun' in scope
            7 | }
            [4/6] Compiling Echo main.swift
            /p/functions/Echo/main.swift:6:5: error: cannot find 'retrun' in scope
            4 | await LambdaRuntime.runBytes { event, context in
            6 |     retrun event
              |     `- error: cannot find 'retrun' in scope
            7 | }
            """
        #expect(
            FunctionBuilder.diagnostics(in: output) == [
                """
                /p/functions/Echo/main.swift:6:5: error: cannot find 'retrun' in scope
                4 | await LambdaRuntime.runBytes { event, context in
                6 |     retrun event
                  |     `- error: cannot find 'retrun' in scope
                7 | }
                """
            ])
    }

    @Test("a failure without an error: line shows the output's last lines")
    func noErrorLine() {
        #expect(FunctionBuilder.diagnostics(in: "a\nb\nlinker failed") == ["a", "b", "linker failed"])
    }
}
