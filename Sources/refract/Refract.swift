import ArgumentParser
import Foundation

/// `refract`: the workbench (no subcommand) and the headless commands.
@main
struct Refract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refract",
        abstract: "A terminal workbench for foundation models: write a prompt, run it, compare, replay.",
        discussion: """
            With no subcommand, opens the full-screen workbench. Models are named provider:model \
            (local:smollm2-135m-instruct needs no key and no network).
            """,
        version: RefractVersion.string,
        subcommands: [
            WorkbenchCommand.self, RunCommand.self, CompareCommand.self, ReplayCommand.self, SessionsCommand.self, ModelsCommand.self, DecodeCommand.self,
            LocalCommand.self, PromptCommand.self, EvalCommand.self,
        ],
        defaultSubcommand: WorkbenchCommand.self
    )
}

/// The version printed by `--version` and written into session files.
enum RefractVersion {
    static let string = "0.1.0"
}
