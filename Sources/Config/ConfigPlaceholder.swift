import Providers
/// Placeholder for the config loader.
public enum ConfigPlaceholder {}
