import SAMTemplate

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// libFuzzer target: the template loader (the JSON reader, intrinsic functions, resource and event validation) on
/// the input as a template's bytes. A thrown ``TemplateError`` is an answer; a crash, a hang or a trap is a bug.
/// `CodeUri` paths resolve against a directory that does not exist, so nothing on disk is read or written.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: count))
    do {
        let template = try TemplateLoader.load(data: bytes, file: "template.json", directory: "/nonexistent-fuzz")
        _ = template.functions.count
    } catch {
        _ = error.description
    }
    return 0
}
