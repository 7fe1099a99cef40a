import Foundation
import Testing
@testable import Providers

/// The keywords structured-output schemas use: every schema the APIs accept is accepted, each
/// violation names its JSON path, and what is not a schema is refused with its place.
@Suite struct JSONSchemaTests {
    func schema(_ text: String) throws -> JSONSchema { try JSONSchema(JSONParser.parse(text)) }
    func violation(_ schemaText: String, _ value: String) throws -> String? { try schema(schemaText).firstViolation(of: JSONParser.parse(value)) }

    @Test func anyOfAndNullableTypes() throws {
        let s = ##"{"type":"object","properties":{"due":{"anyOf":[{"type":"string","format":"date"},{"type":"null"}]},"n":{"type":["integer","null"]},"m":{"type":"string","nullable":true}}}"##
        #expect(try violation(s, ##"{"due":null,"n":null,"m":null}"##) == nil)
        #expect(try violation(s, ##"{"due":"2026-01-01","n":3,"m":"x"}"##) == nil)
        #expect(try violation(s, ##"{"due":3}"##) == "$.due: matches none of the 2 anyOf schemas (the first says: $.due: expected string, found integer)")
        #expect(try violation(s, ##"{"n":"3"}"##) == "$.n: expected integer or null, found string")
    }

    @Test func refsIntoDefsAndDefinitionsIncludingRecursion() throws {
        let s = ##"{"$defs":{"node":{"type":"object","properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["name"],"additionalProperties":false}},"$ref":"#/$defs/node"}"##
        #expect(try violation(s, ##"{"name":"a","children":[{"name":"b","children":[]}]}"##) == nil)
        #expect(try violation(s, ##"{"name":"a","children":[{"children":[]}]}"##) == "$.children[0]: no property name (required)")
        let d = ##"{"definitions":{"level":{"enum":["low","high"]}},"properties":{"priority":{"$ref":"#/definitions/level"}}}"##
        #expect(try violation(d, ##"{"priority":"urgent"}"##) == ##"$.priority: "urgent" is not one of ["low","high"]"##)
    }

    @Test func patternItemsAndAdditionalProperties() throws {
        let s = ##"{"type":"object","properties":{"code":{"type":"string","pattern":"^[A-Z]{3}$"},"tags":{"type":"array","items":{"type":"string"},"minItems":1,"uniqueItems":true}},"additionalProperties":{"type":"number"}}"##
        #expect(try violation(s, ##"{"code":"ABC","tags":["x"],"score":1.5}"##) == nil)
        #expect(try violation(s, ##"{"code":"abc"}"##) == ##"$.code: "abc" does not match the pattern "^[A-Z]{3}$""##)
        #expect(try violation(s, ##"{"tags":[]}"##) == "$.tags: 0 items, fewer than 1")
        #expect(try violation(s, ##"{"tags":["a","a"]}"##) == "$.tags[1]: the same as item 0 (uniqueItems)")
        #expect(try violation(s, ##"{"score":"high"}"##) == "$.score: expected number, found string")
    }

    @Test func oneOfAllOfNotAndSelfReferenceDoNotLoop() throws {
        #expect(try violation(##"{"oneOf":[{"type":"integer"},{"type":"number"}]}"##, "3") == "$: matches 2 of the oneOf schemas, not exactly one")
        #expect(try violation(##"{"allOf":[{"type":"string"},{"maxLength":2}]}"##, ##""abc""##) == "$: 3 characters, more than 2")
        #expect(try violation(##"{"not":{"type":"null"}}"##, "null") == "$: matches the schema under not")
        #expect(try violation(##"{"$ref":"#"}"##, "1") == "$: the schema's references go round in a circle (#)")
    }

    @Test func annotationsAreAccepted() throws {
        _ = try schema(##"{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"T","description":"d","type":"object","properties":{"when":{"type":"string","format":"date-time","examples":["x"]}},"propertyOrdering":["when"],"x-note":1}"##)
    }

    @Test func whatIsNotASchemaIsRefusedWithItsPlace() {
        func refusal(_ text: String) -> String? {
            do { _ = try schema(text); return nil } catch { return (error as? JSONSchemaError)?.description }
        }
        #expect(refusal(##"{"properties":{"a":{"$ref":"#/$defs/missing"}}}"##) == ##"not a schema at $.properties.a.$ref: "#/$defs/missing" points at nothing in this schema (only references inside it, "#/…", are followed)"##)
        #expect(refusal(##"{"pattern":"(["}"##) == "not a schema at $.pattern: expected a regular expression")
        #expect(refusal(##"{"anyOf":[]}"##) == "not a schema at $.anyOf: expected a non-empty list of schemas")
        #expect(refusal(##"{"properties":{"a":{"typo":1}}}"##)?.hasPrefix("not a schema at $.properties.a.typo: typo is not a keyword this validator knows") == true)
    }
}
