import Foundation

/// Memory bounds shared by every framer.
public enum FramingLimits {
    /// The longest line (or JSON element, or event payload) a framer keeps: 16 MB. Longer input is
    /// dropped and reported as a stray message, so a broken server cannot make us grow forever.
    public static let maxLineBytes = 16 * 1024 * 1024
}
