import Foundation

/// Paths inside this package, found from the source file's location (tests run from anywhere).
public enum PackagePaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// A product built by `swift build` in the debug configuration (what `swift test` builds).
    public static func product(_ name: String) -> URL {
        root.appendingPathComponent(".build/debug/\(name)")
    }
}
