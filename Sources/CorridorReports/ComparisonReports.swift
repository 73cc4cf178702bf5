import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorRouting
import Foundation

/// `corridor-comparison/1`: two scenarios side by side (keys in docs/OUTPUT.md).
public enum ComparisonJSONReport {
    /// The document's `"format"` value.
    public static let formatTag = "corridor-comparison/1"

    /// The comparison as a `corridor-comparison/1` document.
    public static func document(_ comparison: ScenarioComparison) -> JSONValue {
        let before = comparison.baseline
        let after = comparison.scenario
        return .object([
            ("format", .string(formatTag)),
            ("network", .string(before.network.network.name)),
            ("scenario", .string(after.network.scenarioID)),
            ("baseline", .string(before.network.scenarioID)),
            ("crossings", .array(comparison.crossings.map(crossing))),
            (
                "totals",
                .object([
                    ("before", totals(before)),
                    ("after", totals(after)),
                    ("change", change(before, after)),
                ])
            ),
            ("changes", .array(comparison.changes.map(demandChange))),
        ])
    }

    private static func state(_ state: ScenarioComparison.CrossingState?) -> JSONValue {
        guard let state else { return .null }
        return .object([
            ("flow", .number(state.flow)), ("share", .number(state.share)), ("capacity", .number(state.capacity)),
            ("utilisation", .number(state.utilisation)), ("shadowPrice", .number(state.shadowPrice)),
        ])
    }

    private static func crossing(_ change: ScenarioComparison.CrossingChange) -> JSONValue {
        var utilisationChange: Double?
        if let old = change.before?.utilisation, let new = change.after?.utilisation { utilisationChange = new - old }
        return .object([
            ("id", .string(change.id)), ("name", .string(change.name)),
            ("before", state(change.before)), ("after", state(change.after)),
            (
                "change",
                .object([
                    ("flow", .number(change.flowChange)), ("share", .number(change.shareChange)),
                    ("utilisation", .number(utilisationChange)), ("shadowPrice", .number(change.shadowPriceChange)),
                ])
            ),
        ])
    }

    private static func totals(_ outcome: ScenarioComparison.Outcome) -> JSONValue {
        let allocation = outcome.allocation
        let parts = allocation.objectiveParts
        return .object([
            ("objective", .number(allocation.objective)),
            (
                "objectiveParts",
                .object([
                    ("transport", .number(parts.transport)), ("handling", .number(parts.handling)),
                    ("timeValue", .number(parts.timeValue)), ("unservedPenalty", .number(parts.unservedPenalty)),
                ])
            ),
            ("served", .number(allocation.served)), ("unserved", .number(allocation.unserved)),
            ("meanTransitDays", .number(outcome.meanTransitDays)),
            ("maxFlow", maxFlow(outcome)),
        ])
    }

    private static func maxFlow(_ outcome: ScenarioComparison.Outcome) -> JSONValue {
        guard let result = outcome.maxFlow else {
            return .object([("value", .null), ("unbounded", .bool(false)), ("cut", .array([])), ("note", .string(outcome.maxFlowNote))])
        }
        return .object([
            ("value", .number(result.value)), ("unbounded", .bool(result.isUnbounded)),
            (
                "cut",
                .array(
                    result.cut.map {
                        .object([
                            ("id", .string($0.id)), ("kind", .string($0.kind.rawValue)), ("reverse", .bool($0.isReverse)),
                            ("capacity", .number($0.capacity)),
                        ])
                    })
            ),
            ("note", .null),
        ])
    }

    private static func change(_ before: ScenarioComparison.Outcome, _ after: ScenarioComparison.Outcome) -> JSONValue {
        var transit: Double?
        if let old = before.meanTransitDays, let new = after.meanTransitDays { transit = new - old }
        var flow: Double?
        if let old = before.maxFlow?.value, let new = after.maxFlow?.value { flow = new - old }
        return .object([
            ("objective", .number(after.allocation.objective - before.allocation.objective)),
            ("served", .number(after.allocation.served - before.allocation.served)),
            ("unserved", .number(after.allocation.unserved - before.allocation.unserved)),
            ("meanTransitDays", .number(transit)),
            ("maxFlow", .number(flow)),
        ])
    }

    private static func channelFlows(_ flows: [ScenarioComparison.ChannelFlow]) -> JSONValue {
        .array(flows.map { .object([("via", .string($0.channel.description)), ("flow", .number($0.flow))]) })
    }

    private static func demandChange(_ change: ScenarioComparison.DemandChange) -> JSONValue {
        .object([
            ("id", .string(change.id)), ("origin", .string(change.origin)), ("destination", .string(change.destination)),
            ("size", .number(change.size)),
            ("before", channelFlows(change.before)), ("after", channelFlows(change.after)),
            (
                "shifts",
                .array(
                    change.shifts.map {
                        .object([
                            ("from", .string($0.from?.description)), ("to", .string($0.to?.description)),
                            ("flow", .number($0.flow)),
                        ])
                    })
            ),
        ])
    }
}

/// A person's view of a comparison: crossings, totals, and the demands that moved.
public enum ComparisonTableReport {
    /// The comparison as aligned plain-text tables, ending with a newline.
    /// - Parameter changesListed: how many moved demands to list, largest first; `nil` lists all.
    public static func render(_ comparison: ScenarioComparison, changesListed: Int? = nil) -> String {
        let before = comparison.baseline
        let after = comparison.scenario
        let network = before.network.network
        var text = "\(network.name): \(before.network.scenarioID) → \(after.network.scenarioID)"
        text += " (flows in \(network.unit)/\(network.period), money in \(network.currency)/\(network.period))\n\n"

        var crossings = TextTable([
            ("crossing", .left), ("flow before", .right), ("flow after", .right), ("change", .right),
            ("share before", .right), ("share after", .right), ("util. before", .right), ("util. after", .right),
            ("price before", .right), ("price after", .right),
        ])
        for change in comparison.crossings {
            crossings.append([
                change.id, ImpactCell.number(change.before?.flow), ImpactCell.number(change.after?.flow),
                ImpactCell.signed(change.flowChange), ImpactCell.percent(change.before?.share), ImpactCell.percent(change.after?.share),
                ImpactCell.percent(change.before?.utilisation), ImpactCell.percent(change.after?.utilisation),
                ImpactCell.number(change.before?.shadowPrice), ImpactCell.number(change.after?.shadowPrice),
            ])
        }
        text += "Crossings (— off in that scenario)\n" + crossings.rendered(indent: "  ") + "\n"

        var totals = TextTable([("", .left), ("before", .right), ("after", .right), ("change", .right)])
        func row(_ label: String, _ old: Double?, _ new: Double?) {
            var delta: Double?
            if let old, let new { delta = new - old }
            totals.append([label, ImpactCell.number(old), ImpactCell.number(new), delta.map(ImpactCell.signed) ?? "—"])
        }
        let oldParts = before.allocation.objectiveParts
        let newParts = after.allocation.objectiveParts
        row("total cost", before.allocation.objective, after.allocation.objective)
        row("  transport", oldParts.transport, newParts.transport)
        row("  handling", oldParts.handling, newParts.handling)
        row("  time value", oldParts.timeValue, newParts.timeValue)
        row("  unserved penalty", oldParts.unservedPenalty, newParts.unservedPenalty)
        row("served", before.allocation.served, after.allocation.served)
        row("unserved", before.allocation.unserved, after.allocation.unserved)
        row("mean transit (days)", before.meanTransitDays, after.meanTransitDays)
        totals.append([
            "max-flow", maxFlowCell(before), maxFlowCell(after),
            before.maxFlow?.value.flatMap { old in after.maxFlow?.value.map { ImpactCell.signed($0 - old) } } ?? "—",
        ])
        text += "Totals\n" + totals.rendered(indent: "  ")
        text += "  cut before: " + cutText(before) + "\n  cut after:  " + cutText(after) + "\n\n"

        if comparison.changes.isEmpty {
            text += "No demand changed its route.\n"
        } else {
            text += "Demands that moved (largest first)\n"
            var moves = TextTable([("demand", .left), ("from", .left), ("to", .left), ("flow", .right)])
            for change in comparison.changes.prefix(changesListed ?? comparison.changes.count) {
                for (position, shift) in change.shifts.enumerated() {
                    moves.append([
                        position == 0 ? "\(change.id) (\(change.origin) → \(change.destination))" : "",
                        shift.from?.description ?? "(less demand)", shift.to?.description ?? "(more demand)",
                        ImpactCell.number(shift.flow),
                    ])
                }
            }
            text += moves.rendered(indent: "  ")
            let hidden = comparison.changes.count - min(comparison.changes.count, changesListed ?? comparison.changes.count)
            if hidden > 0 { text += "  … and \(hidden) more (all of them with --format json or csv)\n" }
        }
        return text
    }

    private static func maxFlowCell(_ outcome: ScenarioComparison.Outcome) -> String {
        guard let result = outcome.maxFlow else { return "—" }
        return result.value.map(ImpactCell.number) ?? "unbounded"
    }

    /// The max-flow's cut as `id capacity, …`, or why there is none.
    static func cutText(_ outcome: ScenarioComparison.Outcome) -> String {
        guard let result = outcome.maxFlow else { return outcome.maxFlowNote ?? "—" }
        if result.isUnbounded { return "none (a path without any capacity: " + (result.unlimitedPath?.nodes.joined(separator: " → ") ?? "") + ")" }
        return result.cut.map { "\($0.label) \(ImpactCell.number($0.capacity))" }.joined(separator: ", ")
    }
}

/// Comparison tables as CSV: crossings alone to standard output, or crossings, totals and changes as
/// files in a folder.
public enum ComparisonCSVReport {
    /// `crossings.csv`: a row per crossing, before, after and change.
    public static func crossings(_ comparison: ScenarioComparison) -> String {
        var lines = [
            "id,name,flow_before,flow_after,flow_change,share_before,share_after,share_change,utilisation_before,"
                + "utilisation_after,shadow_price_before,shadow_price_after,shadow_price_change"
        ]
        for change in comparison.crossings {
            lines.append(
                CSVField.row([
                    change.id, change.name, ImpactCSV.number(change.before?.flow), ImpactCSV.number(change.after?.flow),
                    ImpactCSV.number(change.flowChange), ImpactCSV.number(change.before?.share), ImpactCSV.number(change.after?.share),
                    ImpactCSV.number(change.shareChange), ImpactCSV.number(change.before?.utilisation),
                    ImpactCSV.number(change.after?.utilisation), ImpactCSV.number(change.before?.shadowPrice),
                    ImpactCSV.number(change.after?.shadowPrice), ImpactCSV.number(change.shadowPriceChange),
                ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `totals.csv`: a row per total (objective and its parts, served, transit, max-flow).
    public static func totals(_ comparison: ScenarioComparison) -> String {
        let before = comparison.baseline
        let after = comparison.scenario
        var lines = ["metric,before,after,change"]
        func row(_ metric: String, _ old: Double?, _ new: Double?) {
            var delta: Double?
            if let old, let new { delta = new - old }
            lines.append(CSVField.row([metric, ImpactCSV.number(old), ImpactCSV.number(new), ImpactCSV.number(delta)]))
        }
        row("objective", before.allocation.objective, after.allocation.objective)
        row("transport", before.allocation.objectiveParts.transport, after.allocation.objectiveParts.transport)
        row("handling", before.allocation.objectiveParts.handling, after.allocation.objectiveParts.handling)
        row("time_value", before.allocation.objectiveParts.timeValue, after.allocation.objectiveParts.timeValue)
        row(
            "unserved_penalty", before.allocation.objectiveParts.unservedPenalty,
            after.allocation.objectiveParts.unservedPenalty)
        row("served", before.allocation.served, after.allocation.served)
        row("unserved", before.allocation.unserved, after.allocation.unserved)
        row("mean_transit_days", before.meanTransitDays, after.meanTransitDays)
        row("max_flow", before.maxFlow?.value, after.maxFlow?.value)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `changes.csv`: a row per shift of a demand from one route channel to another.
    public static func changes(_ comparison: ScenarioComparison) -> String {
        var lines = ["demand,origin,destination,from,to,flow"]
        for change in comparison.changes {
            for shift in change.shifts {
                lines.append(
                    CSVField.row([
                        change.id, change.origin, change.destination, shift.from?.description ?? "",
                        shift.to?.description ?? "", ImpactCSV.number(shift.flow),
                    ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// crossings.csv, totals.csv and changes.csv: the folder `compare --format csv --output DIR` writes.
    public static func files(_ comparison: ScenarioComparison) -> [(name: String, contents: String)] {
        [
            ("crossings.csv", crossings(comparison)), ("totals.csv", totals(comparison)),
            ("changes.csv", changes(comparison)),
        ]
    }
}

/// Cell text for the impact tables.
/// Numbers read as in the allocation table: thousands grouped, at most two decimals, no trailing zeros.
enum ImpactCell {
    static func number(_ value: Double?) -> String {
        guard let value else { return "—" }
        return Markup.number(value, decimals: 2, minus: "-")
    }

    static func signed(_ value: Double) -> String {
        let text = number(value)
        return value > 0 ? "+" + text : text
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f %%", value * 100)
    }
}

/// Numbers in the impact CSV files.
enum ImpactCSV {
    /// Empty for a missing value.
    static func number(_ value: Double?) -> String { value.map(JSONValue.format) ?? "" }
}
