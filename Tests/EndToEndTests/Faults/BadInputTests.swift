import Foundation
import RefractTestSupport
import Testing

/// Bad files everywhere: each is one clear error (or warning) that names the file and the place, and
/// nothing else is lost.
@Suite struct BadInputTests {
    struct BadConfig: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        /// What stderr's one line says after `refract: bad config: <file>`.
        let says: String
        var testDescription: String { name }

        static let all: [BadConfig] = [
            BadConfig(name: "TOML syntax", bytes: Array("read_timeout = 3\nmax_retries = \n".utf8), says: ":2:15: invalid TOML"),
            BadConfig(name: "bad value", bytes: Array("\n\nread_timeout = -1\n".utf8), says: ":3:1: read_timeout: expected a number greater than 0"),
            BadConfig(name: "unknown setting", bytes: Array("raed_timeout = 3\n".utf8), says: ":1:1: raed_timeout: unknown setting (did you mean read_timeout?)"),
            BadConfig(name: "bad provider", bytes: Array("[providers.x]\nprotocol = \"smoke-signals\"\nbase_url = \"http://h\"\n".utf8),
                      says: ":2:1: providers.x.protocol: expected one of"),
            BadConfig(name: "not UTF-8", bytes: Array("theme = \"dark\"\ntheme = \"caf".utf8) + [0xE9, 0x22, 0x0A], says: ":2:13: the config file is not UTF-8 text"),
            BadConfig(name: "binary", bytes: [0x00, 0x01, 0x02, 0xFF, 0xFE], says: ":1:4: the config file is not UTF-8 text"),
        ]
    }

    @Test(arguments: BadConfig.all)
    func aBadConfigIsOneLineWithFileAndPlace(_ bad: BadConfig) throws {
        let dir = TemporaryFolder()
        let config = dir.file("config.toml")
        try Data(bad.bytes).write(to: URL(fileURLWithPath: config))
        for command in [["run", "--input", "x"], ["models", "--no-probe"], ["sessions", "list"]] {
            let result = try RefractCLI.run(command + ["--config", config], environment: ["REFRACT_SESSIONS": dir.file("s")])
            #expect(result.status == 2, "\(command): \(result.stderr)")
            let lines = RefractCLI.lines(result.stderr)
            #expect(lines.count == 1, "\(command): \(result.stderr)")
            #expect(lines.first?.hasPrefix("refract: bad config: \(config)\(bad.says)") == true, "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(FileManager.default.contents(atPath: config) == Data(bad.bytes), "the config file is left as it was")
    }

    @Test func badKeysInTheConfigStopTheWorkbenchWithTheLine() throws {
        let dir = TemporaryFolder()
        for (text, says) in [
            ("[keys]\nrun = \"C-r\"\nfrobnicate = \"C-f\"\n", ":3:1: keys.frobnicate: unknown command"),
            ("\n[keys]\nrun = \"Ctrl+Banana\"\n", ":3:1: keys.run: cannot read the key \"Ctrl+Banana\""),
        ] {
            let config = try dir.write("keys.toml", text)
            let tmux = try TmuxSession(command: "sh -c \"\(try RefractCLI.path()) --config \(config) --sessions \(dir.file("s")); echo REFRACT-EXITED \\$?; sleep 10\"", width: 160, height: 10,
                                       environment: ["XDG_CONFIG_HOME": RefractCLI.isolatedHome + "/config", "XDG_STATE_HOME": dir.file("state")])
            defer { tmux.kill() }
            try tmux.waitForText("REFRACT-EXITED 2", timeout: 15)
            let screen = tmux.screenWithoutTrailingBlanks().joined(separator: "\n")
            #expect(screen.contains("refract: bad config: \(config)\(says)"), "\(screen)")
        }
    }

    @Test func aBrokenOrMissingThemeIsAWarningAndTheWorkbenchStillStarts() throws {
        let dir = TemporaryFolder()
        let themes = RefractCLI.isolatedHome + "/config/refract/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "[roles]\n\"pane.border\" = { fg = 999 }\n".write(toFile: themes + "/broken-e2e.toml", atomically: true, encoding: .utf8)
        for (theme, says) in [("broken-e2e", "theme broken-e2e: \(themes)/broken-e2e.toml:2:"), ("nosuch-e2e", "theme nosuch-e2e: nosuch-e2e.toml: no theme named")] {
            let config = try dir.write("theme.toml", "theme = \"\(theme)\"\n")
            let tmux = try TmuxSession(command: "sh -c \"\(try RefractCLI.path()) --config \(config) --sessions \(dir.file("s")); echo REFRACT-EXITED \\$?; sleep 10\"", width: 220, height: 30,
                                       environment: ["XDG_CONFIG_HOME": RefractCLI.isolatedHome + "/config", "XDG_STATE_HOME": dir.file("state")])
            defer { tmux.kill() }
            try tmux.waitForText(says, timeout: 15)
            try tmux.waitForText("Write a prompt", timeout: 5)
            try tmux.sendKeys("C-q")
            try tmux.waitForText("REFRACT-EXITED 0", timeout: 15)
        }
    }

    @Test func badPromptFilesNameTheOptionAndTheFile() throws {
        let dir = TemporaryFolder()
        let binary = dir.file("binary.txt")
        try Data([0x48, 0x69, 0x0A, 0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: binary))
        try FileManager.default.createDirectory(atPath: dir.file("folder"), withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (["--input", "@\(dir.file("missing.txt"))"], "refract: --input: \(dir.file("missing.txt")) does not exist"),
            (["--system", "@\(binary)"], "refract: --system: \(binary) is not UTF-8 text (invalid byte at offset 3)"),
            (["--instruction", "@\(dir.file("folder"))"], "refract: --instruction: \(dir.file("folder")) is a folder, not a file"),
            (["--input", "x", "--var", "name=@\(binary)"], "refract: --var: \(binary) is not UTF-8 text"),
        ]
        for (arguments, says) in cases {
            let result = try RefractCLI.run(["run", "--model", "local:smollm2-135m-instruct", "--sessions", dir.file("s")] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(RefractCLI.lines(result.stderr).count == 1, "\(result.stderr)")
            #expect(RefractCLI.lines(result.stderr).first?.hasPrefix(says) == true, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.file("s")), "nothing was recorded")
        }
    }

    @Test func badSessionFilesAreOneClearLineAndTheOthersStillList() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        let sessions = dir.file("sessions")
        #expect(try RefractCLI.run(["run", "--config", config, "--sessions", sessions, "--input", "A good session", "--model", "faults:ok"]).status == 0)
        let good = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        let header = try #require(contents(of: good).split(separator: "\n").first.map(String.init))
        let lines = contents(of: good).split(separator: "\n").map(String.init)

        // A huge line in the middle: skipped with its number, the rest shown.
        var huge = Data((lines[0] + "\n" + lines[1] + "\n").utf8)
        huge.append(Data(#"{"type":"text","run":1,"ms":1,"text":""#.utf8))
        huge.append(Data(repeating: UInt8(ascii: "a"), count: 65 << 20))
        huge.append(Data(("\"}\n" + lines.dropFirst(2).joined(separator: "\n") + "\n").utf8))
        try huge.write(to: URL(fileURLWithPath: sessions + "/2099-01-01-000000-huge00.jsonl"))
        try (header + "\n" + #"{"type":"text","run":1,"#).write(toFile: sessions + "/2099-01-01-000000-trunc0.jsonl", atomically: true, encoding: .utf8)
        try "this is not JSON\n".write(toFile: sessions + "/2099-01-01-000000-notjsn.jsonl", atomically: true, encoding: .utf8)
        try (header.replacingOccurrences(of: "\"version\":1", with: "\"version\":99") + "\n").write(toFile: sessions + "/2099-01-01-000000-newer0.jsonl", atomically: true, encoding: .utf8)

        let show = try RefractCLI.run(["sessions", "show", sessions + "/2099-01-01-000000-huge00.jsonl"])
        #expect(show.status == 0)
        #expect(RefractCLI.lines(show.stderr) == ["refract: warning: 2099-01-01-000000-huge00.jsonl: line 3 is over 65 MB long, more than the 64 MB a session line may hold; skipped"])
        #expect(show.stdout.contains("finished stop"))
        let expected = [
            ("trunc0", "2099-01-01-000000-trunc0.jsonl: line 2 is incomplete (the session was cut off)"),
            ("notjsn", "2099-01-01-000000-notjsn.jsonl is not a Refract session (its first line is not a session header)"),
            ("newer0", "2099-01-01-000000-newer0.jsonl was made by a newer Refract (format 99; this reads 1)"),
        ]
        for (name, says) in expected {
            let result = try RefractCLI.run(["sessions", "show", sessions + "/2099-01-01-000000-\(name).jsonl"])
            #expect(RefractCLI.lines(result.stderr).count == 1, "\(name): \(result.stderr)")
            #expect(result.stderr.contains(says), "\(name): \(result.stderr)")
        }
        // The list still shows the good session (and the huge one), whatever the others are.
        let list = try RefractCLI.run(["sessions", "list", "--sessions", sessions])
        #expect(list.stdout.contains("A good session"), "\(list.stdout)\n\(list.stderr)")
        #expect(list.stdout.contains((good as NSString).lastPathComponent))
        // Nothing was changed by reading.
        #expect(contents(of: sessions + "/2099-01-01-000000-notjsn.jsonl") == "this is not JSON\n")
    }
}
