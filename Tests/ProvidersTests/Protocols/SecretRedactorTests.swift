import Testing
@testable import Providers

@Suite struct SecretRedactorTests {
    @Test func givenSecretValuesAreReplacedEverywhere() {
        let redactor = SecretRedactor(secrets: ["gsk_live_0123456789", "abc"])
        #expect(redactor.redact("key gsk_live_0123456789 and again:gsk_live_0123456789!") == "key [redacted] and again:[redacted]!")
        // Values shorter than 4 characters are not secrets worth mangling text for.
        #expect(redactor.redact("abc") == "abc")
    }

    @Test func keyShapedTokensAreReplaced() {
        #expect(SecretRedactor.redact("Incorrect API key provided: sk-abc***xyz. See docs.") == "Incorrect API key provided: [redacted]. See docs.")
        #expect(SecretRedactor.redact("key=sk-ant-api03-AbC_dEf-123") == "key=[redacted]")
        #expect(SecretRedactor.redact("sk-proj-Zz9 failed") == "[redacted] failed")
        #expect(SecretRedactor.redact("(AIzaSyA1b2C3d4E5f6G7h8)") == "([redacted])")
        #expect(SecretRedactor.redact("masked gsk_ab****cdef here") == "masked [redacted] here")
    }

    @Test func bearerTokensAreReplaced() {
        #expect(SecretRedactor.redact("Authorization: Bearer eyJhbGciOi.J9x+/=") == "Authorization: Bearer [redacted]")
        #expect(SecretRedactor.redact("\"Bearer tok123\"") == "\"Bearer [redacted]\"")
        #expect(SecretRedactor.redact("Bearer") == "Bearer")
    }

    @Test func ordinaryTextIsLeftAlone() {
        let text = "The task-force asked: is sk- a prefix? Risk-free. ** bold ** and the bearer of news. AIza"
        #expect(SecretRedactor.redact(text) == text)
        #expect(SecretRedactor.redact("Привет, мир 👋") == "Привет, мир 👋")
    }
}
