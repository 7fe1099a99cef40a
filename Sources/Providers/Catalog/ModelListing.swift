import Foundation

/// What a provider's server said when asked for its models. Answering at all means it is reachable;
/// listing models is a separate matter (proxies often serve streams but no model list).
public enum ModelListing: Sendable, Equatable {
    /// The server listed these model ids.
    case listed([String])
    /// The server answered the list request with this HTTP status (404, 405 or 501): it has no model list.
    case notListed(status: Int)

    /// Statuses that mean "no such endpoint here", not "something went wrong".
    static let noListStatuses: Set<Int> = [404, 405, 501]

    /// The ids listed, or nil when the server does not list its models.
    public var ids: [String]? {
        if case .listed(let ids) = self { return ids }
        return nil
    }
}
