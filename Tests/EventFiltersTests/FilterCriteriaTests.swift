import DynamoDBTypes
import EventFilters
import Testing

struct FilterCriteriaTests {
    @Test("no patterns let every record through")
    func emptyCriteria() throws {
        #expect(FilterCriteria().matches(Records.groupRemove))
        #expect(try FilterCriteria(patterns: []).matches(Records.messageInsert))
        #expect(try FilterCriteria(patterns: []).patterns.isEmpty)
    }

    @Test(
        "filters are OR-ed: a record passes when any one matches",
        arguments: [("MSG# INSERT", true), ("GRP# REMOVE", true), ("GRP# INSERT", false), ("TTL REMOVE", true)])
    func orAcrossFilters(name: String, expected: Bool) throws {
        let records = [
            "MSG# INSERT": Records.messageInsert, "GRP# REMOVE": Records.groupRemove,
            "GRP# INSERT": Records.groupInsert, "TTL REMOVE": Records.ttlRemove,
        ]
        let record = try #require(records[name])
        let criteria = try FilterCriteria(patterns: [
            #"{"eventName":["INSERT"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"MSG#"}]}}}}"#,
            #"{"eventName":["REMOVE"]}"#,
        ])
        #expect(criteria.patterns.count == 2)
        #expect(criteria.matches(record) == expected)
    }

    @Test("five filters are accepted (AWS's default quota), six are not")
    func filterCount() throws {
        let pattern = #"{"eventName":["INSERT"]}"#
        #expect(try FilterCriteria(patterns: Array(repeating: pattern, count: 5)).patterns.count == 5)
        #expect(
            errorMessage { _ = try FilterCriteria(patterns: Array(repeating: pattern, count: 6)) }
                == "Invalid filter pattern definition. FilterCriteria has 6 filters; at most 5 are allowed.")
    }

    @Test("an invalid filter is reported with its index")
    func errorCarriesIndex() throws {
        var thrown: FilterPatternError?
        do {
            _ = try FilterCriteria(patterns: [
                #"{"eventName":["INSERT"]}"#, #"{"eventName":["MODIFY"]}"#,
                #"{"dynamodb":{"Keys":{"pk":{"S":[{"prefix":5}]}}}}"#,
            ])
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.filterIndex == 2)
        #expect(error.code == .invalidOperand)
        #expect(error.path == "dynamodb.Keys.pk.S[0]")
        #expect(
            error.description
                == #"Invalid filter pattern definition. Filters[2]: At "dynamodb.Keys.pk.S[0]": "#
                + #""prefix" needs a string, found 5."#
        )
    }

    @Test("the pattern text is kept for echoing the configuration back")
    func keepsText() throws {
        let text = #"{ "eventName" : [ "INSERT" ] }"#
        #expect(try FilterCriteria(patterns: [text]).patterns.map(\.text) == [text])
    }
}
