import Foundation
import Providers

extension PromptDocument {
    /// The file's schema as a request carries it (named after its `title`, or "answer"); nil without one.
    public var responseSchema: ResponseSchema? {
        schema.map { ResponseSchema(name: PromptSchemaReading.name(for: $0), schema: $0) }
    }

    /// Whether any variant opted out with `schema = false`.
    public var hasVariantWithoutSchema: Bool { instructions.contains { !$0.usesSchema } }
}

extension Prompt {
    /// This prompt with `schema` set (nil removes it); `sent: false` checks answers against it without asking for it.
    public func withSchema(_ schema: ResponseSchema?, sent: Bool = true) -> Prompt {
        var copy = self
        copy.schema = schema
        copy.sendsSchema = sent
        return copy
    }
}
