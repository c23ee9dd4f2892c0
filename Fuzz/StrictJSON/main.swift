import StrictJSON

/// libFuzzer target: the strict JSON reader. Besides not crashing, a document it accepts must read back to the same
/// value when written out again (keys in order, number literals as written), and an error's position must lie
/// within the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStrictJSON(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    do {
        let value = try StrictJSONReader.read(bytes)
        let written = FuzzWriter.text(value)
        guard let again = try? StrictJSONReader.read(written), again == value else {
            fatalError("an accepted document does not read back the same after writing: \(written)")
        }
    } catch {
        guard (0...count).contains(error.position.offset), error.position.line >= 1, error.position.column >= 1 else {
            fatalError("an error outside the input: \(error)")
        }
    }
    return 0
}

/// Writes a value back as JSON text, every string character escaped as `\uXXXX` beyond printable ASCII.
enum FuzzWriter {
    static func text(_ value: StrictJSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .string(let string): quoted(string)
        case .array(let elements): "[" + elements.map(text).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { quoted($0.key) + ":" + text($0.value) }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ string: String) -> String {
        var out = "\""
        for unit in string.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }
}
