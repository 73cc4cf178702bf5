/// What a valid network probably does not mean: demands that no path can serve, elements that no
/// demand can use, and pairs of one-way links that run opposite ways between the same nodes.
///
/// Nothing here is an error — a network may leave a demand unserved on purpose — so each finding is
/// one sentence for `validate` to print beside "ok". A demand or element counts as usable when it is
/// in *some* scenario, the baseline or one the file defines, so a proposed link that only a scenario
/// enables is not reported. "On a path" is checked by reachability (the element can be reached from
/// the origin and reaches the destination, over what accepts the demand's commodity), which can
/// count an element that only a detour through it would use.
public enum NetworkWarnings {
    /// Every warning about `network`, one sentence each: demands first (file order), then nodes,
    /// links, and opposite one-way links.
    public static func sentences(for network: Network) -> [String] {
        let baseline = Scenario(id: Scenario.baselineID, name: "Base network")
        let views = ([baseline] + network.scenarios).map { network.activate($0) }
        var demandPathless: [[String]] = Array(repeating: [], count: network.demands.count)
        var usedNodes = Set<String>()
        var usedLinks = Set<String>()
        for view in views {
            let reach = Reachability(view)
            for (k, demand) in view.demands.enumerated() {
                guard let origin = demand.origin, let destination = demand.destination else { continue }
                let forward = reach.reached(from: origin, avoiding: destination, commodity: demand.commodity, reversed: false)
                let backward = reach.reached(from: destination, avoiding: origin, commodity: demand.commodity, reversed: true)
                guard forward[destination] else {
                    demandPathless[k].append(view.scenarioID)
                    continue
                }
                for n in view.nodes.indices where forward[n] && backward[n] { usedNodes.insert(view.nodes[n].id) }
                // A path never enters its origin again nor leaves its destination.
                for (a, arc) in view.arcs.enumerated()
                where forward[arc.from] && backward[arc.to] && arc.to != origin && arc.from != destination
                    && view.terms(ofArc: a, commodity: demand.commodity).accepts {
                    usedLinks.insert(arc.linkID)
                }
            }
        }
        var sentences: [String] = []
        for (k, scenarios) in demandPathless.enumerated() where !scenarios.isEmpty {
            let demand = network.demands[k]
            sentences.append(
                "demand \"\(demand.id)\" (\(demand.origin) → \(demand.destination)) has no path in "
                    + "\(scenarios.joined(separator: ", ")) and stays unserved there "
                    + "(links are one-way unless \"bidirectional\": true)")
        }
        if !network.demands.isEmpty {
            for node in network.nodes where !usedNodes.contains(node.id) {
                sentences.append("node \"\(node.id)\" is on no path of any demand in any scenario")
            }
            for link in network.links where !usedLinks.contains(link.id) {
                sentences.append("link \"\(link.id)\" (\(link.from) → \(link.to)) is on no path of any demand in any scenario")
            }
        }
        var oneWay: [String: Link] = [:]
        for link in network.links where !link.bidirectional {
            if let opposite = oneWay["\(link.to)\u{0}\(link.from)"] {
                sentences.append(
                    "links \"\(opposite.id)\" (\(opposite.from) → \(opposite.to)) and \"\(link.id)\" "
                        + "(\(link.from) → \(link.to)) are one-way in opposite directions; "
                        + "one link with \"bidirectional\": true says the same if their terms agree")
            }
            oneWay["\(link.from)\u{0}\(link.to)"] = oneWay["\(link.from)\u{0}\(link.to)"] ?? link
        }
        return sentences
    }
}

/// Which nodes a commodity can reach along a scenario's arcs (those that accept it), forward from a
/// node or backward to it.
private struct Reachability {
    let view: ActiveNetwork
    private let outgoing: [[Int]]
    private let incoming: [[Int]]

    init(_ view: ActiveNetwork) {
        self.view = view
        var outgoing = Array(repeating: [Int](), count: view.nodes.count)
        var incoming = outgoing
        for (a, arc) in view.arcs.enumerated() {
            outgoing[arc.from].append(a)
            incoming[arc.to].append(a)
        }
        self.outgoing = outgoing
        self.incoming = incoming
    }

    /// For each node, whether it is reached from `start` (to `start` when `reversed`) without passing
    /// through `end` (which is reached but not left: a path stops at its destination).
    func reached(from start: Int, avoiding end: Int, commodity: Int, reversed: Bool) -> [Bool] {
        var seen = Array(repeating: false, count: view.nodes.count)
        guard view.terms(ofNode: start, commodity: commodity).accepts else { return seen }
        seen[start] = true
        var stack = [start]
        while let node = stack.popLast() {
            if node == end { continue }
            for a in (reversed ? incoming : outgoing)[node] where view.terms(ofArc: a, commodity: commodity).accepts {
                let next = reversed ? view.arcs[a].from : view.arcs[a].to
                if !seen[next] {
                    seen[next] = true
                    stack.append(next)
                }
            }
        }
        return seen
    }
}
