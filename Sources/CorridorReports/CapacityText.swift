import CorridorModel

/// How reports write capacities: one place, so a limit reads the same in every table and document.
enum CapacityText {
    /// `unlimited`; `100` for a lone limit in the network's unit of a network without commodities (every
    /// `/1` network); otherwise each limit with its measure, `28 trains, 1500 TEU`.
    static func text(_ limits: [CapacityLimit], network: Network) -> String {
        if limits.isEmpty { return "unlimited" }
        let networkUnit = network.unit
        if !network.declaresCommodities, limits.count == 1, limits[0].measure == .networkUnit {
            return JSONValue.format(limits[0].value)
        }
        return limits.map { "\(JSONValue.format($0.value)) \($0.measure.name(networkUnit: networkUnit))" }
            .joined(separator: ", ")
    }

    /// The limits as a JSON object keyed by measure, as the network file writes them; `null` when unlimited.
    static func json(_ limits: [CapacityLimit], networkUnit: String) -> JSONValue {
        limits.isEmpty ? .null : .object(limits.map { ($0.measure.name(networkUnit: networkUnit), .number($0.value)) })
    }
}
