import CorridorImpact
import CorridorModel
import CorridorOptimization

/// `corridor-criticality/1`: the ranking of elements by what closing them costs (keys in docs/OUTPUT.md).
/// On a network that declares commodities it adds each commodity's service with everything open and, per
/// element, the change in what each commodity has served.
public enum CriticalityJSONReport {
    /// The document's `"format"` value.
    public static let formatTag = "corridor-criticality/1"

    /// The ranking as a `corridor-criticality/1` document; `includesLinks` records whether links were
    /// ranked too, `network` whether it declares commodities.
    public static func document(_ result: CriticalityResult, includesLinks: Bool, network: Network) -> JSONValue {
        let perCommodity = network.declaresCommodities
        var baseline: [(key: String, value: JSONValue)] = [
            ("objective", .number(result.baselineObjective)), ("unserved", .number(result.baselineUnserved)),
        ]
        if perCommodity {
            baseline.append(
                (
                    "commodities",
                    .array(
                        result.commodities.map {
                            .object([
                                ("id", .string($0.id)), ("unit", .string($0.unit)), ("served", .number($0.served)),
                                ("unserved", .number($0.unserved)),
                            ])
                        })
                ))
        }
        return .object([
            ("format", .string(formatTag)),
            ("network", .string(result.networkName)),
            ("scenario", .string(result.scenarioID)),
            ("links", .bool(includesLinks)),
            ("baseline", .object(baseline)),
            (
                "ranking",
                .array(
                    result.ranking.enumerated().map { position, entry in
                        var fields: [(key: String, value: JSONValue)] = [
                            ("rank", .number(Double(position + 1))), ("id", .string(entry.id)),
                            ("kind", .string(entry.kind.rawValue)), ("costIncrease", .number(entry.costIncrease)),
                            ("unservedIncrease", .number(entry.unservedIncrease)),
                        ]
                        if perCommodity {
                            fields.append(
                                ("servedChange", .object(zip(result.commodities, entry.servedChanges).map { ($0.id, .number($1)) })))
                        }
                        return .object(fields)
                    })
            ),
        ])
    }
}

/// A person's view of the ranking.
public enum CriticalityTableReport {
    /// The ranking as a plain-text table, worst first; on a network that declares commodities, with the
    /// change in served quantity per commodity in place of the unserved increase.
    public static func render(_ result: CriticalityResult, network: Network) -> String {
        var text = "\(result.networkName), scenario \(result.scenarioID): objective \(ImpactCell.number(result.baselineObjective))"
        guard network.declaresCommodities else {
            text += ", unserved \(ImpactCell.number(result.baselineUnserved)) with everything open\n"
            text += "Each element closed in turn (capacity 0), worst first:\n\n"
            var table = TextTable([
                ("rank", .right), ("id", .left), ("kind", .left), ("cost increase", .right), ("unserved increase", .right),
            ])
            for (position, entry) in result.ranking.enumerated() {
                table.append([
                    "\(position + 1)", entry.id, entry.kind.rawValue, ImpactCell.signed(entry.costIncrease),
                    ImpactCell.signed(entry.unservedIncrease),
                ])
            }
            return text + table.rendered()
        }
        let served = result.commodities.map { "\($0.id) \(ImpactCell.number($0.served)) \($0.unit)" }
        text += " with everything open, serving " + served.joined(separator: ", ") + "\n"
        text += "Each element closed in turn (every limit 0: nothing of any commodity passes), worst first; "
        text += "\"served\" is the change in each commodity's quantity served per \(network.period):\n\n"
        var table = TextTable(
            [("rank", .right), ("id", .left), ("kind", .left), ("cost increase", .right)]
                + result.commodities.map { ("served \($0.id) \($0.unit)", .right) })
        for (position, entry) in result.ranking.enumerated() {
            table.append(
                ["\(position + 1)", entry.id, entry.kind.rawValue, ImpactCell.signed(entry.costIncrease)]
                    + entry.servedChanges.map(ImpactCell.signed))
        }
        return text + table.rendered()
    }
}
