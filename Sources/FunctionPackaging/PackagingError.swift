/// `lambda-local package` could not produce a function's zip.
public enum PackagingError: Error, Equatable, CustomStringConvertible {
    /// Writing or reading a zip failed.
    case zip(String, String)
    /// A file step (staging, copying) failed.
    case files(function: String, String)
    /// The staged function would not load on provided.al2023.
    case loadCheck(function: String, problems: [LoadProblem])
    /// The packaged template could not be written.
    case template(String, String)

    public var description: String {
        switch self {
        case .zip(let path, let why): "\(path): \(why)"
        case .files(let function, let why): "function \"\(function)\": \(why)"
        case .loadCheck(let function, let problems):
            "function \"\(function)\" would not load on provided.al2023:\n"
                + problems.map { "  - \($0.description)" }.joined(separator: "\n")
        case .template(let path, let why): "\(path): \(why)"
        }
    }
}
