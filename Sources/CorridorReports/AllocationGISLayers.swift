import CorridorGIS
import CorridorImpact
import CorridorModel
import CorridorOptimization

/// An allocation, or a comparison of two, as GIS layers: one geometry type per layer, snake_case
/// fields of fixed types, and a first field `id` unique within its layer (docs/OUTPUT.md, "GIS layers").
///
/// Nodes without `lat`/`lon` cannot be drawn: they, the link directions touching them and the routes
/// passing them are left out, and the nodes named in ``Layers/skippedNodes``.
public enum AllocationGISLayers {
    public struct Layers {
        public let layers: [FeatureLayer]
        /// Nodes left out for lack of coordinates, in file order.
        public let skippedNodes: [String]
    }

    /// `nodes` (points), `links` (a line per link direction) and `routes` (a line per demand and route).
    public static func layers(_ allocation: Allocation, network: ActiveNetwork) -> Layers {
        let place = Positions(network.network)
        let commodities = network.network.declaresCommodities ? allocation.commodities : []
        let commodityFields = commodities.map { FeatureLayer.Field("flow_\($0.id)", .real) }
        func perCommodity(_ flows: [Double]) -> [FeatureLayer.Value] { commodities.indices.map { .real(flows[$0]) } }
        let measures: [FeatureLayer.Field] = [
            .init("flow", .real), .init("capacity", .real), .init("utilisation", .real), .init("shadow_price", .real),
        ]

        var nodes = FeatureLayer(
            name: "nodes", geometryType: .point,
            fields: [.init("id", .text), .init("name", .text), .init("kind", .text), .init("country", .text)] + measures
                + commodityFields)
        for (n, result) in allocation.nodes.enumerated() {
            let node = network.nodes[n]
            guard let position = place[node.id] else { continue }
            nodes.append(
                [position],
                [
                    .text(node.id), .text(node.name), .text(node.kind.rawValue), .text(node.country), .real(result.flow),
                    .real(result.capacity), .real(result.utilisation), .real(result.shadowPrice),
                ] + perCommodity(result.flows))
        }

        var links = FeatureLayer(
            name: "links", geometryType: .lineString,
            fields: directionFields + [.init("mode", .text)] + measures + commodityFields)
        for (a, result) in allocation.arcs.enumerated() {
            guard let line = place.line([result.from, result.to]) else { continue }
            links.append(
                line,
                direction(result.linkID, reverse: result.isReverse, from: result.from, to: result.to)
                    + [
                        .text(network.arcs[a].mode.rawValue), .real(result.flow), .real(result.capacity),
                        .real(result.utilisation), .real(result.shadowPrice),
                    ] + perCommodity(result.flows))
        }

        var routes = FeatureLayer(
            name: "routes", geometryType: .lineString,
            fields: [
                .init("id", .text), .init("demand", .text), .init("rank", .integer), .init("commodity", .text),
                .init("origin", .text), .init("destination", .text), .init("flow", .real), .init("share", .real),
                .init("hours", .real), .init("cost", .real), .init("crossings", .text), .init("nodes", .text),
            ])
        for demand in allocation.demands {
            for (rank, route) in demand.routes.enumerated() {
                guard let line = place.line(route.nodes) else { continue }
                routes.append(
                    line,
                    [
                        .text("\(demand.id):\(rank + 1)"), .text(demand.id), .integer(rank + 1), .text(demand.commodity),
                        .text(demand.origin), .text(demand.destination), .real(route.flow), .real(route.share),
                        .real(route.hours), .real(route.cost), .text(route.crossings.joined(separator: ";")),
                        .text(route.nodes.joined(separator: ";")),
                    ])
            }
        }
        return Layers(layers: [nodes, links, routes], skippedNodes: place.missing(network.nodes.map(\.id)))
    }

    /// The scenario's layers, then `link_changes`: a line per link direction on in either scenario, its
    /// flow and utilisation before and after.
    public static func layers(_ comparison: ScenarioComparison) -> Layers {
        let after = layers(comparison.scenario.allocation, network: comparison.scenario.network)
        let network = comparison.scenario.network.network
        let place = Positions(network)
        func byDirection(_ allocation: Allocation) -> [String: Allocation.ArcResult] {
            Dictionary(allocation.arcs.map { ("\($0.linkID)\u{0}\($0.isReverse)", $0) }, uniquingKeysWith: { first, _ in first })
        }
        let before = byDirection(comparison.baseline.allocation)
        let later = byDirection(comparison.scenario.allocation)
        var changes = FeatureLayer(
            name: "link_changes", geometryType: .lineString,
            fields: directionFields + [
                .init("flow_before", .real), .init("flow_after", .real), .init("flow_change", .real),
                .init("utilisation_before", .real), .init("utilisation_after", .real),
            ])
        for link in network.links {
            for reverse in link.bidirectional ? [false, true] : [false] {
                let key = "\(link.id)\u{0}\(reverse)"
                guard before[key] != nil || later[key] != nil else { continue }
                let (from, to) = reverse ? (link.to, link.from) : (link.from, link.to)
                guard let line = place.line([from, to]) else { continue }
                let old = before[key]
                let new = later[key]
                changes.append(
                    line,
                    direction(link.id, reverse: reverse, from: from, to: to) + [
                        .real(old?.flow), .real(new?.flow), .real((new?.flow ?? 0) - (old?.flow ?? 0)),
                        .real(old?.utilisation), .real(new?.utilisation),
                    ])
            }
        }
        return Layers(layers: after.layers + [changes], skippedNodes: after.skippedNodes)
    }

    /// The fields naming one link direction: a unique `id` (`LINK:forward`, `LINK:reverse`), then the
    /// link, the direction and its ends.
    private static let directionFields: [FeatureLayer.Field] = [
        .init("id", .text), .init("link", .text), .init("direction", .text), .init("from", .text), .init("to", .text),
    ]

    private static func direction(_ link: String, reverse: Bool, from: String, to: String) -> [FeatureLayer.Value] {
        let direction = reverse ? "reverse" : "forward"
        return [.text("\(link):\(direction)"), .text(link), .text(direction), .text(from), .text(to)]
    }
}

/// The file's nodes' positions by id.
private struct Positions {
    private let byID: [String: (lon: Double, lat: Double)]

    init(_ network: Network) {
        var byID: [String: (lon: Double, lat: Double)] = [:]
        for node in network.nodes {
            if let lat = node.lat, let lon = node.lon { byID[node.id] = (lon, lat) }
        }
        self.byID = byID
    }

    subscript(id: String) -> (lon: Double, lat: Double)? { byID[id] }

    /// The line through these nodes, or `nil` when one has no position.
    func line(_ ids: [String]) -> [(lon: Double, lat: Double)]? {
        var positions: [(lon: Double, lat: Double)] = []
        for id in ids {
            guard let position = byID[id] else { return nil }
            positions.append(position)
        }
        return positions
    }

    /// The ids without a position.
    func missing(_ ids: [String]) -> [String] { ids.filter { byID[$0] == nil } }
}
