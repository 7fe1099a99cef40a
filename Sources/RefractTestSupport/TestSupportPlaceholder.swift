/// Placeholder for test support.
public enum TestSupportPlaceholder {}
