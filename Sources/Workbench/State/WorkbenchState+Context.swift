import Foundation
import PromptFiles

extension WorkbenchState {
    /// The context pane's lines for the prompt as it is now.
    public var contextItems: [ContextItem] {
        ContextItem.items(document.base, files: context.files, graphics: context.graphics)
    }

    /// The folder relative attachment paths start from: the prompt file's, else the working directory.
    var contextFolder: URL {
        document.url?.deletingLastPathComponent() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
