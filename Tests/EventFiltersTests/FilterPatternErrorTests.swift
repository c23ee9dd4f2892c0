import EventFilters
import Testing

/// Every rejection, with its exact message.
struct FilterPatternErrorTests {
    static let prefix = "Invalid filter pattern definition. "

    static let cases: [(String, String)] = [
        // Not JSON, not an object, empty.
        (#"{"a":["x"]"#, #"Not valid JSON: expected "," or "}", found end of text at offset 10."#),
        (#"{"a":["x"]} x"#, #"Not valid JSON: unexpected "x" after the JSON value at offset 12."#),
        (#"{a:["x"]}"#, #"Not valid JSON: expected a quoted field name, found "a" at offset 1."#),
        (#"{"a":[01]}"#, #"Not valid JSON: expected "," or "]", found "1" at offset 7."#),
        (#"{"a":["x\q"]}"#, #"Not valid JSON: invalid escape \"q" at offset 9."#),
        (#"{"a":[tru]}"#, #"Not valid JSON: unexpected "t" at offset 6."#),
        ("", "Not valid JSON: unexpected end of text at offset 0."),
        (#"["a"]"#, "The pattern must be a JSON object, found an array."),
        (#""eventName""#, #"The pattern must be a JSON object, found "eventName"."#),
        ("{}", "The pattern must name at least one field, found {}."),
        // Fields.
        (
            #"{"eventName":"INSERT"}"#,
            #"At "eventName": a field needs an array of matchers or an object, found "INSERT"."#
        ),
        (
            #"{"dynamodb":{"SizeBytes":5}}"#,
            #"At "dynamodb.SizeBytes": a field needs an array of matchers or an object, found 5."#
        ),
        (#"{"eventName":[]}"#, #"At "eventName": the array of matchers is empty."#),
        (#"{"dynamodb":{}}"#, #"At "dynamodb": an object must name at least one field, found {}."#),
        (
            #"{"a":[["x"]]}"#,
            #"At "a[0]": a matcher must be a string, number, boolean, null or operator object, found an array."#
        ),
        (#"{"a":[{}]}"#, #"At "a[0]": a matcher object needs exactly one operator, found none."#),
        (
            #"{"a":[{"prefix":"x","suffix":"y"}]}"#,
            #"At "a[0]": a matcher object needs exactly one operator, found "prefix", "suffix"."#
        ),
        // Operators.
        (
            #"{"a":["x",{"contains":"y"}]}"#,
            #"At "a[1]": unknown operator "contains"; "#
                + "expected one of prefix, suffix, equals-ignore-case, anything-but, numeric, exists."
        ),
        (#"{"a":[{"wildcard":"*.png"}]}"#, #"At "a[0]": "wildcard" is not supported by Lambda event filtering."#),
        (#"{"a":[{"cidr":"10.0.0.0/24"}]}"#, #"At "a[0]": "cidr" is not supported by Lambda event filtering."#),
        (#"{"$or":[{"a":["x"]},{"b":["y"]}]}"#, #"At "$or": "$or" is not supported by Lambda event filtering."#),
        (
            #"{"dynamodb":{"Keys":{"pk":{"S":[{"prefix":5}]}}}}"#,
            #"At "dynamodb.Keys.pk.S[0]": "prefix" needs a string, found 5."#
        ),
        (#"{"a":[{"suffix":null}]}"#, #"At "a[0]": "suffix" needs a string, found null."#),
        (
            #"{"a":[{"prefix":{"ignore-case":"x"}}]}"#,
            #"At "a[0]": "prefix" needs a string or {"equals-ignore-case": string}, "#
                + #"found an object with "ignore-case"."#
        ),
        (#"{"a":[{"equals-ignore-case":["x"]}]}"#, #"At "a[0]": "equals-ignore-case" needs a string, found an array."#),
        (#"{"a":[{"exists":"yes"}]}"#, #"At "a[0]": "exists" needs true or false, found "yes"."#),
        (#"{"a":[{"anything-but":[]}]}"#, #"At "a[0]": "anything-but" needs at least one value, found []."#),
        (
            #"{"a":[{"anything-but":["x",null]}]}"#,
            #"At "a[0]": "anything-but" list entries must be strings or numbers, found null."#
        ),
        (
            #"{"a":[{"anything-but":true}]}"#,
            #"At "a[0]": "anything-but" needs a string, a number, an array of them or an object, found true."#
        ),
        (
            #"{"a":[{"anything-but":{"numeric":[">",1]}}]}"#,
            #"At "a[0]": "anything-but" object needs exactly one of prefix, suffix or equals-ignore-case, "#
                + #"found "numeric"."#
        ),
        (
            #"{"a":[{"anything-but":{}}]}"#,
            #"At "a[0]": "anything-but" object needs exactly one of prefix, suffix or equals-ignore-case, found {}."#
        ),
        (#"{"a":[{"anything-but":{"prefix":1}}]}"#, #"At "a[0]": "anything-but" "prefix" needs a string, found 1."#),
        (
            #"{"a":[{"anything-but":{"wildcard":"x*"}}]}"#,
            #"At "a[0]": "anything-but" "wildcard" is not supported by Lambda event filtering."#
        ),
        // numeric.
        (#"{"a":[{"numeric":">"}]}"#, #"At "a[0]": "numeric" needs an array of operators and numbers, found ">"."#),
        (#"{"a":[{"numeric":[]}]}"#, #"At "a[0]": "numeric" needs operator/number pairs, found 0 items."#),
        (#"{"a":[{"numeric":[">",1,"<"]}]}"#, #"At "a[0]": "numeric" needs operator/number pairs, found 3 items."#),
        (
            #"{"a":[{"numeric":[1,">"]}]}"#,
            #"At "a[0]": "numeric" needs an operator (=, <, <=, >, >=) at position 0, found 1."#
        ),
        (#"{"a":[{"numeric":[">","10"]}]}"#, #"At "a[0]": "numeric" operator ">" needs a number, found "10"."#),
        (#"{"a":[{"numeric":["!=",10]}]}"#, #"At "a[0]": "numeric" operator "!=" is not one of =, <, <=, >, >=."#),
        (
            #"{"a":[{"numeric":["=",10,"<",20]}]}"#,
            #"At "a[0]": "numeric" "=" cannot be combined with other operators."#
        ),
        (#"{"a":[{"numeric":[">",1,">=",2]}]}"#, #"At "a[0]": "numeric" has two lower bounds (> or >=)."#),
        (#"{"a":[{"numeric":["<",1,"<=",2]}]}"#, #"At "a[0]": "numeric" has two upper bounds (< or <=)."#),
        (
            #"{"a":[{"numeric":[">",20,"<",10]}]}"#,
            #"At "a[0]": "numeric" lower bound 20 must be less than upper bound 10."#
        ),
        (
            #"{"a":[{"numeric":[">",1.5,"<",1.5]}]}"#,
            #"At "a[0]": "numeric" lower bound 1.5 must be less than upper bound 1.5."#
        ),
        (#"{"a":[{"numeric":["<",1e999]}]}"#, #"At "a[0]": "numeric" operand 1e999 is out of range."#),
    ]

    @Test("invalid patterns are rejected with AWS's message, the path and what was found", arguments: cases)
    func rejection(pattern: String, detail: String) {
        #expect(errorMessage { _ = try FilterPattern(parsing: pattern) } == Self.prefix + detail)
    }

    @Test("patterns longer than 4096 characters are rejected; 4096 is fine")
    func length() throws {
        let head = #"{"a":[""#
        let tail = #""]}"#
        let fits = head + String(repeating: "x", count: 4096 - head.count - tail.count) + tail
        #expect(fits.utf16.count == 4096)
        #expect(try FilterPattern(parsing: fits).matches(document(#"{"a":"\#(String(repeating: "x", count: 4086))"}"#)))
        #expect(
            errorMessage { _ = try FilterPattern(parsing: fits + " ") }
                == Self.prefix + "The pattern is 4097 characters long; at most 4096 are allowed.")
    }

    @Test("errors expose their code and path")
    func structuredFields() {
        do {
            _ = try FilterPattern(parsing: #"{"a":{"b":[{"numeric":["=",1,">",0]}]}}"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidNumericRange)
            #expect(error.path == "a.b[0]")
            #expect(error.filterIndex == nil)
            #expect(error.detail == #""numeric" "=" cannot be combined with other operators."#)
        }
    }
}
