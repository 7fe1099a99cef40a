import Providers
import TerminalUI

/// Each comparison column's wrapped answer, kept between frames and extended only by the text that
/// arrived since. Re-sanitising and re-wrapping every column's whole answer on every frame made a
/// streaming grid cost O(answer length) per column per frame (most of the CPU of 8 columns).
///
/// A memo, not state: the view gives the same cells with or without it. Owned by the loop (one UI
/// thread), so it is not `Sendable`.
public final class ColumnTextCache {
    struct Key: Equatable {
        var runID: String
        var width: Int
        var subtitle: String?
    }

    private struct Entry {
        var key: Key
        var wrapped: WrappedText
        /// UTF-8 bytes of the answer already fed to `sanitizer`.
        var consumed: Int
        var sanitizer = StreamSanitizer()
        var flushed = false
    }

    private var entries: [Int: Entry] = [:]

    public init() {}

    /// The wrapped subtitle and answer of `column`; `ended` flushes a held-back escape sequence.
    /// A run's answer only grows, so text beyond `consumed` is all that is new.
    func wrapped(column: Int, key: Key, text: String, ended: Bool) -> WrappedText {
        let count = text.utf8.count
        var entry: Entry
        if let cached = entries[column], cached.key == key, count >= cached.consumed, !(cached.flushed && count > cached.consumed) {
            entry = cached
        } else {
            entry = Entry(key: key, wrapped: ColumnTextCache.start(key), consumed: 0)
        }
        if count > entry.consumed {
            // By bytes, not `String` indices (those round down to a character boundary, and a
            // combining mark can arrive in a later delta than its base).
            let new = String(decoding: text.utf8.dropFirst(entry.consumed), as: UTF8.self)
            entry.wrapped.append(entry.sanitizer.feed(new), role: .responseText, inertRole: .responseInert)
            entry.consumed = count
        }
        if ended, !entry.flushed {
            let rest = entry.sanitizer.finish()
            if !rest.text.isEmpty { entry.wrapped.append(rest, role: .responseText, inertRole: .responseInert) }
            entry.flushed = true
        }
        entries[column] = entry
        return entry.wrapped
    }

    private static func start(_ key: Key) -> WrappedText {
        var wrapped = WrappedText(width: max(1, key.width))
        if let subtitle = key.subtitle { wrapped.append(subtitle + "\n", role: .responseMeta) }
        return wrapped
    }
}
