import Foundation

/// The headers every streaming request carries, then the endpoint's extra headers on top.
enum RequestHeaders {
    static func make(accept: String, auth: HeaderFields, extra: HeaderFields, hasJSONBody: Bool = true) -> HeaderFields {
        var headers: HeaderFields = hasJSONBody ? ["Content-Type": "application/json"] : [:]
        headers.add("Accept", accept)
        for field in auth { headers.set(field.name, field.value) }
        // Extra headers come from the user's config and win over the defaults (a different anthropic-version).
        for field in extra { headers.set(field.name, field.value) }
        return headers
    }

    /// `Authorization: Bearer <key>` when a non-empty key is set.
    static func bearer(_ key: String?) -> HeaderFields {
        guard let key, !key.isEmpty else { return [:] }
        return ["Authorization": "Bearer \(key)"]
    }

    /// One header carrying the key, when a non-empty key is set.
    static func keyHeader(_ name: String, _ key: String?) -> HeaderFields {
        guard let key, !key.isEmpty else { return [:] }
        return HeaderFields([(name: name, value: key)])
    }
}
