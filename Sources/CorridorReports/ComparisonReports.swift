import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorRouting
import Foundation

/// `corridor-comparison/1`: two scenarios side by side (keys in docs/OUTPUT.md). On a network that
/// declares commodities it adds the commodities, flows and limits per commodity at every crossing and on
/// the links at it, totals, max-flow and transit time per commodity, and each moved demand's commodity.
public enum ComparisonJSONReport {
    /// The document's `"format"` value.
    public static let formatTag = "corridor-comparison/1"

    /// The comparison as a `corridor-comparison/1` document.
    public static func document(_ comparison: ScenarioComparison) -> JSONValue {
        let before = comparison.baseline
        let after = comparison.scenario
        let ids = commodityIDs(comparison)
        var document: [(key: String, value: JSONValue)] = [
            ("format", .string(formatTag)),
            ("network", .string(before.network.network.name)),
            ("scenario", .string(after.network.scenarioID)),
            ("baseline", .string(before.network.scenarioID)),
        ]
        if !ids.isEmpty {
            document.append(
                (
                    "commodities",
                    .array(
                        before.allocation.commodities.map {
                            .object([("id", .string($0.id)), ("name", .string($0.name)), ("unit", .string($0.unit))])
                        })
                ))
        }
        document += [
            ("crossings", .array(comparison.crossings.map { crossing($0, commodities: ids) })),
            (
                "totals",
                .object([
                    ("before", totals(before, perCommodity: !ids.isEmpty)),
                    ("after", totals(after, perCommodity: !ids.isEmpty)),
                    ("change", change(before, after, perCommodity: !ids.isEmpty)),
                ])
            ),
            ("changes", .array(comparison.changes.map { demandChange($0, withCommodity: !ids.isEmpty) })),
        ]
        return .object(document)
    }

    /// The declared commodities' ids; empty on a network that declares none.
    private static func commodityIDs(_ comparison: ScenarioComparison) -> [String] {
        comparison.baseline.network.network.declaresCommodities ? comparison.baseline.allocation.commodities.map(\.id) : []
    }

    /// `{id: value}` over the commodities.
    private static func byCommodity(_ ids: [String], _ values: [Double]) -> JSONValue {
        .object(zip(ids, values).map { ($0, .number($1)) })
    }

    private static func state(_ state: ScenarioComparison.CrossingState?, commodities ids: [String]) -> JSONValue {
        guard let state else { return .null }
        var fields: [(key: String, value: JSONValue)] = [
            ("flow", .number(state.flow)), ("share", .number(state.share)), ("capacity", .number(state.capacity)),
            ("utilisation", .number(state.utilisation)), ("shadowPrice", .number(state.shadowPrice)),
        ]
        if !ids.isEmpty {
            fields += [("flows", byCommodity(ids, state.flows)), ("limits", .array(state.limits.map(limit)))]
        }
        return .object(fields)
    }

    private static func limit(_ limit: Allocation.LimitResult) -> JSONValue {
        .object([
            ("measure", .string(limit.measure)), ("capacity", .number(limit.capacity)), ("used", .number(limit.used)),
            ("utilisation", .number(limit.utilisation)), ("shadowPrice", .number(limit.shadowPrice)),
        ])
    }

    private static func crossing(_ change: ScenarioComparison.CrossingChange, commodities ids: [String]) -> JSONValue {
        var utilisationChange: Double?
        if let old = change.before?.utilisation, let new = change.after?.utilisation { utilisationChange = new - old }
        var delta: [(key: String, value: JSONValue)] = [
            ("flow", .number(change.flowChange)), ("share", .number(change.shareChange)),
            ("utilisation", .number(utilisationChange)), ("shadowPrice", .number(change.shadowPriceChange)),
        ]
        if !ids.isEmpty { delta.append(("flows", byCommodity(ids, change.flowChanges))) }
        var fields: [(key: String, value: JSONValue)] = [
            ("id", .string(change.id)), ("name", .string(change.name)),
            ("before", state(change.before, commodities: ids)), ("after", state(change.after, commodities: ids)),
            ("change", .object(delta)),
        ]
        if !ids.isEmpty { fields.append(("links", .array(change.links.map { direction($0, commodities: ids) }))) }
        return .object(fields)
    }

    private static func direction(_ change: ScenarioComparison.DirectionChange, commodities ids: [String]) -> JSONValue {
        func state(_ state: ScenarioComparison.DirectionState?) -> JSONValue {
            guard let state else { return .null }
            return .object([("flows", byCommodity(ids, state.flows)), ("limits", .array(state.limits.map(limit)))])
        }
        return .object([
            ("id", .string(change.linkID)), ("direction", .string(change.isReverse ? "reverse" : "forward")),
            ("from", .string(change.from)), ("to", .string(change.to)), ("before", state(change.before)),
            ("after", state(change.after)), ("change", .object([("flows", byCommodity(ids, change.flowChanges))])),
        ])
    }

    private static func totals(_ outcome: ScenarioComparison.Outcome, perCommodity: Bool) -> JSONValue {
        let allocation = outcome.allocation
        let parts = allocation.objectiveParts
        var fields: [(key: String, value: JSONValue)] = [
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
            ("maxFlow", perCommodity ? .null : maxFlow(outcome.maxFlow, note: outcome.maxFlowNote)),
        ]
        if perCommodity {
            fields.append(
                (
                    "commodities",
                    .array(
                        outcome.commodities.map { entry in
                            .object([
                                ("id", .string(entry.commodity.id)), ("quantity", .number(entry.commodity.quantity)),
                                ("served", .number(entry.commodity.served)), ("unserved", .number(entry.commodity.unserved)),
                                ("meanTransitDays", .number(entry.meanTransitDays)),
                                ("maxFlow", maxFlow(entry.maxFlow, note: entry.maxFlowNote)),
                            ])
                        })
                ))
        }
        return .object(fields)
    }

    private static func maxFlow(_ result: MaxFlowResult?, note: String?) -> JSONValue {
        guard let result else {
            return .object([("value", .null), ("unbounded", .bool(false)), ("cut", .array([])), ("note", .string(note))])
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

    private static func change(
        _ before: ScenarioComparison.Outcome, _ after: ScenarioComparison.Outcome, perCommodity: Bool
    ) -> JSONValue {
        var fields: [(key: String, value: JSONValue)] = [
            ("objective", .number(after.allocation.objective - before.allocation.objective)),
            ("served", .number(after.allocation.served - before.allocation.served)),
            ("unserved", .number(after.allocation.unserved - before.allocation.unserved)),
            ("meanTransitDays", .number(difference(before.meanTransitDays, after.meanTransitDays))),
            ("maxFlow", .number(difference(before.maxFlow?.value, after.maxFlow?.value))),
        ]
        if perCommodity {
            fields.append(
                (
                    "commodities",
                    .array(
                        zip(before.commodities, after.commodities).map { old, new in
                            .object([
                                ("id", .string(old.commodity.id)),
                                ("served", .number(new.commodity.served - old.commodity.served)),
                                ("unserved", .number(new.commodity.unserved - old.commodity.unserved)),
                                ("meanTransitDays", .number(difference(old.meanTransitDays, new.meanTransitDays))),
                                ("maxFlow", .number(difference(old.maxFlow?.value, new.maxFlow?.value))),
                            ])
                        })
                ))
        }
        return .object(fields)
    }

    private static func channelFlows(_ flows: [ScenarioComparison.ChannelFlow]) -> JSONValue {
        .array(flows.map { .object([("via", .string($0.channel.description)), ("flow", .number($0.flow))]) })
    }

    private static func demandChange(_ change: ScenarioComparison.DemandChange, withCommodity: Bool) -> JSONValue {
        var fields: [(key: String, value: JSONValue)] = [("id", .string(change.id))]
        if withCommodity { fields += [("commodity", .string(change.commodity)), ("unit", .string(change.unit))] }
        fields += [
            ("origin", .string(change.origin)), ("destination", .string(change.destination)),
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
        ]
        return .object(fields)
    }
}

/// `new − old`, or `nil` when either is missing.
private func difference(_ old: Double?, _ new: Double?) -> Double? {
    guard let old, let new else { return nil }
    return new - old
}

/// A person's view of a comparison: crossings, totals, and the demands that moved. On a network that
/// declares commodities: each crossing's flow per commodity, the limits at the crossings (used and
/// shadow price), totals and max-flow per commodity, and moved flows in their commodity's unit.
public enum ComparisonTableReport {
    /// The comparison as aligned plain-text tables, ending with a newline.
    /// - Parameter changesListed: how many moved demands to list, largest first; `nil` lists all.
    public static func render(_ comparison: ScenarioComparison, changesListed: Int? = nil) -> String {
        let before = comparison.baseline
        let after = comparison.scenario
        let network = before.network.network
        var text = "\(network.name): \(before.network.scenarioID) → \(after.network.scenarioID)"
        if network.declaresCommodities {
            let units = before.allocation.commodities.map { "\($0.id) in \($0.unit)" }.joined(separator: ", ")
            text += " (flows per \(network.period): \(units); money in \(network.currency)/\(network.period))\n\n"
            text += commodityCrossings(comparison) + "\n" + limits(comparison, currency: network.currency)
        } else {
            text += " (flows in \(network.unit)/\(network.period), money in \(network.currency)/\(network.period))\n\n"
            text += crossings(comparison)
        }
        text += "\n" + totals(comparison) + "\n"

        if comparison.changes.isEmpty {
            text += "No demand changed its route.\n"
        } else {
            text += "Demands that moved (largest first)\n"
            var moves = TextTable([("demand", .left), ("from", .left), ("to", .left), ("flow", .right)])
            for change in comparison.changes.prefix(changesListed ?? comparison.changes.count) {
                let label =
                    network.declaresCommodities
                    ? "\(change.id) (\(change.commodity), \(change.origin) → \(change.destination))"
                    : "\(change.id) (\(change.origin) → \(change.destination))"
                for (position, shift) in change.shifts.enumerated() {
                    let flow = ImpactCell.number(shift.flow)
                    moves.append([
                        position == 0 ? label : "", shift.from?.description ?? "(less demand)",
                        shift.to?.description ?? "(more demand)", network.declaresCommodities ? "\(flow) \(change.unit)" : flow,
                    ])
                }
            }
            text += moves.rendered(indent: "  ")
            let hidden = comparison.changes.count - min(comparison.changes.count, changesListed ?? comparison.changes.count)
            if hidden > 0 { text += "  … and \(hidden) more (all of them with --format json or csv)\n" }
        }
        return text
    }

    /// Each crossing's flow, share, utilisation and shadow price, in the network's unit.
    private static func crossings(_ comparison: ScenarioComparison) -> String {
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
        return "Crossings (— off in that scenario)\n" + crossings.rendered(indent: "  ")
    }

    /// Each crossing's throughput per commodity that it carries in either scenario.
    private static func commodityCrossings(_ comparison: ScenarioComparison) -> String {
        let commodities = comparison.baseline.allocation.commodities
        var table = TextTable([
            ("crossing", .left), ("commodity", .left), ("before", .right), ("after", .right), ("change", .right),
        ])
        for change in comparison.crossings {
            let carried = commodities.indices.filter { (change.before?.flows[$0] ?? 0) != 0 || (change.after?.flows[$0] ?? 0) != 0 }
            if carried.isEmpty {
                table.append([change.id, "(none)", change.before == nil ? "—" : "0", change.after == nil ? "—" : "0", "0"])
            }
            for (position, c) in carried.enumerated() {
                table.append([
                    position == 0 ? change.id : "", commodities[c].id, ImpactCell.number(change.before?.flows[c]),
                    ImpactCell.number(change.after?.flows[c]), ImpactCell.signed(change.flowChanges[c]),
                ])
            }
        }
        return "Crossings: throughput per commodity (— off in that scenario)\n" + table.rendered(indent: "  ")
    }

    /// The limits at each crossing — its own and those of each direction of its links — used and priced.
    private static func limits(_ comparison: ScenarioComparison, currency: String) -> String {
        let rows = CrossingLimitRow.rows(comparison)
        guard !rows.isEmpty else { return "Limits at crossings: none\n" }
        var table = TextTable([
            ("crossing", .left), ("where", .left), ("measure", .left), ("capacity", .right), ("used before", .right),
            ("used after", .right), ("price before", .right), ("price after", .right),
        ])
        for row in rows {
            let limit = row.limit
            let capacity = capacityText(limit.before?.capacity, limit.after?.capacity)
            table.append([
                row.isFirstOfCrossing ? row.crossing : "", row.place, limit.measure, capacity, ImpactCell.number(limit.before?.used),
                ImpactCell.number(limit.after?.used), ImpactCell.number(limit.before?.shadowPrice),
                ImpactCell.number(limit.after?.shadowPrice),
            ])
        }
        return "Limits at crossings (price: \(currency) per extra unit of the limit; — where it does not exist)\n"
            + table.rendered(indent: "  ")
    }

    /// `1,500`; `20 → 24` when the scenario changes it; `—` when neither side has one.
    private static func capacityText(_ old: Double?, _ new: Double?) -> String {
        if old == new { return ImpactCell.number(old) }
        return "\(ImpactCell.number(old)) → \(ImpactCell.number(new))"
    }

    /// Cost and its parts, then service, transit and max-flow (per commodity on a network that declares
    /// commodities), then the max-flow cuts.
    private static func totals(_ comparison: ScenarioComparison) -> String {
        let before = comparison.baseline
        let after = comparison.scenario
        var totals = TextTable([("", .left), ("before", .right), ("after", .right), ("change", .right)])
        func row(_ label: String, _ old: Double?, _ new: Double?) {
            totals.append([label, ImpactCell.number(old), ImpactCell.number(new), difference(old, new).map(ImpactCell.signed) ?? "—"])
        }
        func maxFlowRow(_ label: String, _ old: MaxFlowResult?, _ new: MaxFlowResult?) {
            totals.append([
                label, maxFlowCell(old), maxFlowCell(new),
                old?.value.flatMap { old in new?.value.map { ImpactCell.signed($0 - old) } } ?? "—",
            ])
        }
        let oldParts = before.allocation.objectiveParts
        let newParts = after.allocation.objectiveParts
        row("total cost", before.allocation.objective, after.allocation.objective)
        row("  transport", oldParts.transport, newParts.transport)
        row("  handling", oldParts.handling, newParts.handling)
        row("  time value", oldParts.timeValue, newParts.timeValue)
        row("  unserved penalty", oldParts.unservedPenalty, newParts.unservedPenalty)
        guard before.network.network.declaresCommodities else {
            row("served", before.allocation.served, after.allocation.served)
            row("unserved", before.allocation.unserved, after.allocation.unserved)
            row("mean transit (days)", before.meanTransitDays, after.meanTransitDays)
            maxFlowRow("max-flow", before.maxFlow, after.maxFlow)
            return "Totals\n" + totals.rendered(indent: "  ")
                + "  cut before: " + cutText(before.maxFlow, note: before.maxFlowNote)
                + "\n  cut after:  " + cutText(after.maxFlow, note: after.maxFlowNote) + "\n"
        }
        var cuts = ""
        for (old, new) in zip(before.commodities, after.commodities) {
            totals.append(["\(old.commodity.id) (\(old.commodity.unit))", "", "", ""])
            row("  served", old.commodity.served, new.commodity.served)
            row("  unserved", old.commodity.unserved, new.commodity.unserved)
            row("  mean transit (days)", old.meanTransitDays, new.meanTransitDays)
            maxFlowRow("  max-flow", old.maxFlow, new.maxFlow)
            cuts += "  cut before, \(old.commodity.id): " + cutText(old.maxFlow, note: old.maxFlowNote) + "\n"
            cuts += "  cut after, \(old.commodity.id):  " + cutText(new.maxFlow, note: new.maxFlowNote) + "\n"
        }
        return "Totals\n" + totals.rendered(indent: "  ") + cuts
    }

    private static func maxFlowCell(_ result: MaxFlowResult?) -> String {
        guard let result else { return "—" }
        return result.value.map(ImpactCell.number) ?? "unbounded"
    }

    /// A max-flow's cut as `id capacity, …`, or why there is none.
    static func cutText(_ result: MaxFlowResult?, note: String?) -> String {
        guard let result else { return note ?? "—" }
        if result.isUnbounded { return "none (a path without any capacity: " + (result.unlimitedPath?.nodes.joined(separator: " → ") ?? "") + ")" }
        return result.cut.map { "\($0.label) \(ImpactCell.number($0.capacity))" }.joined(separator: ", ")
    }
}

/// One limit at a crossing, in both scenarios: the crossing's own or one direction of a link at it.
/// Rows of the comparison's limit tables (text, CSV, HTML), in crossing order; limits that exist on
/// neither side (free rows) are left out.
struct CrossingLimitRow {
    /// The crossing's id and name.
    let crossing: String
    let crossingName: String
    /// True for the first row of its crossing.
    let isFirstOfCrossing: Bool
    /// `throughput` for the crossing's own limit, `urumqi → dostyk` for a link's direction.
    let place: String
    /// The link's id and direction (`forward`/`reverse`); `nil` for the crossing's own limit.
    let link: (id: String, direction: String)?
    let limit: ScenarioComparison.LimitChange

    /// Every limit at every crossing of the comparison: the crossing's own, then each direction's of its links.
    static func rows(_ comparison: ScenarioComparison) -> [CrossingLimitRow] {
        var rows: [CrossingLimitRow] = []
        for crossing in comparison.crossings {
            var found = crossing.limitChanges.map { (place: "throughput", link: (id: String, direction: String)?.none, limit: $0) }
            for direction in crossing.links {
                let link = (id: direction.linkID, direction: direction.isReverse ? "reverse" : "forward")
                found += direction.limitChanges.map { (place: "\(direction.from) → \(direction.to)", link: link, limit: $0) }
            }
            let stated = found.filter { $0.limit.before?.capacity != nil || $0.limit.after?.capacity != nil }
            for (position, entry) in stated.enumerated() {
                rows.append(
                    CrossingLimitRow(
                        crossing: crossing.id, crossingName: crossing.name, isFirstOfCrossing: position == 0,
                        place: entry.place, link: entry.link, limit: entry.limit))
            }
        }
        return rows
    }
}

/// Comparison tables as CSV (``CSVTable``): crossings alone to standard output, or crossings, totals and
/// changes as files in a folder with `dictionary.csv` beside them. On a network that declares
/// commodities the tables gain per-commodity columns or rows, and the folder `limits.csv` and
/// `flows.csv` (columns in docs/OUTPUT.md).
public enum ComparisonCSVReport {
    /// `crossings.csv` as text: what `compare --format csv` prints.
    public static func crossings(_ comparison: ScenarioComparison) -> String { crossingsTable(comparison).text }

    /// crossings.csv, totals.csv and changes.csv, on a network that declares commodities limits.csv and
    /// flows.csv, then dictionary.csv: the folder `compare --format csv --output DIR` writes.
    public static func files(_ comparison: ScenarioComparison) -> [(name: String, contents: String)] {
        var tables = [crossingsTable(comparison), totals(comparison), changes(comparison)]
        if !commodityIDs(comparison).isEmpty { tables += [limits(comparison), flows(comparison)] }
        return (tables + [CSVTable.dictionary(of: tables)]).map(\.file)
    }

    /// Three columns `NAME_before`, `NAME_after` and (unless `change` is false) `NAME_change`.
    private static func sides(_ name: String, _ unit: String, _ meaning: String, change: Bool = true) -> [CSVColumn] {
        [
            CSVColumn("\(name)_before", unit, "\(meaning) in the baseline scenario; empty where it is off or unlimited"),
            CSVColumn("\(name)_after", unit, "\(meaning) in the scenario compared; empty where it is off or unlimited"),
        ] + (change ? [CSVColumn("\(name)_change", unit, "after − before (an off side counts as 0)")] : [])
    }

    /// A row per crossing, before, after and change (then each commodity's flow).
    private static func crossingsTable(_ comparison: ScenarioComparison) -> CSVTable {
        let units = CSVUnits(comparison.baseline.network.network)
        let commodities = comparison.baseline.network.network.declaresCommodities ? comparison.baseline.allocation.commodities : []
        let period = comparison.baseline.network.network.period
        var table = CSVTable(
            "crossings.csv",
            [CSVColumn("id", "the crossing's id"), CSVColumn("name", "its display name")]
                + sides("flow", units.flow, "throughput")
                + sides("share", "", "flow / total served quantity")
                + sides("utilisation", "", "flow / capacity", change: false)
                + sides("shadow_price", units.perUnit, "the objective's decrease per extra unit of capacity per period")
                + commodities.flatMap { sides("flow", "\($0.unit)/\(period)", "throughput of \($0.id)").map(commodityColumn($0.id)) })
        for change in comparison.crossings {
            let perCommodity = commodities.indices.flatMap { c in
                [change.before?.flows[c], change.after?.flows[c], change.flowChanges[c]].map(CSVField.number)
            }
            table.append(
                [
                    change.id, change.name, CSVField.number(change.before?.flow), CSVField.number(change.after?.flow),
                    CSVField.number(change.flowChange), CSVField.number(change.before?.share),
                    CSVField.number(change.after?.share), CSVField.number(change.shareChange),
                    CSVField.number(change.before?.utilisation), CSVField.number(change.after?.utilisation),
                    CSVField.number(change.before?.shadowPrice), CSVField.number(change.after?.shadowPrice),
                    CSVField.number(change.shadowPriceChange),
                ] + perCommodity)
        }
        return table
    }

    /// `flow_before` → `flow_before_ore`: a column of one commodity.
    private static func commodityColumn(_ id: String) -> (CSVColumn) -> CSVColumn {
        { CSVColumn("\($0.name)_\(id)", $0.unit, $0.meaning) }
    }

    /// `totals.csv`: a row per total (objective and its parts, served, transit, max-flow; on a network
    /// that declares commodities, service, transit and max-flow per commodity in place of the last two).
    static func totals(_ comparison: ScenarioComparison) -> CSVTable {
        let before = comparison.baseline
        let after = comparison.scenario
        let network = before.network.network
        let units = CSVUnits(network)
        var table = CSVTable(
            "totals.csv",
            [CSVColumn("metric", "what the row measures (its unit in the unit column)")]
                + sides("value", "see unit", "the metric").map { CSVColumn(String($0.name.dropFirst("value_".count)), $0.unit, $0.meaning) }
                + [CSVColumn("unit", "the unit of before, after and change")])
        func row(_ metric: String, _ old: Double?, _ new: Double?, _ unit: String) {
            table.append([metric, CSVField.number(old), CSVField.number(new), CSVField.number(difference(old, new)), unit])
        }
        let parts = (before.allocation.objectiveParts, after.allocation.objectiveParts)
        row("objective", before.allocation.objective, after.allocation.objective, units.money)
        row("transport", parts.0.transport, parts.1.transport, units.money)
        row("handling", parts.0.handling, parts.1.handling, units.money)
        row("time_value", parts.0.timeValue, parts.1.timeValue, units.money)
        row("unserved_penalty", parts.0.unservedPenalty, parts.1.unservedPenalty, units.money)
        row("served", before.allocation.served, after.allocation.served, units.flow)
        row("unserved", before.allocation.unserved, after.allocation.unserved, units.flow)
        if commodityIDs(comparison).isEmpty {
            row("mean_transit_days", before.meanTransitDays, after.meanTransitDays, "days")
            row("max_flow", before.maxFlow?.value, after.maxFlow?.value, units.flow)
        } else {
            for (old, new) in zip(before.commodities, after.commodities) {
                let id = old.commodity.id
                let unit = "\(old.commodity.unit)/\(network.period)"
                row("served_\(id)", old.commodity.served, new.commodity.served, unit)
                row("unserved_\(id)", old.commodity.unserved, new.commodity.unserved, unit)
                row("mean_transit_days_\(id)", old.meanTransitDays, new.meanTransitDays, "days")
                row("max_flow_\(id)", old.maxFlow?.value, new.maxFlow?.value, unit)
            }
        }
        return table
    }

    /// `changes.csv`: a row per shift of a demand from one route channel to another (then its commodity
    /// and unit).
    static func changes(_ comparison: ScenarioComparison) -> CSVTable {
        let network = comparison.baseline.network.network
        let perCommodity = network.declaresCommodities
        var table = CSVTable(
            "changes.csv",
            [
                CSVColumn("demand", "the demand's id"), CSVColumn("origin", "its origin"),
                CSVColumn("destination", "its destination"),
                CSVColumn("from", "the channel the flow left: crossings joined by +, no crossing, or unserved; empty = demand that disappeared"),
                CSVColumn("to", "the channel it moved to; empty = demand that appeared"),
                CSVColumn(
                    "flow", perCommodity ? CSVUnits.perRow("unit", period: network.period) : CSVUnits(network).flow,
                    "how much moved"),
            ] + (perCommodity ? [CSVColumn("commodity", "the demand's commodity"), CSVColumn("unit", "its unit")] : []))
        for change in comparison.changes {
            for shift in change.shifts {
                table.append(
                    [
                        change.id, change.origin, change.destination, shift.from?.description ?? "",
                        shift.to?.description ?? "", CSVField.number(shift.flow),
                    ] + (perCommodity ? [change.commodity, change.unit] : []))
            }
        }
        return table
    }

    /// `limits.csv`: a row per limit at a crossing (its own, and each direction of its links'), before and after.
    static func limits(_ comparison: ScenarioComparison) -> CSVTable {
        let network = comparison.baseline.network.network
        let perMeasure = "measure/\(network.period) (see measure)"
        var table = CSVTable(
            "limits.csv",
            [
                CSVColumn("crossing", "the crossing the limit is at"), CSVColumn("element", "node (its own) or link"),
                CSVColumn("id", "the node's or link's id"), CSVColumn("direction", "a link's forward or reverse; empty for a node"),
                CSVColumn("measure", "trains, vehicles or a unit: what the limit counts"),
            ] + sides("capacity", perMeasure, "the limit", change: false) + sides("used", perMeasure, "what is used of it", change: false)
                + sides("shadow_price", "\(network.currency) per measure", "the objective's decrease per extra unit of the measure"))
        for row in CrossingLimitRow.rows(comparison) {
            let limit = row.limit
            table.append([
                row.crossing, row.link == nil ? "node" : "link", row.link?.id ?? row.crossing, row.link?.direction ?? "",
                limit.measure, CSVField.number(limit.before?.capacity), CSVField.number(limit.after?.capacity),
                CSVField.number(limit.before?.used), CSVField.number(limit.after?.used),
                CSVField.number(limit.before?.shadowPrice), CSVField.number(limit.after?.shadowPrice),
                CSVField.number(limit.shadowPriceChange),
            ])
        }
        return table
    }

    /// `flows.csv`: a row per direction of a link at a crossing and commodity with flow on either side.
    static func flows(_ comparison: ScenarioComparison) -> CSVTable {
        let commodities = comparison.baseline.allocation.commodities
        let network = comparison.baseline.network.network
        var table = CSVTable(
            "flows.csv",
            [
                CSVColumn("crossing", "the crossing"), CSVColumn("link", "a link with an end at it"),
                CSVColumn("direction", "forward or reverse"), CSVColumn("from", "the node the direction leaves"),
                CSVColumn("to", "the node it enters"), CSVColumn("commodity", "the commodity"), CSVColumn("unit", "its unit"),
            ] + sides("flow", CSVUnits.perRow("unit", period: network.period), "the commodity's flow"))
        for crossing in comparison.crossings {
            for direction in crossing.links {
                for (c, commodity) in commodities.enumerated() {
                    let old = direction.before?.flows[c]
                    let new = direction.after?.flows[c]
                    guard (old ?? 0) != 0 || (new ?? 0) != 0 else { continue }
                    table.append([
                        crossing.id, direction.linkID, direction.isReverse ? "reverse" : "forward", direction.from,
                        direction.to, commodity.id, commodity.unit, CSVField.number(old), CSVField.number(new),
                        CSVField.number(direction.flowChanges[c]),
                    ])
                }
            }
        }
        return table
    }

    /// The declared commodities' ids; empty on a network that declares none.
    private static func commodityIDs(_ comparison: ScenarioComparison) -> [String] {
        comparison.baseline.network.network.declaresCommodities ? comparison.baseline.allocation.commodities.map(\.id) : []
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
