import Platform

/// A prompt file that cannot be read or written: where, and what is wrong with it.
public typealias PromptFileError = FileError
