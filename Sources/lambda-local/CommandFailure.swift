/// A command that could not do its job for a reason that is not its arguments: printed as `Error: …`, exit status 1
/// (argument errors stay `ValidationError`s: usage text, exit status 64).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
