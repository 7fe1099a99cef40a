import Foundation

/// Refract's own token count for text, and the rule for when a count a server reported is only a placeholder.
///
/// Some servers send `0` where they do not count (`in 0 · out 0` after a streamed answer). A zero for text
/// that is not empty cannot be true, so Refract shows its own estimate instead, marked as one, and keeps
/// what the server said beside it.
public enum TokenEstimate {
    /// About four characters (Unicode scalars) a token.
    public static func tokens(characters: Int) -> Int { (characters + 3) / 4 }

    /// True when `reported` is a placeholder: zero for text of `characters` scalars that is not empty.
    public static func isPlaceholder(_ reported: Int?, characters: Int) -> Bool { reported == 0 && characters > 0 }

    /// The note saved and shown when a server reported zero output tokens for an answer of `characters` scalars.
    public static func placeholderNote(characters: Int) -> String {
        "the server reported 0 output tokens for a non-empty answer; Refract's own estimate is \(tokens(characters: characters)) tokens"
    }
}
