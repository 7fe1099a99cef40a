import Foundation
import Testing
@testable import Config
import Providers

@Suite struct ConfigLoaderTests {
    let loader = ConfigLoader(environment: ["HOME": "/nonexistent-home"])

    @Test func defaultsWithoutAFile() throws {
        let config = try loader.load()
        #expect(config.file == nil)
        #expect(config.startingModel == ModelRef("local:smollm2-135m-instruct"))
        #expect(config.providers.map(\.name) == ["local", "anthropic", "openai", "gemini", "ollama"])
        #expect(config.readTimeout == 60)
    }

    @Test func userProviderIsAdded() throws {
        let text = """
            default_model = "myserver:my-model"
            read_timeout = 5

            [providers.myserver]
            protocol = "openai-chat"            # a comment
            base_url = "http://127.0.0.1:8080/v1"
            api_key_env = "MYSERVER_KEY"
            models = ["my-model"]
            concurrency = 2
            """
        let config = try loader.parse(text, file: "c.toml")
        let spec = try #require(config.provider(named: "myserver"))
        #expect(spec.protocolName == .openAIChat)
        #expect(spec.baseURL.absoluteString == "http://127.0.0.1:8080/v1")
        #expect(spec.apiKeyEnvironment == ["MYSERVER_KEY"])
        #expect(spec.requiresKey)
        #expect(spec.models == ["my-model"])
        #expect(spec.concurrency == 2)
        #expect(config.startingModel == ModelRef("myserver:my-model"))
        #expect(config.readTimeout == 5)
        #expect(spec.keyStatus(environment: [:]) == .missing(variables: ["MYSERVER_KEY"]))
        #expect(spec.keyStatus(environment: ["MYSERVER_KEY": "k"]).value == "k")
    }

    @Test func aBuiltinPointedElsewhereIsNamedAsConfigured() throws {
        let config = try loader.parse("[providers.anthropic]\nbase_url = \"http://127.0.0.1:9/v1\"\n", file: "c.toml")
        #expect(config.provider(named: "anthropic")?.displayName == "anthropic (127.0.0.1:9)")
        #expect(config.provider(named: "gemini")?.displayName == "Gemini")
    }

    @Test func overridingABuiltinKeepsItsDefaults() throws {
        let config = try loader.parse("[providers.openai]\nprotocol = \"openai-responses\"\n", file: "c.toml")
        let spec = try #require(config.provider(named: "openai"))
        #expect(spec.protocolName == .openAIResponses)
        #expect(spec.apiKeyEnvironment == ["OPENAI_API_KEY"])
        #expect(spec.baseURL.absoluteString == "https://api.openai.com/v1")
    }

    @Test func syntaxErrorHasLineAndColumn() {
        let text = "theme = \"dark\"\n\n[providers.x\nprotocol = 1\n"
        #expect {
            try loader.parse(text, file: "bad.toml")
        } throws: { error in
            guard let e = error as? ConfigError else { return false }
            return e.file == "bad.toml" && e.line == 3 && e.column != nil && e.description.hasPrefix("bad.toml:3:")
        }
    }

    @Test func unknownProtocolPointsAtItsLine() throws {
        let text = "\n[providers.x]\nbase_url = \"http://h/v1\"\nprotocol = \"openai\"\n"
        let error = try #require(throws: ConfigError.self) { try loader.parse(text, file: "c.toml") }
        #expect(error.line == 4)
        #expect(error.column == 1)
        #expect(error.message.contains("providers.x.protocol"))
        #expect(error.message.contains("openai-chat"))
    }

    @Test func typoGetsASuggestion() throws {
        let error = try #require(throws: ConfigError.self) { try loader.parse("read_timeut = 3\n", file: "c.toml") }
        #expect(error.line == 1)
        #expect(error.message.contains("did you mean read_timeout"))
    }

    /// "tput" is two edits from both "input" and "output": the suggestion must not depend on a Set's order.
    @Test func aTiedSuggestionIsTheSameEveryRun() throws {
        let error = try #require(throws: ConfigError.self) {
            try loader.parse("[prices.\"local:x\"]\ninput = 1\noutput = 1\ntput = 2\n", file: "c.toml")
        }
        #expect(error.message.contains("(did you mean input?)"), "\(error.message)")
    }

    @Test func badValuesAreRefusedWithTheirPlace() throws {
        let cases: [(String, Int, String)] = [
            ("read_timeout = -1\n", 1, "greater than 0"),
            ("default_model = \"nocolon\"\n", 1, "provider:model"),
            ("[providers.p]\nprotocol = \"ollama\"\nbase_url = \"ftp://x\"\n", 3, "http(s) URL"),
            ("[providers.p]\nprotocol = \"ollama\"\nbase_url = \"http://x\"\napi_key_env = \"sk-not-a-name!\"\n", 4, "NAME of an environment variable"),
            ("[prices.\"a:b\"]\ninput = 1\n", 1, "input and output"),
            ("[local]\nparallel = 99\n", 2, "from 1 to 16"),
            ("default_model = \"ghost:m\"\n", 1, "no provider called \"ghost\""),
        ]
        for (text, line, fragment) in cases {
            let error = try #require(throws: ConfigError.self) { try loader.parse(text, file: "c.toml") }
            #expect(error.line == line, "\(text)")
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func priceOverridesAndKeys() throws {
        let text = """
            [prices."myserver:m"]
            input = 0.5
            output = 1.5
            source = "our contract"

            [keys]
            run = ["C-g", "F9"]
            quit = "C-x"
            """
        let config = try loader.parse(text, file: "c.toml")
        let price = try #require(config.prices.price(for: ModelRef("myserver:m")!))
        #expect(price.input == 0.5 && price.output == 1.5 && price.source == "our contract")
        #expect(config.keyBindings["run"] == ["C-g", "F9"])
        #expect(config.keyBindings["quit"] == ["C-x"])
    }

    @Test func explicitMissingFileIsAnError() throws {
        let error = try #require(throws: ConfigError.self) { try loader.load(explicit: "/nonexistent/refract.toml") }
        #expect(error.description.contains("does not exist"))
    }

    @Test func keyInWorldReadableFileWarns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("refract-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("config.toml")
        try Data("[providers.p]\nprotocol = \"ollama\"\nbase_url = \"http://x\"\napi_key = \"secret\"\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let open = try loader.load(explicit: file.path)
        #expect(open.warnings.contains { $0.contains("chmod 600") && !$0.contains("secret") })
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect(try loader.load(explicit: file.path).warnings.isEmpty)
    }

    @Test func xdgLocation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("refract-xdg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("refract"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("theme = \"light\"\n".utf8).write(to: dir.appendingPathComponent("refract/config.toml"))
        let config = try ConfigLoader(environment: ["XDG_CONFIG_HOME": dir.path]).load()
        #expect(config.theme == "light")
        #expect(config.file?.path == dir.appendingPathComponent("refract/config.toml").path)
    }
}
