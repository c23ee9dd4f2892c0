import ArgumentParser

/// `--as COGNITO_SUB`: the caller as the app knows it, by the `sub` of its Cognito token.
struct CallerOptions: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("The caller's Cognito sub, as the app knows its caller.", valueName: "cognito-sub"))
    var cognitoSub: String?
}
