import Testing

@testable import DynamoDBTypes

struct DynamoDBNumberTests {
    @Test(
        "accepted forms normalise to DynamoDB's plain decimal",
        arguments: [
            ("1", "1"), ("-1.50", "-1.5"), ("1e2", "100"), ("1E+2", "100"), ("1.5e-3", "0.0015"),
            (".5", "0.5"), ("5.", "5"), ("+3", "3"), ("0001.23", "1.23"), ("-0", "0"), ("0.000", "0"),
            ("0e1000", "0"), ("-0e-1000", "0"), ("-17e5", "-1700000"),
            ("-17.4E37", "-174" + String(repeating: "0", count: 36)),
            ("1e+5", "100000"), ("100", "100"), ("10.010", "10.01"), ("-7.1234", "-7.1234"),
            ("1e-130", "0." + String(repeating: "0", count: 129) + "1"),
            ("1e125", "1" + String(repeating: "0", count: 125)),
            ("3.1415926535897932384626433832795028841", "3.1415926535897932384626433832795028841"),
            (
                "31415926535897932384626433832795028841e30",
                "31415926535897932384626433832795028841" + String(repeating: "0", count: 30)
            ),
            ("1" + String(repeating: "0", count: 60) + ".000", "1" + String(repeating: "0", count: 60)),
            ("0.1E1", "1"), ("123.456e1", "1234.56"), ("123.456e-1", "12.3456"),
        ])
    func normalises(input: String, expected: String) throws {
        #expect(try DynamoDBNumber(input).description == expected)
    }

    @Test(
        "rejected text names the value as DynamoDB does",
        arguments: [
            "abc", "", "1.2.3", "NaN", "Infinity", "-Infinity", "-NaN", "dog", " 1", "1 ", ".", "-", "+", "1e", "1e+",
            "e5", "1,5", "--1", "0x10", "1e5.5", "١",
        ])
    func rejectsText(input: String) {
        #expect(throws: NumberError(description: "The parameter cannot be converted to a numeric value: \(input)")) {
            try DynamoDBNumber(input)
        }
    }

    @Test(
        "limits on precision and magnitude",
        arguments: [
            ("3.14159265358979323846264338327950288419", NumberError.tooManyDigits),
            ("314159265358979323846.264338327950288419", .tooManyDigits),
            ("314159265358979323846264338327950288419e30", .tooManyDigits),
            ("1e126", .overflow), ("11e125", .overflow), ("-1e126", .overflow), ("1e100000000000000000000", .overflow),
            ("1e-131", .underflow), ("0.9e-130", .underflow), ("-1e-131", .underflow),
            ("1e-99999999999999999999", .underflow),
        ])
    func limits(input: String, error: NumberError) {
        #expect(throws: error) { try DynamoDBNumber(input) }
    }

    @Test("error messages are DynamoDB's")
    func messages() {
        #expect(
            NumberError.tooManyDigits.description == "Attempting to store more than 38 significant digits in a Number")
        #expect(
            NumberError.overflow.description
                == "Number overflow. Attempting to store a number with magnitude larger than supported range")
        #expect(
            NumberError.underflow.description
                == "Number underflow. Attempting to store a number with magnitude smaller than supported range")
    }

    @Test("the largest and smallest magnitudes are accepted")
    func extremes() throws {
        let largest = "9.9999999999999999999999999999999999999E+125"
        #expect(try DynamoDBNumber(largest).significantDigitCount == 38)
        #expect(try DynamoDBNumber("-" + largest).leadingExponent == 125)
        #expect(try DynamoDBNumber("1E-130").leadingExponent == -130)
    }

    @Test(
        "significant digits ignore leading and trailing zeros",
        arguments: [("0", 0), ("101", 3), ("100", 1), ("1.50", 2), ("0.0015", 2), ("-12345", 5), ("1e100", 1)])
    func significantDigits(input: String, count: Int) throws {
        #expect(try DynamoDBNumber(input).significantDigitCount == count)
    }

    @Test(
        "equal values are equal, hash alike and print alike",
        arguments: [("1.0", "1"), ("100", "1e2"), ("-0", "0"), ("0.50", "5e-1"), ("-2.500", "-25E-1")])
    func equality(left: String, right: String) throws {
        let a = try DynamoDBNumber(left)
        let b = try DynamoDBNumber(right)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.description == b.description)
        #expect(Set([a, b]).count == 1)
    }

    @Test(
        "ordering is by value",
        arguments: [
            ("-2", "-1.5"), ("-1.5", "-1"), ("-1", "0"), ("0", "0.001"), ("0.001", "1"), ("1", "1.5"),
            ("1.5", "10"), ("9", "10"), ("-10", "-9"), ("99", "100"), ("1e-130", "2e-130"),
            ("-9.9999999999999999999999999999999999999E+125", "-1e125"), ("123.45", "123.5"),
        ])
    func ordering(smaller: String, larger: String) throws {
        let a = try DynamoDBNumber(smaller)
        let b = try DynamoDBNumber(larger)
        #expect(a < b)
        #expect(!(b < a))
        #expect(a.sortKey < b.sortKey, "sort keys \(a.sortKey) and \(b.sortKey)")
    }

    @Test("sort keys match the layout")
    func sortKeys() throws {
        #expect(try DynamoDBNumber("0").sortKey == "2")
        #expect(try DynamoDBNumber("123").sortKey == "3202123")
        #expect(try DynamoDBNumber("-1.5").sortKey == "179984~")
        #expect(try DynamoDBNumber("0.05").sortKey == "31985")
    }

    @Test(
        "addition and subtraction are exact",
        arguments: [
            ("1", "2", "3", "-1"), ("0.1", "0.2", "0.3", "-0.1"), ("1.5", "-1.5", "0", "3"),
            ("10000000000000000000000", "1", "10000000000000000000001", "9999999999999999999999"),
            ("1", "10000000000000000000000", "10000000000000000000001", "-9999999999999999999999"),
            ("-5", "3", "-2", "-8"), ("-5", "-3", "-8", "-2"), ("99.99", "0.01", "100", "99.98"),
            ("0", "-7.25", "-7.25", "7.25"), ("1e100", "1e100", "2" + String(repeating: "0", count: 100), "0"),
            ("0.000001", "1000000", "1000000.000001", "-999999.999999"),
        ])
    func arithmetic(left: String, right: String, sum: String, difference: String) throws {
        let a = try DynamoDBNumber(left)
        let b = try DynamoDBNumber(right)
        #expect(try a.adding(b).description == sum)
        #expect(try a.subtracting(b).description == difference)
        #expect(try b.adding(a).description == sum)
    }

    @Test(
        "arithmetic results outside DynamoDB's limits fail as DynamoDB reports them",
        arguments: [
            ("9e125", "9e125", NumberError.overflow), ("-9e125", "-9e125", .overflow),
            ("1e50", "1", .overflow), ("1e50", "-1", .overflow),
            ("2e-130", "-1.5e-130", .underflow),
        ])
    func arithmeticLimits(left: String, right: String, error: NumberError) throws {
        let a = try DynamoDBNumber(left)
        let b = try DynamoDBNumber(right)
        #expect(throws: error) { try a.adding(b) }
    }

    @Test("integers convert exactly", arguments: [0, 1, -1, 100, Int.max, Int.min])
    func integers(value: Int) throws {
        #expect(DynamoDBNumber(value).description == String(value))
        #expect(DynamoDBNumber(value) == (try DynamoDBNumber(String(value))))
    }

    @Test("numbers encode as normalised JSON strings and decode with validation")
    func codable() throws {
        #expect(try orderedJSON(["n": try DynamoDBNumber("1.50")]) == #"{"n":"1.5"}"#)
        #expect(try decode(DynamoDBNumber.self, #""1e2""#) == DynamoDBNumber(100))
        #expect(throws: DecodingError.self) { try decode(DynamoDBNumber.self, #""NaN""#) }
    }
}
