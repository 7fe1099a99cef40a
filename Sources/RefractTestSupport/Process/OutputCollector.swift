import Platform

/// Drains a child's pipe on a background thread and returns all of it at the end (the one `PipeDrain`).
public typealias OutputCollector = PipeDrain
