import Foundation

/// The documented bounds on what can be attached (docs/attachments.md).
public enum AttachmentRules {
    /// The most one file may have: 32 MB, Anthropic's whole-request limit and the largest any protocol takes.
    public static let maxFileBytes = 32 * 1024 * 1024
    /// The most all attachments of one prompt may have together (a 5 MB folder of text fits three times).
    public static let maxTotalBytes = 16 * 1024 * 1024
    /// The most files a prompt's attachments may expand to (folders and globs included).
    public static let maxFiles = 1000

    /// "5.0 MB" (MiB, one decimal), "812 B" under a kilobyte, "3.4 KB".
    public static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }
}
