import Testing

@testable import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct ItemSizeTests {
    @Test("SAM's and the Lambda docs' Id N 101 records are 26, 59 and 38 bytes")
    func samSample() {
        #expect(ItemSize.of(Samples.keys) == 5)
        #expect(StreamRecordData.sizeBytes(keys: Samples.keys, newImage: Samples.inserted, oldImage: nil) == 26)
        #expect(
            StreamRecordData.sizeBytes(keys: Samples.keys, newImage: Samples.changed, oldImage: Samples.inserted) == 59)
        #expect(StreamRecordData.sizeBytes(keys: Samples.keys, newImage: nil, oldImage: Samples.changed) == 38)
    }

    @Test("the Cruddur INSERT is 70 + 227 = 297 bytes and its GRP# REMOVE 76")
    func cruddur() {
        let keys: Item = [
            "pk": .s("MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399"), "sk": .s("2023-03-20T16:08:58.321345"),
        ]
        var item = keys
        item["message"] = .s("Hello!")
        item["message_uuid"] = .s("c0a3c2b4-7d1e-4d0f-9a57-2f5e0e3c1b11")
        item["user_uuid"] = .s("90b6d1c2-4c57-4b1e-8f0a-3a3bb6c2e7d4")
        item["user_display_name"] = .s("Andrew Brown")
        item["user_handle"] = .s("andrewbrown")
        #expect(ItemSize.of(keys) == 70)
        #expect(ItemSize.of(item) == 227)
        #expect(StreamRecordData.sizeBytes(keys: keys, newImage: item, oldImage: nil) == 297)
        let removed: Item = [
            "pk": .s("GRP#90b6d1c2-4c57-4b1e-8f0a-3a3bb6c2e7d4"), "sk": .s("2023-03-20T16:01:02.000001+00:00"),
        ]
        #expect(StreamRecordData.sizeBytes(keys: removed, newImage: nil, oldImage: nil) == 76)
    }

    @Test("AWS-recorded NEW_IMAGE record with a binary attribute is 70 bytes (LocalStack snapshot)")
    func binaryRecord() {
        let keys: Item = ["my_partition_key": .s("hello world")]
        let image: Item = ["binary_key": .b(Data("foobar".utf8)), "my_partition_key": .s("hello world")]
        #expect(StreamRecordData.sizeBytes(keys: keys, newImage: image, oldImage: nil) == 70)
    }

    @Test("the Lambda docs' binary-set record is 54 bytes")
    func binarySetRecord() throws {
        let keys: Item = ["val": .s("data"), "key": .s("binary")]
        var image = keys
        image["asdf1"] = .b(try #require(Data(base64Encoded: "AAEqQQ==")))
        image["asdf2"] = .bs([
            try #require(Data(base64Encoded: "AAEqQQ==")), try #require(Data(base64Encoded: "QSoBAA==")),
        ])
        #expect(StreamRecordData.sizeBytes(keys: keys, newImage: image, oldImage: nil) == 54)
    }

    @Test(
        "real AWS records with fractional numbers (43 and 45 bytes) need decimal-aligned digit pairs",
        arguments: [
            ("CEI", "139.2675643770462", "1644014501478", 43), ("DWAC", "277.3260952221545", "1644014501603", 45),
        ])
    func fractionalNumbers(symbol: String, price: String, ts: String, expected: Int) {
        let keys: Item = ["symbol": .s(symbol)]
        let image: Item = ["symbol": .s(symbol), "price": .n(price), "ts": .n(ts)]
        #expect(StreamRecordData.sizeBytes(keys: keys, newImage: image, oldImage: nil) == expected)
    }

    @Test(
        "number sizes: base-100 digits aligned on the decimal point, plus one",
        arguments: [
            ("0", 1), ("1", 2), ("101", 3), ("100", 2), ("1000", 2), ("12345", 4), ("0.5", 2), ("1.5", 3),
            ("-101", 3), ("139.2675643770462", 10), ("1644014501478", 8), ("0.05", 2), ("0.005", 2), ("12.34", 3),
            ("9.9999999999999999999999999999999999999E+125", 20), ("99999999999999999999999999999999999999", 20),
            ("9999999999999999999999999999999999999.9", 21), ("1e-130", 2),
        ])
    func numberSizes(text: String, size: Int) {
        #expect(ItemSize.of(AttributeValue.n(text)) == size)
    }

    @Test("scalar, set, list and map sizes")
    func valueSizes() {
        #expect(ItemSize.of(AttributeValue.s("héllo")) == 6)
        #expect(ItemSize.of(AttributeValue.s("")) == 0)
        #expect(ItemSize.of(AttributeValue.b(Data([1, 2, 3]))) == 3)
        #expect(ItemSize.of(AttributeValue.bool(true)) == 1)
        #expect(ItemSize.of(AttributeValue.null) == 1)
        #expect(ItemSize.of(AttributeValue.ss(["a", "bc"])) == 3)
        #expect(ItemSize.of(AttributeValue.ns(["1", "101"])) == 5)
        #expect(ItemSize.of(AttributeValue.bs([Data([1]), Data([2, 3])])) == 3)
        #expect(ItemSize.of(AttributeValue.l([])) == 3)
        #expect(ItemSize.of(AttributeValue.m([:])) == 3)
        #expect(ItemSize.of(AttributeValue.l([.n("1"), .s("ab")])) == 3 + (1 + 2) + (1 + 2))
        #expect(ItemSize.of(AttributeValue.m(["a": .s("b")])) == 3 + 1 + 1 + 1)
        #expect(ItemSize.of(["list": .l([.m(["k": .bool(false)])])] as Item) == 4 + 3 + 1 + (3 + 1 + 1 + 1))
    }
}
