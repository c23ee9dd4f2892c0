import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct KeyEncodingTests {
    @Test("encoded numbers sort by value, including negatives, fractions and exponents")
    func numbersSortByValue() throws {
        let ascending = [
            "-1E+125", "-100", "-10", "-9.5", "-1.5", "-1.05", "-1", "-0.15", "-0.1", "-1E-130", "0", "1E-130",
            "0.001", "0.1", "0.15", "1", "1.05", "1.5", "2", "9.99", "10", "10.01", "100", "1E+125",
        ]
        let encoded = try ascending.map { try #require(KeyEncoding.encode(.n($0))) }
        for (lower, higher) in zip(encoded, encoded.dropFirst()) {
            #expect(lower.lexicographicallyPrecedes(higher))
        }
    }

    @Test("equal numbers in different spellings encode identically")
    func numberSpellings() {
        #expect(KeyEncoding.encode(.n("1.50")) == KeyEncoding.encode(.n("1.5")))
        #expect(KeyEncoding.encode(.n("150E-2")) == KeyEncoding.encode(.n("1.5")))
        #expect(KeyEncoding.encode(.n("-0")) == KeyEncoding.encode(.n("0")))
    }

    @Test("strings sort by UTF-8 bytes, not by Unicode scalars or case-folded")
    func stringsByBytes() throws {
        // "Z" (0x5A) < "a" (0x61) < "é" (0xC3 0xA9) < "\u{FFFD}" (0xEF…) < "😀" (0xF0…)
        let ascending = ["", "A", "Z", "a", "ab", "b", "é", "\u{FFFD}", "😀"]
        let encoded = try ascending.map { try #require(KeyEncoding.encode(.s($0))) }
        for (lower, higher) in zip(encoded, encoded.dropFirst()) {
            #expect(lower.lexicographicallyPrecedes(higher))
        }
    }

    @Test("binaries sort as unsigned bytes")
    func binaryUnsigned() throws {
        let low = try #require(KeyEncoding.encode(.b(Data([0x7F]))))
        let high = try #require(KeyEncoding.encode(.b(Data([0x80]))))
        #expect(low.lexicographicallyPrecedes(high))
    }

    @Test("non-scalar values have no key encoding")
    func nonScalars() {
        #expect(KeyEncoding.encode(.bool(true)) == nil)
        #expect(KeyEncoding.encode(.ss(["a"])) == nil)
    }

    @Test("begins_with ranges end at the prefix's byte successor")
    func prefixSuccessor() {
        #expect(KeyRange.successor(of: Data("2023".utf8)) == Data("2024".utf8))
        #expect(KeyRange.successor(of: Data([0x61, 0xFF])) == Data([0x62]))
        #expect(KeyRange.successor(of: Data([0xFF, 0xFF])) == nil)
    }
}
