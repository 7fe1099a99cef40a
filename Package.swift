// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "Refract",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "refract", targets: ["refract"]),
        .executable(name: "refract-fault-server", targets: ["refract-fault-server"]),
        .executable(name: "refract-bench", targets: ["refract-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The only C the project has: the ncursesw binding (headers only) and small POSIX helpers.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        .target(name: "CTermSupport"),

        // Process, paths and file helpers shared by every layer; no UI, no network.
        .target(name: "Platform", dependencies: ["CTermSupport"], swiftSettings: swiftSettings),

        // Neutral request/stream model, framing, wire protocols, transport, pricing, local models.
        .target(
            name: "Providers",
            dependencies: [
                "Platform",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: swiftSettings
        ),
        // config.toml: providers, prices, keys, theme, sessions folder.
        .target(
            name: "Config",
            dependencies: ["Providers", "Platform", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        // Session records, append-only store, reader, replay, export.
        .target(name: "Sessions", dependencies: ["Providers", "Platform"], swiftSettings: swiftSettings),
        // The .refract.toml prompt file: read (with file:line:col errors), write (stable, diff-friendly), save atomically, lock.
        .target(
            name: "PromptFiles",
            dependencies: ["Providers", "Platform", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        // Generated sessions for tests and benchmarks: kept out of the shipping Sessions target.
        .target(name: "SessionFixtures", dependencies: ["Sessions", "Providers", "Platform"], swiftSettings: swiftSettings),
        // Test sets and checks: cases (inline, CSV, JSONL, folder), checks (pure, command, judge), the cell plan, reports. No UI.
        .target(
            name: "Evaluation",
            dependencies: ["Providers", "PromptFiles", "Sessions", "Platform", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        // Cells, buffers, layout, text width, styles, themes, widgets: no curses, no models.
        .target(
            name: "TerminalUI",
            dependencies: ["Platform", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        // The only Swift that imports CNcursesw.
        .target(
            name: "CursesBackend",
            dependencies: ["CNcursesw", "CTermSupport", "TerminalUI"],
            swiftSettings: swiftSettings
        ),
        // App state, actions, reducer, effects, keymap, panes.
        .target(
            name: "Workbench",
            dependencies: ["Providers", "Sessions", "TerminalUI", "Platform", "PromptFiles", "Evaluation"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "refract",
            dependencies: [
                "Workbench", "CursesBackend", "Providers", "Sessions", "Config", "Platform", "PromptFiles", "Evaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // Test support: a fault-injecting HTTP server speaking every protocol, tmux driver, screen asserts.
        .target(
            name: "RefractTestSupport",
            dependencies: ["Platform", "TerminalUI"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "refract-fault-server",
            dependencies: ["RefractTestSupport"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "refract-bench",
            dependencies: ["Providers", "Sessions", "TerminalUI", "Workbench", "Platform", "PromptFiles", "Evaluation"],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "ProvidersTests", dependencies: ["Providers", "Platform", "RefractTestSupport"],
            exclude: ["Recorded/Streams"], swiftSettings: swiftSettings
        ),
        .testTarget(name: "PromptFilesTests", dependencies: ["PromptFiles", "Providers", "RefractTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Providers", "Sessions", "RefractTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "RefractTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SessionsTests", dependencies: ["Sessions", "SessionFixtures", "Platform", "RefractTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Platform", "RefractTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TerminalUI"], swiftSettings: swiftSettings),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "Evaluation", "PromptFiles", "RefractTestSupport"], exclude: ["__Snapshots__"], swiftSettings: swiftSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["RefractTestSupport", "Platform"], swiftSettings: swiftSettings),
    ]
)
