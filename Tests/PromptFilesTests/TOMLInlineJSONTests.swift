import Foundation
import Providers
import Testing
@testable import PromptFiles

/// One TOML value read as JSON in the order written: inline tables (dotted and quoted keys), arrays over
/// several lines with comments, every string form and escape, numbers; what JSON cannot hold is refused.
@Suite struct TOMLInlineJSONTests {
    func json(_ toml: String) throws -> String { try TOMLInlineJSON.read(Substring(toml)).value.text }

    @Test func tablesKeepTheirOrderAndDottedKeysNest() throws {
        #expect(try json(#"{ z = 1, "a b" = 2, 'lit' = 3, p.q = true, p.r = false }"#) == #"{"z":1,"a b":2,"lit":3,"p":{"q":true,"r":false}}"#)
        #expect(try json("{}") == "{}")
        #expect(try TOMLInlineJSON.read(Substring("{ a = 1 }  # trailing\nnext = 2")).source == "{ a = 1 }")
    }

    @Test func arraysStringsAndNumbers() throws {
        #expect(try json("[\n  1, # one\n  2.5,\n  -3e2,\n  0x1F, 0o17, 0b101, 1_000,\n]") == "[1,2.5,-300,31,15,5,1000]")
        #expect(try json(#"["tab\there", "quote \" and \\", "\u00e9\U0001F600", 'C:\raw']"#) == #"["tab\there","quote \" and \\","é😀","C:\\raw"]"#)
        #expect(try json("\"\"\"\nline one\nline two \\\n   joined\"\"\"") == #""line one\nline two joined""#)
        #expect(try json("'''\n{\"a\": \"b\"}\n'''") == #""{\"a\": \"b\"}\n""#)
    }

    @Test func whatJSONCannotHoldIsRefused() {
        for toml in ["1979-05-27", "inf", "nan", "{ a = }", "[1, 2"] {
            #expect(throws: TOMLInlineJSON.Failure.self, "\(toml)") { try TOMLInlineJSON.read(Substring(toml)) }
        }
    }
}
