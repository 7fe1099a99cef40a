import Platform

/// A config file that cannot be used: where, and what is wrong with it.
public typealias ConfigError = FileError
