/// A node of an active network, resolved from its id once (``ActiveNetwork/resolveNode(_:as:)``).
public struct NodeReference: Sendable, Hashable {
    public let id: String
    /// Its position in ``ActiveNetwork/nodes``.
    public let index: Int
}

/// A link of an active network, resolved from its id once: its arcs, the forward one first.
public struct LinkReference: Sendable, Hashable {
    public let id: String
    /// Its position in ``Network/links``.
    public let linkIndex: Int
    /// Positions in ``ActiveNetwork/arcs``: one, or two for a bidirectional link (forward, then reverse).
    public let arcs: [Int]
}

/// A node or a link, for requests that take either (a capacity to vary, an element to close).
public enum ElementReference: Sendable, Hashable {
    case node(NodeReference)
    case link(LinkReference)

    public var id: String {
        switch self {
        case .node(let node): node.id
        case .link(let link): link.id
        }
    }
}

/// What a request names an element for; messages about the element start with it.
public enum ElementRole: String, Sendable, CaseIterable {
    case origin, destination, via
    case avoided = "avoided element"
    case source, sink
    case sweptCapacity = "element whose capacity is swept"
    case sweptCost = "link whose cost is swept"
    case changedCapacity = "element whose capacity changes"
    case changedCost = "link whose cost changes"
}

/// Which kinds of element a request accepts.
public enum ElementKinds: String, Sendable {
    case node
    case link
    case nodeOrLink = "node or link"
    case nodeOrCountry = "node or country code"
}

/// An id that does not name an active element of the kind asked for, and why.
public struct ElementResolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Fault: Sendable, Equatable {
        /// No element of the network has the id; `suggestion` is the closest id of the kinds asked for.
        case unknown(suggestion: String?)
        /// The element (a `"node"` or `"link"`) exists but the scenario leaves it off; `enabledBy` lists
        /// scenarios that turn it on.
        case off(kind: String, enabledBy: [String])
        /// The id names an element of another kind (`"demand"`, `"scenario"`, `"node"`, `"link"`).
        case wrongKind(String)
        /// The same node named twice in one list.
        case repeated
    }

    public let id: String
    public let role: ElementRole
    public let expected: ElementKinds
    public let scenario: String
    public let fault: Fault

    public init(id: String, role: ElementRole, expected: ElementKinds, scenario: String, fault: Fault) {
        self.id = id
        self.role = role
        self.expected = expected
        self.scenario = scenario
        self.fault = fault
    }

    /// What is wrong, without the role: `the node is off in scenario "baseline" (…)`.
    public var problem: String {
        switch fault {
        case .unknown(let suggestion):
            "no \(expected.rawValue) has this id" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .off(let kind, let enabledBy):
            "the \(kind) is off in scenario \"\(scenario)\""
                + (enabledBy.isEmpty ? "" : " (scenarios that turn it on: \(enabledBy.joined(separator: ", ")))")
        case .wrongKind(let kind): "is a \(kind), not a \(expected.rawValue)"
        case .repeated: "is named twice"
        }
    }

    public var description: String { "\(role.rawValue) \"\(id.escapingControlCharacters)\": \(problem)" }
}

extension ActiveNetwork {
    /// The active node with this id.
    /// - Throws: ``ElementResolutionError``: unknown (with the closest node id), off in the scenario (with the
    ///   scenarios that turn it on), or the id of a link, demand or scenario.
    public func resolveNode(_ id: String, as role: ElementRole) throws(ElementResolutionError) -> NodeReference {
        if let index = nodeIndex(of: id) { return NodeReference(id: id, index: index) }
        throw failure(id, role, .node)
    }

    /// The active link with this id and its arcs.
    /// - Throws: ``ElementResolutionError`` as ``resolveNode(_:as:)``.
    public func resolveLink(_ id: String, as role: ElementRole) throws(ElementResolutionError) -> LinkReference {
        if let link = linkReference(of: id) { return link }
        throw failure(id, role, .link)
    }

    /// The active node or link with this id.
    /// - Throws: ``ElementResolutionError`` as ``resolveNode(_:as:)``.
    public func resolveElement(_ id: String, as role: ElementRole) throws(ElementResolutionError) -> ElementReference {
        if let index = nodeIndex(of: id) { return .node(NodeReference(id: id, index: index)) }
        if let link = linkReference(of: id) { return .link(link) }
        throw failure(id, role, .nodeOrLink)
    }

    /// The reference to the active node at `index` in ``nodes``.
    public func reference(toNode index: Int) -> NodeReference { NodeReference(id: nodes[index].id, index: index) }

    /// Resolves a list of node ids, each once.
    public func resolveNodes(_ ids: [String], as role: ElementRole) throws(ElementResolutionError) -> [NodeReference] {
        var seen = Set<String>()
        var nodes: [NodeReference] = []
        for id in ids {
            guard seen.insert(id).inserted else {
                throw ElementResolutionError(id: id, role: role, expected: .node, scenario: scenarioID, fault: .repeated)
            }
            nodes.append(try resolveNode(id, as: role))
        }
        return nodes
    }

    private func failure(_ id: String, _ role: ElementRole, _ expected: ElementKinds) -> ElementResolutionError {
        let base = network
        let kind = base.kind(ofID: id)
        let fault: ElementResolutionError.Fault
        if (kind == "node" && expected != .link) || (kind == "link" && expected != .node) {
            let enabling = base.scenarios.filter { $0.enable.contains(id) && !$0.disable.contains(id) }.map(\.id)
            fault = .off(kind: kind ?? "element", enabledBy: enabling)
        } else if let kind {
            fault = .wrongKind(kind)
        } else {
            var candidates: [String] = []
            if expected != .link { candidates += base.nodes.map(\.id) }
            if expected != .node { candidates += base.links.map(\.id) }
            fault = .unknown(suggestion: Suggestion.closest(to: id, among: candidates))
        }
        return ElementResolutionError(id: id, role: role, expected: expected, scenario: scenarioID, fault: fault)
    }
}

/// A node, or every node of a country, that a route must not pass.
public enum Avoidance: Sendable, Hashable {
    case node(NodeReference)
    /// An ISO country code as the network writes it (`RU`).
    case country(String)
}

extension ActiveNetwork {
    /// What an avoid word names: a node id first, else a country code of the network's nodes (matched
    /// case-insensitively); `nil` for a node that is off in the scenario (it is avoided already).
    /// - Throws: ``ElementResolutionError`` (`unknown`, with the closest node id or country code).
    public func resolveAvoidance(_ word: String) throws(ElementResolutionError) -> Avoidance? {
        if network.nodes.contains(where: { $0.id == word }) {
            return nodeIndex(of: word).map { .node(NodeReference(id: word, index: $0)) }
        }
        let countries = Set(network.nodes.compactMap(\.country))
        if let country = countries.first(where: { $0.uppercased() == word.uppercased() }) { return .country(country) }
        let fault: ElementResolutionError.Fault =
            if let kind = network.kind(ofID: word) {
                .wrongKind(kind)
            } else {
                .unknown(suggestion: Suggestion.closest(to: word, among: network.nodes.map(\.id) + countries.sorted()))
            }
        throw ElementResolutionError(id: word, role: .avoided, expected: .nodeOrCountry, scenario: scenarioID, fault: fault)
    }
}

extension Network {
    /// What an id names in the file — `node`, `link`, `demand` or `scenario` — or `nil`. Ids are unique
    /// across the four kinds.
    public func kind(ofID id: String) -> String? {
        if nodes.contains(where: { $0.id == id }) { return "node" }
        if links.contains(where: { $0.id == id }) { return "link" }
        if demands.contains(where: { $0.id == id }) { return "demand" }
        if scenarios.contains(where: { $0.id == id }) { return "scenario" }
        return nil
    }
}
