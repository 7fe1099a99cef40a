import Foundation

/// One `[[attachments]]` entry: a file, glob or folder given to the model as context, by the path written
/// (relative paths are relative to the prompt file's folder).
public struct PromptAttachment: Sendable, Equatable {
    public var path: String
    public var extras = ExtraKeys()

    public init(path: String) { self.path = path }
}
