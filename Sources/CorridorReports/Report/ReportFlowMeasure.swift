import CorridorModel
import CorridorOptimization

/// What the report's maps and flow charts count, so that they never add up different units.
///
/// A network that declares no commodities: its unit, as every report always did. One that declares
/// commodities: **trains** when every commodity has a train load — each commodity's flow divided by its
/// `perTrain`, road links included, so one scale covers them all — and otherwise the **first commodity**
/// alone, in its unit. ``basis`` (for the notes) and ``legend`` say which.
struct ReportFlowMeasure {
    /// The unit the flows are in: the network's, `trains`, or the first commodity's.
    let unit: String
    /// What the flows count, in a sentence for the notes; `nil` on a network that declares no commodities.
    let basis: String?
    /// The same in a few words for the map legend; empty on a network that declares no commodities.
    let legend: String
    /// Each commodity's weight in the flow (`1 / perTrain`, or 1 for the first commodity and 0 for the
    /// others); `nil`: the network's unit, read from the allocation's totals.
    private let weights: [Double]?

    init(_ network: Network) {
        let commodities = network.declaredCommodities
        guard let first = commodities.first else {
            unit = network.unit
            basis = nil
            legend = ""
            weights = nil
            return
        }
        let loads = commodities.compactMap(\.perTrain)
        if loads.count == commodities.count {
            unit = CapacityMeasure.trainsKey
            weights = loads.map { 1 / $0 }
            legend = "each commodity ÷ its load per train"
            let each = zip(commodities, loads).map { "\($0.name) \(Markup.quantity($1)) \($0.unit)" }
            basis =
                "Map flows are in trains per \(network.period): each commodity's flow divided by its load per train "
                + "(\(each.joined(separator: ", "))), road links included, so that one scale covers every commodity."
        } else {
            unit = first.unit
            weights = commodities.indices.map { $0 == 0 ? 1 : 0 }
            legend = "\(first.name) only"
            basis =
                "Map flows are \(first.name) alone, in \(first.unit) per \(network.period): the commodities' units do "
                + "not add up, and not every one has a load per train to count them in trains."
        }
    }

    /// An element's flow: `total` (the allocation's, in the network's unit) on a network that declares no
    /// commodities, else `flows` (one per commodity, each in its unit) weighted.
    func flow(total: Double, perCommodity flows: [Double]) -> Double {
        guard let weights else { return total }
        return zip(weights, flows).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// An element's utilisation for the map's colours: `field` (the allocation's, in the network's unit)
    /// on a network that declares no commodities, else its most used limit's.
    func utilisation(_ field: Double?, limits: [Allocation.LimitResult]) -> Double? {
        guard weights != nil else { return field }
        return limits.compactMap(\.utilisation).max()
    }
}
