// swift-tools-version:6.2
// A throwaway-sized manual check of CursesBackend in a real terminal (see Sources/curses-demo/main.swift).
// It symlinks the project's sources so it builds in seconds without the network stack; keep
// TerminalUI's dependencies in step with the root Package.swift.
import PackageDescription

let settings: [SwiftSetting] = [.swiftLanguageMode(.v6)]
let package = Package(
    name: "CursesDemo",
    dependencies: [.package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0")],
    targets: [
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw"),
        .target(name: "CTermSupport"),
        .target(name: "TerminalUI", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")], swiftSettings: settings),
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "CTermSupport", "TerminalUI"], swiftSettings: settings),
        .executableTarget(name: "curses-demo", dependencies: ["CursesBackend", "TerminalUI"], swiftSettings: settings),
    ]
)
