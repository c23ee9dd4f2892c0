import EventFilters
import Testing

/// Every matcher against small JSON documents: (pattern, document, expected).
struct MatcherTests {
    static let equality: [(String, String, Bool)] = [
        // exact strings: character for character, no case folding, no normalization
        (#"{"a":["x"]}"#, #"{"a":"x"}"#, true),
        (#"{"a":["x"]}"#, #"{"a":"X"}"#, false),
        (#"{"a":["x"]}"#, #"{"a":"xy"}"#, false),
        (#"{"a":["\u00e9"]}"#, #"{"a":"e\u0301"}"#, false),
        (#"{"a":["x","y"]}"#, #"{"a":"y"}"#, true),
        (#"{"a":["x"]}"#, #"{"a":["q","x"]}"#, true),
        (#"{"a":["x"]}"#, #"{"a":["q","r"]}"#, false),
        (#"{"a":["x"]}"#, #"{"b":"x"}"#, false),
        (#"{"a":["5"]}"#, #"{"a":5}"#, false),
        // numbers: equal only when written the same (Lambda docs: 300, 300.0 and 3.0e2 differ)
        (#"{"a":[300]}"#, #"{"a":300}"#, true),
        (#"{"a":[300]}"#, #"{"a":300.0}"#, false),
        (#"{"a":[300]}"#, #"{"a":3.0e2}"#, false),
        (#"{"a":[5]}"#, #"{"a":"5"}"#, false),
        (#"{"a":[1,2]}"#, #"{"a":2}"#, true),
        // booleans, null, empty string
        (#"{"a":[true]}"#, #"{"a":true}"#, true),
        (#"{"a":[true]}"#, #"{"a":false}"#, false),
        (#"{"a":[true]}"#, #"{"a":"true"}"#, false),
        (#"{"a":[null]}"#, #"{"a":null}"#, true),
        (#"{"a":[null]}"#, #"{}"#, false),
        (#"{"a":[null]}"#, #"{"a":""}"#, false),
        (#"{"a":[""]}"#, #"{"a":""}"#, true),
        (#"{"a":[""]}"#, #"{"a":null}"#, false),
        (#"{"a":[""]}"#, #"{}"#, false),
    ]

    static let stringOperators: [(String, String, Bool)] = [
        (#"{"a":[{"prefix":"MSG#"}]}"#, #"{"a":"MSG#1"}"#, true),
        (#"{"a":[{"prefix":"MSG#"}]}"#, #"{"a":"GRP#1"}"#, false),
        (#"{"a":[{"prefix":"MSG#"}]}"#, #"{"a":"msg#1"}"#, false),
        (#"{"a":[{"prefix":"MSG#"}]}"#, #"{"a":"MSG"}"#, false),
        (#"{"a":[{"prefix":"1"}]}"#, #"{"a":12}"#, false),
        (#"{"a":[{"prefix":""}]}"#, #"{"a":"anything"}"#, true),
        (#"{"a":[{"prefix":{"equals-ignore-case":"msg#"}}]}"#, #"{"a":"MsG#1"}"#, true),
        (#"{"a":[{"prefix":{"equals-ignore-case":"msg#"}}]}"#, #"{"a":"GRP#1"}"#, false),
        (#"{"a":[{"suffix":".png"}]}"#, #"{"a":"cat.png"}"#, true),
        (#"{"a":[{"suffix":".png"}]}"#, #"{"a":"cat.PNG"}"#, false),
        (#"{"a":[{"suffix":".png"}]}"#, #"{"a":"png"}"#, false),
        (#"{"a":[{"suffix":{"equals-ignore-case":".png"}}]}"#, #"{"a":"cat.PNG"}"#, true),
        (#"{"a":[{"equals-ignore-case":"alice"}]}"#, #"{"a":"ALICE"}"#, true),
        (#"{"a":[{"equals-ignore-case":"ALICE"}]}"#, #"{"a":"alice"}"#, true),
        (#"{"a":[{"equals-ignore-case":"alice"}]}"#, #"{"a":"alicia"}"#, false),
        (#"{"a":[{"equals-ignore-case":"alice"}]}"#, #"{"a":null}"#, false),
    ]

    static let anythingBut: [(String, String, Bool)] = [
        (#"{"a":[{"anything-but":"Raining"}]}"#, #"{"a":"Sunny"}"#, true),
        (#"{"a":[{"anything-but":"Raining"}]}"#, #"{"a":"Raining"}"#, false),
        (#"{"a":[{"anything-but":["Raining","Snowing"]}]}"#, #"{"a":"Snowing"}"#, false),
        (#"{"a":[{"anything-but":["Raining","Snowing"]}]}"#, #"{"a":"Hail"}"#, true),
        (#"{"a":[{"anything-but":[100]}]}"#, #"{"a":100}"#, false),
        (#"{"a":[{"anything-but":100}]}"#, #"{"a":101}"#, true),
        (#"{"a":[{"anything-but":"x"}]}"#, #"{}"#, false),
        (#"{"a":[{"anything-but":"x"}]}"#, #"{"a":["x","y"]}"#, true),
        (#"{"a":[{"anything-but":"x"}]}"#, #"{"a":["x"]}"#, false),
        (#"{"a":[{"anything-but":{"prefix":"us-"}}]}"#, #"{"a":"eu-west-1"}"#, true),
        (#"{"a":[{"anything-but":{"prefix":"us-"}}]}"#, #"{"a":"us-east-1"}"#, false),
        (#"{"a":[{"anything-but":{"suffix":".png"}}]}"#, #"{"a":"a.png"}"#, false),
        (#"{"a":[{"anything-but":{"suffix":".png"}}]}"#, #"{"a":"a.jpg"}"#, true),
        (#"{"a":[{"anything-but":{"equals-ignore-case":"x"}}]}"#, #"{"a":"X"}"#, false),
        (#"{"a":[{"anything-but":{"equals-ignore-case":["x","y"]}}]}"#, #"{"a":"Y"}"#, false),
        (#"{"a":[{"anything-but":{"equals-ignore-case":["x","y"]}}]}"#, #"{"a":"z"}"#, true),
    ]

    static let numeric: [(String, String, Bool)] = [
        (#"{"a":[{"numeric":["=",100]}]}"#, #"{"a":100}"#, true),
        (#"{"a":[{"numeric":["=",100]}]}"#, #"{"a":100.0}"#, true),
        (#"{"a":[{"numeric":["=",100]}]}"#, #"{"a":1e2}"#, true),
        (#"{"a":[{"numeric":["=",100]}]}"#, #"{"a":101}"#, false),
        (#"{"a":[{"numeric":["=",100]}]}"#, #"{"a":"100"}"#, false),
        (#"{"a":[{"numeric":[">",10,"<=",20]}]}"#, #"{"a":10}"#, false),
        (#"{"a":[{"numeric":[">",10,"<=",20]}]}"#, #"{"a":10.5}"#, true),
        (#"{"a":[{"numeric":[">",10,"<=",20]}]}"#, #"{"a":20}"#, true),
        (#"{"a":[{"numeric":[">",10,"<=",20]}]}"#, #"{"a":20.01}"#, false),
        (#"{"a":[{"numeric":["<=",20,">",10]}]}"#, #"{"a":15}"#, true),
        (#"{"a":[{"numeric":[">=",10,"<",20]}]}"#, #"{"a":10}"#, true),
        (#"{"a":[{"numeric":[">=",10,"<",20]}]}"#, #"{"a":20}"#, false),
        (#"{"a":[{"numeric":["<",0]}]}"#, #"{"a":-0.5}"#, true),
        (#"{"a":[{"numeric":["<",0]}]}"#, #"{"a":0}"#, false),
        (#"{"a":[{"numeric":[">",0]}]}"#, #"{"a":[-1,3]}"#, true),
        (#"{"a":[{"numeric":[">",0]}]}"#, #"{"a":true}"#, false),
        (#"{"a":[{"numeric":[">",0]}]}"#, #"{}"#, false),
    ]

    static let exists: [(String, String, Bool)] = [
        (#"{"a":[{"exists":true}]}"#, #"{"a":"x"}"#, true),
        (#"{"a":[{"exists":true}]}"#, #"{"a":null}"#, true),
        (#"{"a":[{"exists":true}]}"#, #"{"a":""}"#, true),
        (#"{"a":[{"exists":true}]}"#, #"{}"#, false),
        (#"{"a":[{"exists":true}]}"#, #"{"a":{"S":"x"}}"#, false),
        (#"{"a":[{"exists":true}]}"#, #"{"a":[]}"#, false),
        (#"{"a":[{"exists":false}]}"#, #"{}"#, true),
        (#"{"a":[{"exists":false}]}"#, #"{"a":"x"}"#, false),
        (#"{"a":[{"exists":false}]}"#, #"{"a":{"S":"x"}}"#, true),
        (#"{"a":[{"exists":false}]}"#, #"{"a":[]}"#, true),
        (#"{"a":{"b":[{"exists":false}]}}"#, #"{}"#, true),
        (#"{"a":{"b":[{"exists":false}]}}"#, #"{"a":{"b":1}}"#, false),
        (#"{"a":{"b":[{"exists":false}],"c":["x"]}}"#, #"{}"#, false),
        (#"{"a":["x",{"exists":false}]}"#, #"{}"#, true),
        (#"{"a":["x",{"exists":false}]}"#, #"{"a":"x"}"#, true),
        (#"{"a":["x",{"exists":false}]}"#, #"{"a":"y"}"#, false),
    ]

    static let structure: [(String, String, Bool)] = [
        // AND across fields, descent into objects
        (#"{"a":["x"],"b":["y"]}"#, #"{"a":"x","b":"y","c":"z"}"#, true),
        (#"{"a":["x"],"b":["y"]}"#, #"{"a":"x","b":"n"}"#, false),
        (#"{"a":["x"],"b":["y"]}"#, #"{"a":"x"}"#, false),
        (#"{"a":{"b":{"c":[1]}}}"#, #"{"a":{"b":{"c":1}}}"#, true),
        (#"{"a":{"b":{"c":[1]}}}"#, #"{"a":{"b":{"c":2}}}"#, false),
        (#"{"a":{"b":["x"]}}"#, #"{"a":"x"}"#, false),
        // a leaf pattern never matches an object value; an object pattern never matches a leaf
        (#"{"a":["x"]}"#, #"{"a":{"b":"x"}}"#, false),
        // arrays of objects: one element must satisfy the whole sub-pattern
        (#"{"a":{"b":[1]}}"#, #"{"a":[{"b":2},{"b":1}]}"#, true),
        (#"{"a":{"b":[1],"c":[2]}}"#, #"{"a":[{"b":1,"c":2}]}"#, true),
        (#"{"a":{"b":[1],"c":[2]}}"#, #"{"a":[{"b":1},{"c":2}]}"#, false),
        (#"{"a":["x"]}"#, #"{"a":[["y"],["x"]]}"#, true),
        // operator names are ordinary field names
        (#"{"prefix":{"wildcard":["x"]}}"#, #"{"prefix":{"wildcard":"x"}}"#, true),
    ]

    @Test("exact strings, numbers (by JSON text), booleans, null and empty string", arguments: equality)
    func equalityMatchers(pattern: String, json: String, expected: Bool) throws {
        #expect(try FilterPattern(parsing: pattern).matches(document(json)) == expected)
    }

    @Test("prefix, suffix and equals-ignore-case", arguments: stringOperators)
    func stringMatchers(pattern: String, json: String, expected: Bool) throws {
        #expect(try FilterPattern(parsing: pattern).matches(document(json)) == expected)
    }

    @Test("anything-but with a value, a list, prefix, suffix and equals-ignore-case", arguments: anythingBut)
    func anythingButMatchers(pattern: String, json: String, expected: Bool) throws {
        #expect(try FilterPattern(parsing: pattern).matches(document(json)) == expected)
    }

    @Test("numeric equality and ranges compare values and match only JSON numbers", arguments: numeric)
    func numericMatchers(pattern: String, json: String, expected: Bool) throws {
        #expect(try FilterPattern(parsing: pattern).matches(document(json)) == expected)
    }

    @Test("exists true and false judge whether the field has a leaf value", arguments: exists)
    func existsMatchers(pattern: String, json: String, expected: Bool) throws {
        #expect(try FilterPattern(parsing: pattern).matches(document(json)) == expected)
    }

    @Test("fields are AND-ed, objects descend, arrays offer each element", arguments: structure)
    func structureMatching(pattern: String, json: String, expected: Bool) throws {
        #expect(try FilterPattern(parsing: pattern).matches(document(json)) == expected)
    }
}
