import ArgumentParser
import Evaluation
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
            tokens marked ⟦…⟧ — this starts the local server; --no-tokens skips it. Cloud models get the provider's \
            own prompt token count where it has one (Anthropic count_tokens, Gemini countTokens; --no-tokens skips \
            the request), a labelled estimate elsewhere. Last comes the exact HTTP request — method, URL, headers, \
            body — with every key replaced by where it comes from. The same options as `refract run` \
            override the file's values. --json prints one object per variant × model: \
            {"variant","model","mode","messages":[{"role","content"}],"raw_text","params","templated","tokens":[{"id","piece"}],\
            "prompt_tokens":{"tokens","source","estimated"},"request":{"method","url","headers":[{"name","value"}],"body"}}.
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
                var request: ModelRequest
                do { request = try named.prompt.request(model: ref.model, parameters: plan.parameters, mode: mode) } catch {
                    throw CLIError(message: "\(error)", exitCode: 2)
                }
                // Shown as it is sent: a schema the mode cannot carry goes into the prompt text, as the client does.
                if request.responseSchema != nil, let wire = context.registry.spec(named: ref.provider)?.protocolName, !wire.sendsSchemaNatively(mode: mode) {
                    request = SchemaInPrompt.apply(to: request)
                    if !json { writer.write("⚠ \(ref): \(SchemaInPrompt.warning(reason: "raw completion has no schema field"))\n") }
                }
                plan.tools?.apply(to: &request)
                var inspection: PromptInspection?
                var unavailable: String?
                if !noTokens {
                    do { inspection = try await context.registry.inspectPrompt(request, model: ref) } catch { unavailable = "\(error)" }
                }
                let preview = Result { () throws(ProviderError) in try context.registry.requestPreview(request, model: ref) }
                let count = inspection == nil ? await Self.promptTokens(request, model: ref, registry: context.registry, ask: !noTokens) : nil
                let files = await Self.attachmentSummaries(named.prompt.files, model: ref, registry: context.registry, ask: !noTokens)
                writer.write(json ? Self.json(request, variant: named.name, model: ref, inspection: inspection, preview: preview, count: count)
                    : Self.text(request, variant: named.name, model: ref, inspection: inspection, unavailable: unavailable, preview: preview, count: count, prompt: named.prompt) + Self.attachmentLines(files))
            }
        }
        writer.finish()
    }

    /// A prompt's token count where llama.cpp did not tokenize it: the provider's own counter where it has
    /// one (and `ask` allows a request), otherwise an estimate, labelled as such.
    static func promptTokens(_ request: ModelRequest, model: ModelRef, registry: ProviderRegistry, ask: Bool) async -> PromptTokenCount {
        let spec = registry.spec(named: model.provider)
        let counter = spec?.protocolName.tokenCounterName
        if ask, let counter, let n = await registry.countInputTokens(request, model: model) {
            return PromptTokenCount(tokens: n, source: counter, estimated: false)
        }
        let characters = request.mode == .rawCompletion ? request.rawPrompt.count : request.messages.reduce(0) { $0 + $1.content.count }
        let why: String = if let counter, let spec {
            if !ask { "\(counter) not asked (--no-tokens)" }
            else if case .missing(let vars) = spec.keyStatus(environment: registry.environment) { "\(counter) needs $\(vars.first ?? "a key")" }
            else { "\(counter) did not answer" }
        } else if spec?.isManagedLocal == true { ask ? "llama.cpp's /tokenize did not answer" : "llama.cpp's /tokenize not asked (--no-tokens)" }
        else { "this provider has no token counter" }
        return PromptTokenCount(tokens: TokenEstimate.tokens(characters: characters), source: "estimate: characters ÷ 4; \(why)", estimated: true)
    }

    /// The human form: a header per variant × model, then each message under its role.
    static func text(
        _ request: ModelRequest, variant: String?, model: ModelRef, inspection: PromptInspection? = nil, unavailable: String? = nil,
        preview: Result<RequestPreview, ProviderError>? = nil, count: PromptTokenCount? = nil, prompt: Prompt? = nil
    ) -> String {
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
        if let k = p.logprobs { settings.append("logprobs \(k)") }
        if !settings.isEmpty { out += "─── " + settings.joined(separator: " · ") + " ───\n" }
        if let schema = request.responseSchema {
            out += "─── response schema \"\(schema.name)\" (the answer must follow it; keys in this order) ───\n" + schema.schema.text(pretty: true) + "\n"
        }
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
        if let prompt { for hazard in prompt.exampleHazards(mode: request.mode) { out += "⚠ \(hazard)\n" } }
        if let count {
            out += "─── \(count.estimated ? "≈ " : "")\(count.tokens) prompt tokens (\(count.source)) ───\n"
        }
        switch preview {
        case .success(let preview):
            out += "─── the request: \(preview.method) \(preview.url) ───\n"
            for header in preview.headers { out += "\(header.name): \(header.value)\n" }
            out += preview.body + "\n"
        case .failure(let error): out += "─── no request: \(error.message) ───\n"
        case nil: break
        }
        return out + "\n"
    }


    /// The machine form: one object per line.
    static func json(
        _ request: ModelRequest, variant: String?, model: ModelRef, inspection: PromptInspection? = nil,
        preview: Result<RequestPreview, ProviderError>? = nil, count: PromptTokenCount? = nil
    ) -> String {
        struct Shown: Encodable {
            var variant: String?
            var model: String
            var mode: String
            var messages: [ChatMessage]
            var rawText: String?
            var params: GenerationParameters
            var templated: String?
            var tokens: [PromptToken]?
            var promptTokens: PromptTokenCount?
            var request: RequestPreview?
            var requestError: String?
            enum CodingKeys: String, CodingKey {
                case variant, model, mode, messages, rawText = "raw_text", params, templated, tokens, request
                case promptTokens = "prompt_tokens", requestError = "request_error"
            }
        }
        let shown = Shown(
            variant: variant, model: model.description, mode: request.mode.rawValue, messages: request.messages,
            rawText: request.mode == .rawCompletion ? request.rawPrompt : nil, params: request.parameters,
            templated: inspection?.templated, tokens: inspection?.tokens,
            promptTokens: count, request: try? preview?.get(), requestError: preview.flatMap { if case .failure(let e) = $0 { e.message } else { nil } }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(shown)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}

/// A prompt's token count and where it came from.
struct PromptTokenCount: Encodable, Equatable {
    var tokens: Int
    /// "Anthropic's count_tokens", or how it was estimated.
    var source: String
    var estimated: Bool
}
