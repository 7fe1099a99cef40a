import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What identifies one version of a file on disk: device, inode, size and modification time. A save by
/// rename changes the inode; an editor writing in place changes the size or time.
public struct FileSignature: Sendable, Equatable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modifiedNanos: Int64

    /// The file's signature now; nil when it does not exist or cannot be read.
    public static func of(_ path: String) -> FileSignature? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileSignature(
            device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
            modifiedNanos: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        )
    }
}
