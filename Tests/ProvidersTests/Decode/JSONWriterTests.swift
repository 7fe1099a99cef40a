import Testing
@testable import Providers

/// The one JSON writer: separators, empty containers, key order, escapes and numbers, compact and indented.
@Suite struct JSONWriterTests {
    private func sample(pretty: Bool) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.key("type"); w.string("run")
        w.key("empty"); w.beginObject(); w.endObject()
        w.key("list"); w.beginArray(); w.integer(1); w.number(2.5); w.number(3.0); w.null(); w.beginArray(); w.endArray(); w.endArray()
        w.key("nested"); w.beginObject(); w.key("quote \""); w.string("a\nb"); w.key("ok"); w.bool(true); w.endObject()
        w.key("nan"); w.number(.nan)
        w.endObject()
        return w.text
    }

    @Test func compact() {
        #expect(sample(pretty: false) == #"{"type":"run","empty":{},"list":[1,2.5,3,null,[]],"nested":{"quote \"":"a\nb","ok":true},"nan":null}"#)
    }

    @Test func indentedByTwoSpaces() {
        #expect(sample(pretty: true) == """
            {
              "type": "run",
              "empty": {},
              "list": [
                1,
                2.5,
                3,
                null,
                []
              ],
              "nested": {
                "quote \\"": "a\\nb",
                "ok": true
              },
              "nan": null
            }
            """)
    }
}
