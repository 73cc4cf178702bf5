import CorridorModel
import CorridorOptimization

/// The allocation as a GeoJSON FeatureCollection (RFC 7946): a Point per node, a LineString per arc,
/// coordinates `[lon, lat]`, flows and shadow prices as properties.
///
/// Nodes without coordinates cannot be drawn: they and the arcs touching them are left out and listed
/// in the collection's `corridor.skippedNodes` / `corridor.skippedLinks` members.
public enum AllocationGeoJSONReport {
    /// The collection, and the ids of the nodes left out for lack of coordinates.
    public static func document(_ allocation: Allocation, network: ActiveNetwork)
        -> (document: JSONValue, skippedNodes: [String])
    {
        var features: [JSONValue] = []
        var skippedNodes: [String] = []
        var skippedLinks: [String] = []
        func position(_ node: Int) -> JSONValue? {
            guard let lat = network.nodes[node].node.lat, let lon = network.nodes[node].node.lon else { return nil }
            return .array([.number(lon), .number(lat)])
        }
        for (n, result) in allocation.nodes.enumerated() {
            let node = network.nodes[n]
            guard let point = position(n) else {
                skippedNodes.append(node.id)
                continue
            }
            features.append(
                feature(
                    geometry: .object([("type", .string("Point")), ("coordinates", point)]),
                    properties: [
                        ("element", .string("node")), ("id", .string(node.id)), ("name", .string(node.name)),
                        ("kind", .string(node.kind.rawValue)), ("country", .string(node.country)),
                        ("flow", .number(result.flow)), ("capacity", .number(result.capacity)),
                        ("utilisation", .number(result.utilisation)), ("shadowPrice", .number(result.shadowPrice)),
                    ] + commodityProperties(allocation, network, flows: result.flows, limits: result.limits)))
        }
        for (a, result) in allocation.arcs.enumerated() {
            let arc = network.arcs[a]
            guard let from = position(arc.from), let to = position(arc.to) else {
                skippedLinks.append(arc.label)
                continue
            }
            features.append(
                feature(
                    geometry: .object([("type", .string("LineString")), ("coordinates", .array([from, to]))]),
                    properties: [
                        ("element", .string("link")), ("id", .string(arc.linkID)),
                        ("direction", .string(arc.isReverse ? "reverse" : "forward")),
                        ("from", .string(result.from)), ("to", .string(result.to)), ("mode", .string(arc.mode.rawValue)),
                        ("flow", .number(result.flow)), ("capacity", .number(result.capacity)),
                        ("utilisation", .number(result.utilisation)), ("shadowPrice", .number(result.shadowPrice)),
                    ] + commodityProperties(allocation, network, flows: result.flows, limits: result.limits)))
        }
        let document = JSONValue.object([
            ("type", .string("FeatureCollection")),
            (
                "corridor",
                .object([
                    ("format", .string("corridor-allocation-geojson/1")),
                    ("network", .string(network.network.name)),
                    ("scenario", .string(network.scenarioID)),
                    ("objective", .number(allocation.objective)),
                    ("skippedNodes", .array(skippedNodes.map(JSONValue.string))),
                    ("skippedLinks", .array(skippedLinks.map(JSONValue.string))),
                ])
            ),
            ("features", .array(features)),
        ])
        return (document, skippedNodes)
    }

    /// Flat properties a GIS can style by, in a network that declares commodities: `flow_COMMODITY` per
    /// commodity, and per limit `capacity_MEASURE`, `used_MEASURE`, `shadowPrice_MEASURE`.
    private static func commodityProperties(
        _ allocation: Allocation, _ network: ActiveNetwork, flows: [Double], limits: [Allocation.LimitResult]
    ) -> [(key: String, value: JSONValue)] {
        guard network.network.declaresCommodities else { return [] }
        var properties = zip(allocation.commodities, flows).map { ("flow_" + $0.id, JSONValue.number($1)) }
        for limit in limits {
            properties += [
                ("capacity_" + limit.measure, .number(limit.capacity)), ("used_" + limit.measure, .number(limit.used)),
                ("shadowPrice_" + limit.measure, .number(limit.shadowPrice)),
            ]
        }
        return properties
    }

    private static func feature(geometry: JSONValue, properties: [(key: String, value: JSONValue)]) -> JSONValue {
        .object([("type", .string("Feature")), ("geometry", geometry), ("properties", .object(properties))])
    }
}
