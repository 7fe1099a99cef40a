import Providers
/// Placeholder for the session store.
public enum SessionsPlaceholder {}
