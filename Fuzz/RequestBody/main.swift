import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// libFuzzer target: the strict request-body check and the fast-path reader, against each other. Neither may
/// crash; and a body the fast path reads whole (it rejects duplicates, malformed JSON and deep nesting) must be
/// one the strict check accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestBody(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let body = Data(UnsafeBufferPointer(start: data, count: count))
    let problem = RequestBodyCheck.problem(in: body)
    let fast = WireJSONReader.read(body) { (reader: inout WireJSONReader) throws(WireJSONReader.Miss) -> Bool in
        try reader.readObject { reader, _ throws(WireJSONReader.Miss) in try reader.skipValue() }
        return true
    }
    if fast == true, let problem {
        fatalError("the fast path read a body the strict check rejects: \(problem)")
    }
    return 0
}
