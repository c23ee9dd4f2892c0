/// `lambda-local new` cannot add the function; nothing has been written when it is thrown before any file.
public enum ScaffoldError: Error, Equatable, CustomStringConvertible {
    /// Something of that name is already there (a file, a target, a resource).
    case exists(String)
    /// A file does not have the shape the edit expects.
    case unexpectedShape(file: String, String)
    /// `--stream` names no table of the template, or one without a stream.
    case table(String)
    /// Writing a file failed.
    case write(String, String)

    public var description: String {
        switch self {
        case .exists(let what): "\(what) already exists; choose another function name"
        case .unexpectedShape(let file, let what): "\(file): \(what)"
        case .table(let why): why
        case .write(let path, let why): "\(path): cannot be written: \(why)"
        }
    }
}
