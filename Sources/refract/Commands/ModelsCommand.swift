import ArgumentParser
import Foundation
import Providers
import TerminalUI
import Workbench

/// `refract models`: every configured model with its key, reachability, whether the server lists it, and price.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List every configured provider:model with key status, reachability and price."
    )

    @Flag(name: .customLong("no-probe"), help: "Do not contact servers (reachability shows as unknown).")
    var noProbe = false

    @Flag(help: "Print one JSON object per model.")
    var json = false

    @Option(help: "The config file.")
    var config: String?

    func run() async throws {
        try await reportingErrors {
            let context = try AppContext.load(configPath: config)
            context.printWarnings()
            let models = RegistryModelProvider(registry: context.registry)
            // On a terminal, what is known without the network shows at once and is redrawn when the probes answer.
            var shownLines = 0
            if !noProbe, !json, let screen = Self.terminalSize() {
                let known = await models.catalog(probe: false).map(Self.checkingIfProbed)
                let table = Self.table(known)
                let lines = Self.screenLines(table, columns: screen.columns)
                // Redrawing needs the whole first table on screen (the cursor cannot go above the top).
                if lines < screen.rows {
                    Stdout.write(table)
                    shownLines = lines
                }
            }
            let entries = await models.catalog(probe: !noProbe)
            await context.shutdown()
            if json {
                for e in entries {
                    var object: [String: Any] = [
                        "model": e.ref.description, "key": e.keyLabel, "has_key": e.hasKey, "reachable": Self.reach(e.reachability),
                        "listed": Self.listed(e.listing) ?? NSNull(),
                    ]
                    if let p = e.price { object["price"] = ["input": p.input, "output": p.output, "source": p.source, "checked": p.checked as Any] } else { object["price"] = NSNull() }
                    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                    Stdout.write(data + Data("\n".utf8))
                }
                return
            }
            // Up over the first table and clear to the end of the screen, then the full one.
            let redraw = shownLines > 0 ? "\u{1B}[\(shownLines)A\r\u{1B}[J" : ""
            Stdout.write(redraw + Self.table(entries))
        }
    }

    /// Columns and rows of the terminal on stdout; nil when stdout is not a terminal.
    static func terminalSize() -> (columns: Int, rows: Int)? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// The rows `text` takes on a terminal `columns` wide (long lines wrap).
    static func screenLines(_ text: String, columns: Int) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().reduce(0) { sum, line in
            sum + max(1, (TextWidth.of(String(line)) + columns - 1) / columns)
        }
    }

    /// A model that is about to be probed shows as "checking" in the first table.
    static func checkingIfProbed(_ e: ModelEntry) -> ModelEntry {
        var e = e
        if e.reachability == .unknown, e.hasKey { e.reachability = .checking }
        return e
    }

    static func table(_ entries: [ModelEntry]) -> String {
        let rows = entries.map { e in
            [e.ref.description, e.keyLabel, Self.reach(e.reachability), Self.listed(e.listing) ?? "",
             e.price.map { "\(MeterFormat.price($0.input)) / \(MeterFormat.price($0.output))" } ?? "unpriced",
             e.price.map { $0.source + ($0.checked.map { ", \($0)" } ?? "") } ?? ""]
        }
        let header = ["MODEL", "KEY", "REACHABLE", "LISTED", "PRICE IN/OUT PER 1M", "PRICE SOURCE"]
        let widths = (0..<header.count).map { i in ([header] + rows).map { TextWidth.of($0[i]) }.max() ?? 0 }
        var out = ""
        for row in [header] + rows {
            out += row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - TextWidth.of(cell)) }
                .joined(separator: "  ") + "\n"
        }
        return out
    }

    static func reach(_ r: ModelEntry.Reachability) -> String {
        switch r {
        case .unknown: "unknown"
        case .checking: "checking"
        case .reachable: "yes"
        case .unreachable(let why): "no: \(why)"
        case .installed: "installed (starts on use)"
        case .notInstalled: "not installed: run scripts/setup-local-model"
        }
    }

    /// Whether the server lists the model: nil when it was not asked.
    static func listed(_ l: ModelEntry.Listing) -> String? {
        switch l {
        case .notAsked: nil
        case .listed: "listed"
        case .notListed: "not listed by the server"
        }
    }
}
