import ArgumentParser
import PromptFiles
import Providers

/// The prompt as command-line options: system, instructions, input (`@file`, `-`), and `--var name=value`.
struct PromptOptions: ParsableArguments {
    @Option(help: "The system prompt (text, @file, or - for stdin).")
    var system: String?

    @Option(
        name: .customLong("instruction"),
        help: "The instruction (text, @file, or - for stdin). Repeatable: each instruction is run on the same input."
    )
    var instructions: [String] = []

    @Option(help: "The input (text, @file, or - for stdin).")
    var input: String?

    @Option(name: .customLong("var"), help: ArgumentHelp("A value for {{name}}: --var name=value (repeatable).", valueName: "name=value"))
    var variables: [String] = []

    @Option(
        name: .customLong("attach"),
        help: ArgumentHelp("A file, glob (\"docs/*.md\") or folder given to the model as context (repeatable; see docs/attachments.md).", valueName: "path")
    )
    var attachments: [String] = []
    @Option(help: ArgumentHelp("A JSON schema file the answer must follow (structured output); takes the place of the prompt file's schema.", valueName: "FILE"))
    var schema: String?

    /// What the options say, read (`@file`, `-`), before any prompt file is applied.
    struct Values {
        var system: String?
        var instructions: [String]
        var input: String?
        var variables: [String: String]
        var schema: JSON?
    }

    func values() throws -> Values {
        if ([system, input].compactMap({ $0 }) + instructions).filter({ $0 == "-" }).count > 1 {
            throw CLIError(message: "only one of --system, --instruction and --input can read stdin (-)", exitCode: 2)
        }
        var values: [String: String] = [:]
        for pair in variables {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw CLIError(message: "--var takes name=value, got \"\(pair)\"", exitCode: 2)
            }
            values[String(pair[..<eq])] = try InputReader.text(String(pair[pair.index(after: eq)...]), option: "--var")
        }
        return Values(
            system: try system.map { try InputReader.text($0, option: "--system") },
            instructions: try instructions.map { try InputReader.text($0, option: "--instruction") },
            input: try input.map { try InputReader.text($0, option: "--input") },
            variables: values,
            schema: try schema.map { path in
                do { return try SchemaFileLoader.load(path) } catch let error as PromptFileError { throw CLIError(message: error.description, exitCode: 2) }
            }
        )
    }
}

/// Sampling options shared by `run` and `compare`.
struct GenerationOptions: ParsableArguments {
    @Option(help: "Sampling temperature (0–2).")
    var temperature: Double?

    @Option(name: .customLong("top-p"), help: "Nucleus sampling (0–1].")
    var topP: Double?

    @Option(name: .customLong("max-tokens"), help: "The most output tokens.")
    var maxTokens: Int?

    @Option(help: "A stop sequence (repeatable).")
    var stop: [String] = []

    @Option(help: "A seed, for repeatable sampling where the provider supports it.")
    var seed: Int?

    @Option(help: ArgumentHelp("Each token's log-probability and its K most likely alternatives (with --json: logprobs parts).", valueName: "K"))
    var logprobs: Int?

    @Flag(name: .customLong("raw"), help: "Raw completion: send the prompt as text to continue (base models).")
    var raw = false

    @Flag(name: .customLong("chat"), help: "Chat mode even for a base model.")
    var chat = false

    @Option(name: .customLong("read-timeout"), help: "Seconds without a byte before a stalled stream is ended.")
    var readTimeout: Double?

    func validate() throws {
        if let t = temperature, !(0...2).contains(t) { throw ValidationError("--temperature must be from 0 to 2") }
        if let p = topP, !(p > 0 && p <= 1) { throw ValidationError("--top-p must be above 0 and at most 1") }
        if let m = maxTokens, m <= 0 { throw ValidationError("--max-tokens must be above 0") }
        if let r = readTimeout, r <= 0 { throw ValidationError("--read-timeout must be above 0") }
        if let k = logprobs, !(0...20).contains(k) { throw ValidationError("--logprobs takes 0 to 20 alternatives") }
        if raw && chat { throw ValidationError("--raw and --chat exclude each other") }
    }

    var parameters: GenerationParameters { overriding(GenerationParameters()) }

    /// `base` (a prompt file's parameters) with every option given on the command line in its place.
    func overriding(_ base: GenerationParameters) -> GenerationParameters {
        var p = base
        if let temperature { p.temperature = temperature }
        if let topP { p.topP = topP }
        if let maxTokens { p.maxTokens = maxTokens }
        if !stop.isEmpty { p.stop = stop }
        if let seed { p.seed = seed }
        if let logprobs { p.logprobs = logprobs }
        return p
    }

    /// The mode the flags ask for, if they ask.
    var modeOverride: RequestMode? { raw ? .rawCompletion : (chat ? .chat : nil) }

}
