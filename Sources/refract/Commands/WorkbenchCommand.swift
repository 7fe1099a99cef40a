import ArgumentParser
import Evaluation
import CursesBackend
import Foundation
import Platform
import PromptFiles
import Providers
import Sessions
import TerminalUI
import Workbench

/// `refract` with no subcommand: the full-screen workbench.
struct WorkbenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Open the full-screen workbench (the default).",
        discussion: """
            `refract FILE` opens a prompt file (NAME.refract.toml), creating it when it does not exist; edits are saved \
            to it automatically within a second. With no FILE the workbench keeps its prompt in the scratch workspace \
            ($XDG_STATE_HOME/refract/scratch.refract.toml) and reopens exactly where you left it; Ctrl-N starts fresh. \
            Keys: Ctrl-R run, Esc cancel, Ctrl-P model, Tab next pane, Ctrl-S save, F1 help, Ctrl-Q quit.
            """
    )

    @Argument(help: ArgumentHelp("A prompt file to open (created when missing). Default: the scratch workspace.", valueName: "file"))
    var file: String?

    @Option(help: "Open with this provider:model selected.")
    var model: String?

    @Option(help: "The colour theme (dark, light, high-contrast, 16color, or a file in $XDG_CONFIG_HOME/refract/themes).")
    var theme: String?

    @Option(help: "The config file.")
    var config: String?

    @Option(name: .customLong("read-timeout"), help: "Seconds without a byte before a stalled stream is ended (default: read_timeout in the config, else 60).")
    var readTimeout: Double?

    @OptionGroup var sessionOptions: SessionOptions

    func validate() throws {
        if let r = readTimeout, r <= 0 { throw ValidationError("--read-timeout must be above 0") }
    }

    func run() throws {
        let context: AppContext
        do { context = try AppContext.load(configPath: config, readTimeout: readTimeout) } catch let error as CLIError {
            Stderr.line("refract: \(error.message)")
            throw ExitCode(error.exitCode)
        }
        defer { Self.shutdown(context) }
        let env = context.environment
        var notices = context.warnings
        let keymap: Keymap
        do { keymap = try Keymap(overrides: context.config.keyBindings) } catch {
            Stderr.line("refract: bad config: \(Self.place(of: error.command, in: context.config.file)): \(error.description)")
            throw ExitCode(2)
        }
        let ref: ModelRef
        if let model {
            guard let parsed = ModelRef(model) else {
                Stderr.line("refract: models are named provider:model, got \"\(model)\"")
                throw ExitCode(2)
            }
            ref = parsed
        } else {
            ref = context.config.startingModel
        }
        // The prompt file is read before the terminal is taken, so a bad file is one line in the shell.
        let opened: OpenedPromptFile?
        do { opened = try OpenedPromptFile.open(file, environment: env, startingModel: ref) } catch let error as CLIError {
            Stderr.line("refract: \(error.message)")
            throw ExitCode(error.exitCode)
        }
        let chosenTheme = ThemeChoice.load(name: theme ?? context.config.theme, home: context.home, environment: env)
        if let warning = chosenTheme.warning { notices.append(warning) }

        var options = CursesTerminalOptions()
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { options.colorDepth = ColorDepth.none }
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal(options: options) } catch {
            Stderr.line("refract: \(error)")
            throw ExitCode(2)
        }
        defer { terminal.shutdown() }

        var state = WorkbenchState(width: terminal.width, height: terminal.height, model: ref, mode: context.registry.defaultMode(for: ref))
        if let opened {
            state.document.url = opened.url
            state.document.isScratch = opened.isScratch
            state.document.readOnlyReason = opened.readOnlyReason
            var document = opened.document
            if !opened.isScratch, let place = WorkbenchPlaceStore(environment: env).load(for: opened.url) { document.workbench = place }
            state.load(document, defaultMode: context.registry.defaultMode(for:))
            // An explicit --model wins over the file's first model.
            if model != nil {
                state.model = ref
                if !state.document.explicitMode { state.mode = context.registry.defaultMode(for: ref) }
            }
            state.document.savedText = opened.text
            state.document.savedFingerprint = state.contentFingerprint
            notices = opened.notices + notices
        }
        if let first = notices.first { state.notice = Notice(first, level: .warning) }
        state.context.graphics = TerminalGraphics.detect(environment: env, depth: terminal.colorDepth)
        var reducer = WorkbenchReducer(keymap: keymap, prices: context.prices, providers: context.registry.providers, budget: context.config.budgetUSD)
        // Tests hold autosave back to make an unsaved edit meet a change on disk.
        if let delay = env["REFRACT_AUTOSAVE_DELAY"].flatMap(Double.init), delay >= 0 { reducer.autosaveDelay = delay }
        let store = sessionOptions.location.store(config: context.config, environment: env)
        let recorder = sessionOptions.noSave ? nil : SessionRunObserver(
            store: store, refractVersion: RefractVersion.string, prices: context.prices, providers: context.registry.providers
        )
        let limiter = ConcurrencyLimiter(providers: context.registry.providers)
        let checks = JudgeResolver.checkRunner(registry: context.registry, prices: context.prices, limiter: limiter)
        let loop = WorkbenchLoop(
            backend: terminal, reducer: reducer, state: state, theme: chosenTheme.theme.resolved(depth: terminal.colorDepth),
            models: RegistryModelProvider(registry: context.registry), observer: recorder, sessions: store, limiter: limiter, checks: checks
        )
        if let opened {
            loop.document.adopt(opened.url, signature: opened.signature, lock: opened.lock)
            loop.document.startWatching()
        }
        defer {
            if let message = loop.exitMessage { Stderr.line("refract: \(message)") }
        }
        let queue = loop.queue
        recorder?.onWarning { queue.send(.persistentWarning($0)) }
        if let path = env["REFRACT_FIRST_FRAME_FILE"] {
            loop.onFirstFrame = { FirstFrameMark.write(to: path) }
        }
        loop.run()
        if let opened, !opened.isScratch {
            WorkbenchPlaceStore(environment: env).save(WorkbenchPlace(focus: loop.state.focus.rawValue, variant: loop.state.activeVariant), for: opened.url)
        }
    }

    /// Stops local servers and the HTTP client before the process ends.
    /// `file:line:column` of a `[keys]` entry (the file alone when the line cannot be found).
    static func place(of command: String, in file: URL?) -> String {
        guard let file else { return "config" }
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let position = TOMLKeyLocator(source: text).position(of: command, inTable: ["keys"]) else { return file.path }
        return "\(file.path):\(position.line):\(position.column)"
    }

    static func shutdown(_ context: AppContext) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await context.shutdown()
            done.signal()
        }
        done.wait()
    }
}

/// The theme to use: the one asked for, else the default; a bad file falls back with a warning.
struct ThemeChoice {
    var theme: Theme
    var warning: String?

    static func load(name: String?, home: RefractHome?, environment: [String: String]) -> ThemeChoice {
        guard let name, !name.isEmpty else { return ThemeChoice(theme: .default) }
        var paths = [XDGDirectories(environment: environment).refractConfig.appendingPathComponent("themes").path]
        if let home { paths.append(home.themes.path) }
        do {
            return ThemeChoice(theme: try Theme.named(name, searchPaths: paths))
        } catch {
            return ThemeChoice(theme: .default, warning: "theme \(name): \(error.description); using the default theme")
        }
    }
}

/// Writes the wall-clock time of the first frame, for the start-up benchmark.
enum FirstFrameMark {
    static func write(to path: String) {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let ns = Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
        _ = FileManager.default.createFile(atPath: path, contents: Data("\(ns)\n".utf8))
    }
}
