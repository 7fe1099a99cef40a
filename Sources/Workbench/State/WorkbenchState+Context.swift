import Foundation
import PromptFiles

extension WorkbenchState {
    /// The context pane's lines for the prompt as it is now.
    public var contextItems: [ContextItem] {
        ContextItem.items(document.base, attachments: attachments, previews: context.previews, graphics: context.graphics)
    }
}
