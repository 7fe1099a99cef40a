import Testing
@testable import Evaluation
import Providers

@Suite struct JSONPathTests {
    @Test func pathsFindValuesOrSayWhyNot() throws {
        let doc = try JSONParser.parse(#"{"user":{"emails":["a@b.c"]},"n":3}"#)
        #expect(try JSONPath("$.user.emails[0]").value(in: doc) == .success(.string("a@b.c")))
        #expect(try JSONPath(#"$["n"]"#).value(in: doc) == .success(.number(3)))
        #expect(try JSONPath("$.user.phone").value(in: doc) == .failure(.init("no key phone in $.user")))
        #expect(try JSONPath("$.user.emails[3]").value(in: doc) == .failure(.init("$.user.emails has 1 item(s), no [3]")))
        #expect(throws: CheckSetupError.self) { try JSONPath("user.name") }
        #expect(throws: CheckSetupError.self) { try JSONPath("$.a[") }
    }
}
