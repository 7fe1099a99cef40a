import Testing
@testable import Providers

@Suite struct JSONParserTests {
    @Test func readsNestedValues() throws {
        let value = try JSONParser.parse(#" {"a": [1, 2.5, -3e2, true, null, "x\n\u00e9\ud83d\ude00"], "b": {}} "#)
        #expect(value["a"] == .array([.number(1), .number(2.5), .number(-300), .bool(true), .null, .string("x\né😀")]))
        #expect(value["b"] == .object([]))
    }

    @Test func errorsSayWhatAndWhere() {
        #expect(throws: JSONParser.Failure(message: "unexpected '}'", line: 1, column: 7)) { try JSONParser.parse(#"{"a": }"#) }
        #expect(throws: JSONParser.Failure(message: "expected ',' or '}', found '\"'", line: 2, column: 3)) { try JSONParser.parse("{\"a\": 1\n  \"b\": 2}") }
        #expect(throws: JSONParser.Failure(message: "unexpected 'x' after the value", line: 1, column: 3)) { try JSONParser.parse("1 x") }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("") }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("01") }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(#"{"a": "open"#) }
    }

    @Test func keyOrderDoesNotMatterForEquality() throws {
        #expect(try JSONParser.parse(#"{"a":1,"b":2}"#) == (try JSONParser.parse(#"{"b":2,"a":1}"#)))
        #expect(try JSONParser.parse(#"{"a":1}"#) != (try JSONParser.parse(#"{"a":2}"#)))
    }
}
