import CorridorImpact
import CorridorModel
import Foundation

/// `corridor-calibration/1`: the backcast, one row per observation (keys in docs/OUTPUT.md).
public enum CalibrationJSONReport {
    /// The document's `"format"` value.
    public static let formatTag = "corridor-calibration/1"

    /// The backcast as a `corridor-calibration/1` document; `observations` names the file read.
    public static func document(_ calibration: Calibration, observations: String) -> JSONValue {
        .object([
            ("format", .string(formatTag)),
            ("network", .string(calibration.networkName)),
            ("observations", .string(observations)),
            ("passes", .bool(calibration.passes)),
            ("outside", .number(Double(calibration.rows.filter(\.fails).count))),
            (
                "rows",
                .array(
                    calibration.rows.map { row in
                        let observation = row.observation
                        return .object([
                            ("id", .string(observation.id)),
                            ("name", .string(observation.name)),
                            (
                                "scenarios",
                                .array(
                                    observation.scenarios.map {
                                        .object([("id", .string($0.id ?? Scenario.baselineID)), ("weight", .number($0.weight))])
                                    })
                            ),
                            ("unit", .string(observation.unit)),
                            ("observed", .number(observation.observed)),
                            ("modelled", .number(row.modelled.rounded(significantDigits: 6))),
                            ("errorPercent", .number(row.errorPercent.rounded(significantDigits: 6))),
                            ("tolerancePercent", .number(observation.tolerancePercent)),
                            ("judged", .bool(observation.isJudged)),
                            ("withinTolerance", .bool(row.isWithinTolerance)),
                            ("source", .string(observation.source)),
                            ("note", .string(observation.note)),
                        ])
                    })
            ),
        ])
    }
}

/// A person's view of the backcast.
public enum CalibrationTableReport {
    /// The rows as a table, then a one-line verdict.
    public static func render(_ calibration: Calibration) -> String {
        var table = TextTable([
            ("observation", .left), ("scenario", .left), ("unit", .left), ("observed", .right), ("modelled", .right),
            ("error", .right), ("tolerance", .right), ("", .left), ("source", .left),
        ])
        for row in calibration.rows {
            let observation = row.observation
            let verdict =
                !observation.isJudged ? "not judged" : row.isWithinTolerance ? "ok" : "OUTSIDE"
            table.append([
                observation.id, observation.scenarios.map { $0.id ?? Scenario.baselineID }.joined(separator: "+"),
                observation.unit,
                Markup.number(observation.observed, decimals: 2, minus: "-"),
                Markup.number(row.modelled, decimals: 2, minus: "-"),
                String(format: "%+.1f %%", row.errorPercent), String(format: "±%g %%", observation.tolerancePercent),
                verdict, observation.source,
            ])
        }
        let failing = calibration.rows.filter(\.fails).count
        let judged = calibration.rows.filter(\.observation.isJudged).count
        let verdict =
            failing == 0
            ? "All \(judged) judged rows are within their tolerance."
            : "\(failing) of \(judged) judged rows are outside their tolerance."
        var text = "Backcast of \(calibration.networkName): model against observed\n\n" + table.rendered() + "\n" + verdict + "\n"
        let notes = calibration.rows.filter { !$0.observation.isJudged }
        if !notes.isEmpty {
            text += "\nNot judged:\n"
            for row in notes { text += "  \(row.observation.id): \(row.observation.note ?? "")\n" }
        }
        return text
    }
}
