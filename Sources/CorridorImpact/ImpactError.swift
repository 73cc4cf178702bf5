import CorridorModel
import CorridorOptimization

/// Why an impact analysis (comparison, sweep, criticality) could not be computed.
public enum ImpactError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A request that cannot be answered as posed: an unknown or inactive id, a range out of order, a
    /// shard that does not exist. The text names the option and the value.
    case invalidRequest(String)
    /// Shard documents that do not join into one sweep: headers disagree, points missing or repeated.
    case inconsistentShards(String)
    /// The allocation failed; see ``AllocationError``.
    case allocation(AllocationError)

    public var description: String {
        switch self {
        case .invalidRequest(let text), .inconsistentShards(let text): text
        case .allocation(let error): error.description
        }
    }
}

/// Where an id stands in a scenario, for messages that say exactly what is wrong with it.
enum ElementLookup {
    /// Checks that `id` names an active node (when `nodes`) or link (when `links`) of the scenario.
    /// - Returns: true for a node, false for a link.
    static func requireActive(
        _ id: String, option: String, in network: ActiveNetwork, nodes: Bool, links: Bool
    ) throws(ImpactError) -> Bool {
        if nodes, network.nodeIndex(of: id) != nil { return true }
        if links, network.arcs.contains(where: { $0.linkID == id }) { return false }
        let base = network.network
        let isNode = base.nodes.contains { $0.id == id }
        let isLink = base.links.contains { $0.id == id }
        let what = nodes && links ? "node or link" : nodes ? "node" : "link"
        if (isNode && nodes) || (isLink && links) {
            throw .invalidRequest("\(option) \(id): the \(isNode ? "node" : "link") is off in scenario \"\(network.scenarioID)\"")
        }
        if isNode || isLink {
            throw .invalidRequest("\(option) \(id): is a \(isNode ? "node" : "link"), not a \(what)")
        }
        var candidates: [String] = []
        if nodes { candidates += base.nodes.map(\.id) }
        if links { candidates += base.links.map(\.id) }
        let hint = Suggestion.closest(to: id, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
        throw .invalidRequest("\(option) \(id): no \(what) has this id\(hint)")
    }
}
