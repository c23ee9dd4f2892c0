import ArgumentParser

/// `lambda-local`: run Swift Lambda functions from a SAM template, Docker-free.
@main
struct LambdaLocal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambda-local",
        abstract: "Run AWS Lambda functions written in Swift locally, over the real Lambda Runtime API.",
        subcommands: [
            Invoke.self, Start.self, ReplayCommand.self, Status.self, Failures.self, Stream.self, List.self, Build.self,
            GenerateEvent.self, PackageCommand.self, New.self,
        ]
    )
}
