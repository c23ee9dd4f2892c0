import DynamoDBTypes
import Testing

struct OrderedJSONEncoderTests {
    struct Sample: Encodable {
        var zeta = 1
        var alpha = "a/b"
        var missing: String? = nil
        var explicitNull: String? = nil
        var whole = 1_428_537_600.0
        var fraction = 1.5
        var flags = [true, false]
        var nested = ["only": [1, 2]]

        enum CodingKeys: String, CodingKey {
            case zeta, alpha, missing, explicitNull, whole, fraction, flags, nested
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(zeta, forKey: .zeta)
            try container.encode(alpha, forKey: .alpha)
            try container.encodeIfPresent(missing, forKey: .missing)
            try container.encodeNil(forKey: .explicitNull)
            try container.encode(whole, forKey: .whole)
            try container.encode(fraction, forKey: .fraction)
            try container.encode(flags, forKey: .flags)
            try container.encode(nested, forKey: .nested)
        }
    }

    @Test("keys come out in encode order; nil optionals are omitted; slashes are not escaped")
    func order() throws {
        #expect(
            try orderedJSON(Sample())
                == #"{"zeta":1,"alpha":"a/b","explicitNull":null,"whole":1428537600,"fraction":1.5,"flags":[true,false],"nested":{"only":[1,2]}}"#
        )
    }

    @Test("indented output")
    func indented() throws {
        let text = try OrderedJSONEncoder(indent: 2).encodeToString(["k": [1]])
        #expect(text == "{\n  \"k\": [\n    1\n  ]\n}")
    }

    @Test("control characters and quotes are escaped")
    func escaping() throws {
        #expect(try orderedJSON("a\"b\\c\n\t\u{01}") == #""a\"b\\c\n\t\u0001""#)
    }

    @Test("non-finite numbers are refused with the path")
    func nonFinite() {
        do {
            _ = try orderedJSON(["x": Double.nan])
            Issue.record("encoded NaN")
        } catch let error as OrderedJSONEncodingError {
            #expect(error.description == "Cannot encode non-finite number \"nan\" at \"x\"")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
