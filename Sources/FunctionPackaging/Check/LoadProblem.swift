/// A reason a packaged binary would not load on `provided.al2023`, with what to do about it.
public enum LoadProblem: Error, Equatable, CustomStringConvertible {
    /// `file` needs a glibc symbol version newer than AL2023's (the symbols bound to it are listed).
    case glibcTooNew(file: String, version: String, symbols: [String])
    /// `file` needs a library that is neither in the image nor bundled, and none was found here to bundle.
    case missingLibrary(file: String, library: String)
    /// A file could not be read as ELF.
    case unreadable(ELFError)

    public var description: String {
        switch self {
        case .glibcTooNew(let file, let version, let symbols):
            let shown = symbols.prefix(8).joined(separator: ", ") + (symbols.count > 8 ? ", …" : "")
            return "\(file) needs \(version) (symbols: \(shown.isEmpty ? "none named" : shown)), but provided.al2023 "
                + "has glibc \(ProvidedAL2023.glibcVersion.map(String.init).joined(separator: ".")): build it on "
                + "Amazon Linux 2023 (e.g. in the swift:amazonlinux2023 image) or with Swift's static Linux SDK "
                + "(swift build --swift-sdk x86_64-swift-linux-musl), whose binaries need no glibc"
        case .missingLibrary(let file, let library):
            return "\(file) needs \(library), which the provided.al2023 image does not have and which was not found "
                + "on this machine to bundle: install it here (so it is bundled into the zip's lib/), put it in the "
                + "function's CodeUri/lib/, or link it statically"
        case .unreadable(let error):
            return error.description
        }
    }
}
