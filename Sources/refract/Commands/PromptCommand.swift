import ArgumentParser
import Foundation
import PromptFiles
import Providers
import TerminalUI

/// `refract prompt FILE --show`: what each model would receive, sent nowhere.
struct PromptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Show exactly what a prompt file sends to each model, without sending anything.",
        discussion: """
            For every instruction variant × model (or the ones chosen with --variant and --model), prints the \
            messages in order — system, the few-shot examples as user and assistant turns, the real input — with \
            the variables filled in; in raw completion mode, the exact text the base model continues and the stop \
            sequences. For the local models it also shows what llama.cpp makes of it: the prompt with the \
            model's chat template applied (/apply-template) and its tokens with their ids (/tokenize), special \
            tokens marked ⟦…⟧ — this starts the local server; --no-tokens skips it. The same options as `refract run` \
            override the file's values. --json prints one object per variant × model: \
            {"variant","model","mode","messages":[{"role","content"}],"raw_text","params","templated","tokens":[{"id","piece"}]}.
            """
    )

    @Argument(help: ArgumentHelp("The prompt file (NAME.refract.toml).", valueName: "file"))
    var file: String

    @Flag(help: "Show the messages (the default and only action for now).")
    var show = false

    @Option(name: .customLong("variant"), help: "Only this instruction variant (repeatable).")
    var variants: [String] = []

    @OptionGroup var promptOptions: PromptOptions
    @OptionGroup var generation: GenerationOptions

    @Option(name: .customLong("model"), help: "provider:model (repeatable). Default: the file's models.")
    var models: [String] = []

    @Flag(help: "One JSON object per variant × model.")
    var json = false

    @Flag(name: .customLong("no-tokens"), help: "Skip the local models' template and tokens (does not start their servers).")
    var noTokens = false

    @Option(help: "The config file.")
    var config: String?

    func run() async throws {
        try await reportingErrors {
            let context = try AppContext.load(configPath: config)
            // The context owns an HTTP client that must be shut down on every path, a bad file included
            // (AsyncHTTPClient traps when one is dropped running).
            do { try await show(context) } catch {
                await context.shutdown()
                throw error
            }
            await context.shutdown()
        }
    }

    /// Prints every variant × model's request.
    func show(_ context: AppContext) async throws {
        let plan = try PromptPlan.make(file: file, variants: variants, options: promptOptions, generation: generation, models: models, context: context)
        var writer = TerminalTextWriter()
        for named in plan.prompts {
            for ref in plan.models {
                let mode = plan.mode ?? context.registry.defaultMode(for: ref)
                let request: ModelRequest
                do { request = try named.prompt.request(model: ref.model, parameters: plan.parameters, mode: mode) } catch {
                    throw CLIError(message: "\(error)", exitCode: 2)
                }
                var inspection: PromptInspection?
                var unavailable: String?
                if !noTokens {
                    do { inspection = try await context.registry.inspectPrompt(request, model: ref) } catch { unavailable = "\(error)" }
                }
                writer.write(json ? Self.json(request, variant: named.name, model: ref, inspection: inspection)
                    : Self.text(request, variant: named.name, model: ref, inspection: inspection, unavailable: unavailable))
            }
        }
        writer.finish()
    }

    /// The human form: a header per variant × model, then each message under its role.
    static func text(_ request: ModelRequest, variant: String?, model: ModelRef, inspection: PromptInspection? = nil, unavailable: String? = nil) -> String {
        var out = "═══ " + [variant, model.description, request.mode == .chat ? "chat" : "raw completion"].compactMap { $0 }.joined(separator: " · ") + " ═══\n"
        if request.mode == .rawCompletion {
            out += "─── text the model continues ───\n" + request.rawPrompt + "\n"
        } else {
            for message in request.messages {
                out += "─── \(message.role.rawValue) ───\n" + message.content + "\n"
            }
        }
        let p = request.parameters
        var settings: [String] = []
        if let t = p.temperature { settings.append("temperature \(t)") }
        if let t = p.topP { settings.append("top_p \(t)") }
        if let n = p.maxTokens { settings.append("max_tokens \(n)") }
        if !p.stop.isEmpty { settings.append("stop " + p.stop.map { JSONText.quoted($0) }.joined(separator: ", ")) }
        if let s = p.seed { settings.append("seed \(s)") }
        if !settings.isEmpty { out += "─── " + settings.joined(separator: " · ") + " ───\n" }
        if let inspection {
            if request.mode == .chat {
                out += "─── with the chat template (llama.cpp /apply-template) ───\n" + inspection.templated + "\n"
            }
            out += "─── \(inspection.tokens.count) tokens (llama.cpp /tokenize: id:piece, ⟦special⟧, ␣ space, ⏎ newline) ───\n"
            out += inspection.tokens.map(\.display).joined(separator: " ") + "\n"
            for hazard in inspection.hazards { out += "⚠ \(hazard)\n" }
        } else if let unavailable {
            out += "─── template and tokens unavailable: \(unavailable) ───\n"
        }
        return out + "\n"
    }


    /// The machine form: one object per line.
    static func json(_ request: ModelRequest, variant: String?, model: ModelRef, inspection: PromptInspection? = nil) -> String {
        struct Shown: Encodable {
            var variant: String?
            var model: String
            var mode: String
            var messages: [ChatMessage]
            var rawText: String?
            var params: GenerationParameters
            var templated: String?
            var tokens: [PromptToken]?
            enum CodingKeys: String, CodingKey { case variant, model, mode, messages, rawText = "raw_text", params, templated, tokens }
        }
        let shown = Shown(
            variant: variant, model: model.description, mode: request.mode.rawValue, messages: request.messages,
            rawText: request.mode == .rawCompletion ? request.rawPrompt : nil, params: request.parameters,
            templated: inspection?.templated, tokens: inspection?.tokens
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(shown)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
