import ArgumentParser
import Foundation

/// `refract sessions`: list, show, export, search, rename and delete saved sessions.
struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show, export, search, rename and delete saved sessions.",
        discussion: """
            Sessions are JSON Lines files (one per `refract run` or workbench session) in the sessions \
            folder: --sessions DIR, else $REFRACT_SESSIONS, else ./sessions when the current directory has \
            one, else the config's sessions_dir, else $XDG_DATA_HOME/refract/sessions. A FILE is a path, or \
            a file name in that folder (the .jsonl may be left out, and so may the end of the name when the \
            start is unique). Files that cannot be read are reported on stderr, one line each.
            """,
        subcommands: [
            SessionsListCommand.self, SessionsShowCommand.self, SessionsExportCommand.self, SessionsSearchCommand.self,
            SessionsRenameCommand.self, SessionsDeleteCommand.self,
        ],
        defaultSubcommand: SessionsListCommand.self
    )
}

/// The options every `sessions` subcommand shares: the folder and the config that may name it.
struct SessionCommandOptions: ParsableArguments {
    @OptionGroup var location: SessionFolderOption

    @Option(help: "The config file (for its sessions_dir).")
    var config: String?

    func folder() throws -> SessionFolder { try SessionFolder.load(location, configPath: config) }
}
