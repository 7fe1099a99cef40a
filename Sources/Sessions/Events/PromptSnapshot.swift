import Providers

/// The prompt exactly as it was sent (system prompt, instruction, input, variable values): the
/// provider layer's `Prompt`, which already encodes deterministically for session files.
public typealias PromptSnapshot = Prompt
