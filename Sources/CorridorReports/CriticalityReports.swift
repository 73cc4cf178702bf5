import CorridorImpact
import CorridorModel

/// `corridor-criticality/1`: the ranking of elements by what closing them costs (keys in docs/OUTPUT.md).
public enum CriticalityJSONReport {
    /// The document's `"format"` value.
    public static let formatTag = "corridor-criticality/1"

    /// The ranking as a `corridor-criticality/1` document; `includesLinks` records whether links were ranked too.
    public static func document(_ result: CriticalityResult, includesLinks: Bool) -> JSONValue {
        .object([
            ("format", .string(formatTag)),
            ("network", .string(result.networkName)),
            ("scenario", .string(result.scenarioID)),
            ("links", .bool(includesLinks)),
            ("baseline", .object([("objective", .number(result.baselineObjective)), ("unserved", .number(result.baselineUnserved))])),
            (
                "ranking",
                .array(
                    result.ranking.enumerated().map { position, entry in
                        .object([
                            ("rank", .number(Double(position + 1))), ("id", .string(entry.id)),
                            ("kind", .string(entry.kind.rawValue)), ("costIncrease", .number(entry.costIncrease)),
                            ("unservedIncrease", .number(entry.unservedIncrease)),
                        ])
                    })
            ),
        ])
    }
}

/// A person's view of the ranking.
public enum CriticalityTableReport {
    /// The ranking as a plain-text table, worst first.
    public static func render(_ result: CriticalityResult) -> String {
        var text = "\(result.networkName), scenario \(result.scenarioID): objective \(ImpactCell.number(result.baselineObjective))"
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
}
