import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorRouting

/// Turns a scenario comparison (and optionally a capacity sweep) into the HTML report's document:
/// two maps drawn with each scenario's flows, the comparison tables, crossing-share charts and the
/// sweep's curves.
public enum ComparisonReportDocument {
    /// How many moved demands the report lists; the JSON and CSV exports carry all of them.
    static let changesListed = 15

    /// The report for `comparison`.
    /// - Parameters:
    ///   - source: the network file as the user named it, for the page's note.
    ///   - sweep: a capacity sweep to plot, with the capacity the scenario gives the swept element.
    public static func make(
        _ comparison: ScenarioComparison, source: String, sweep: (result: SweepResult, scenarioCapacity: Double?)? = nil
    ) -> ReportDocument {
        let before = comparison.baseline
        let after = comparison.scenario
        let network = before.network.network
        let flowUnit = "\(network.unit)/\(network.period)"
        let moneyUnit = "\(network.currency)/\(network.period)"
        var notes = [
            "Flows are the least-cost allocation of every demand under every capacity (a linear program solved by GLPK); "
                + "unserved demand is priced at the network's penalty.",
            "Shadow price: how much the total cost falls per extra \(network.unit) of capacity per \(network.period).",
            "Share: the crossing's flow as a share of all served flow; a route may pass several crossings.",
        ]
        if let note = before.maxFlowNote ?? after.maxFlowNote { notes.append(note) }
        var lineCharts: [LineChart] = []
        if let sweep { lineCharts = sweepCharts(sweep.result, scenarioCapacity: sweep.scenarioCapacity, network: network) }
        let crossings = comparison.crossings.filter { ($0.before?.flow ?? 0) > 0 || ($0.after?.flow ?? 0) > 0 }
        let labels = crossings.map { shortName($0.name) }
        return ReportDocument(
            title: "\(after.network.scenarioName): what changes on the corridor",
            subtitle: "\(network.name) · scenario “\(after.network.scenarioID)” against “\(before.network.scenarioID)”",
            generatedNote: "corridor · \(source)",
            maps: [map(before, flowUnit: flowUnit), map(after, flowUnit: flowUnit)],
            tables: [
                totalsTable(comparison, moneyUnit: moneyUnit, flowUnit: flowUnit),
                crossingTable(comparison, flowUnit: flowUnit, currency: network.currency),
                changesTable(comparison, flowUnit: flowUnit),
            ],
            shareCharts: [
                ShareChart(
                    title: "Share of served flow by crossing", categories: labels,
                    series: [
                        .init(name: before.network.scenarioName, values: crossings.map { 100 * ($0.before?.share ?? 0) }),
                        .init(name: after.network.scenarioName, values: crossings.map { 100 * ($0.after?.share ?? 0) }),
                    ]),
                ShareChart(
                    title: "Flow by crossing", categories: labels,
                    series: [
                        .init(name: before.network.scenarioName, values: crossings.map { $0.before?.flow ?? 0 }),
                        .init(name: after.network.scenarioName, values: crossings.map { $0.after?.flow ?? 0 }),
                    ], unit: flowUnit),
            ],
            lineCharts: lineCharts, notes: notes)
    }

    /// A name without its parenthesised detail, for chart labels: `Altynkol–Khorgos (incl. …)` is
    /// `Altynkol–Khorgos`.
    public static func shortName(_ name: String) -> String {
        guard let open = name.firstIndex(of: "("), open > name.startIndex else { return name }
        var short = name[..<open]
        while short.last == " " { short.removeLast() }
        return String(short)
    }

    /// One scenario's map: every node with coordinates and every link of the file, those off in the
    /// scenario faded, flows and utilisation from its allocation (a link's two directions added).
    static func map(_ outcome: ScenarioComparison.Outcome, flowUnit: String) -> ReportMap {
        let active = outcome.network
        let allocation = outcome.allocation
        var nodeResults: [String: Allocation.NodeResult] = [:]
        for node in allocation.nodes { nodeResults[node.id] = node }
        var linkFlow: [String: Double] = [:]
        var linkUtilisation: [String: Double] = [:]
        for arc in allocation.arcs {
            linkFlow[arc.linkID, default: 0] += arc.flow
            if let utilisation = arc.utilisation {
                linkUtilisation[arc.linkID] = max(linkUtilisation[arc.linkID] ?? 0, utilisation)
            }
        }
        let activeLinks = Set(active.arcs.map(\.linkID))
        var capacityByLink: [String: Double?] = [:]
        for arc in active.arcs { capacityByLink[arc.linkID] = arc.capacity }
        let nodes = active.network.nodes.compactMap { node -> MapNode? in
            guard let lat = node.lat, let lon = node.lon else { return nil }
            let result = nodeResults[node.id]
            return MapNode(
                id: node.id, name: node.name, lat: lat, lon: lon, kind: node.kind,
                isProposed: node.status == .proposed, isActive: active.nodeIndex(of: node.id) != nil,
                utilisation: result?.utilisation, flow: result?.flow ?? 0)
        }
        let links = active.network.links.map { link in
            MapLink(
                id: link.id, fromID: link.from, toID: link.to, flow: linkFlow[link.id] ?? 0,
                capacity: capacityByLink[link.id] ?? link.capacity, utilisation: linkUtilisation[link.id],
                mode: link.mode, isProposed: link.status == .proposed, isActive: activeLinks.contains(link.id))
        }
        return ReportMap(title: active.scenarioName, nodes: nodes, links: links, flowUnit: flowUnit)
    }

    private static func signedCell(_ change: Double, decimals: Int = 0, lowerIsBetter: Bool) -> ReportTable.Cell {
        guard abs(change) > 1e-9 else { return ReportTable.Cell("0") }
        let text = (change > 0 ? "+" : "") + Markup.number(change, decimals: decimals)
        return ReportTable.Cell(text, emphasis: (change < 0) == lowerIsBetter ? .better : .worse)
    }

    private static func totalsTable(
        _ comparison: ScenarioComparison, moneyUnit: String, flowUnit: String
    ) -> ReportTable {
        let before = comparison.baseline
        let after = comparison.scenario
        var rows: [[ReportTable.Cell]] = []
        func row(_ label: String, _ old: Double?, _ new: Double?, decimals: Int = 0, lowerIsBetter: Bool = true) {
            var change: ReportTable.Cell = ""
            if let old, let new { change = signedCell(new - old, decimals: decimals, lowerIsBetter: lowerIsBetter) }
            rows.append([
                .init(label), .init(old.map { Markup.number($0, decimals: decimals) } ?? "—"),
                .init(new.map { Markup.number($0, decimals: decimals) } ?? "—"), change,
            ])
        }
        let oldParts = before.allocation.objectiveParts
        let newParts = after.allocation.objectiveParts
        row("Total cost (\(moneyUnit))", before.allocation.objective, after.allocation.objective)
        row("  transport", oldParts.transport, newParts.transport)
        row("  handling", oldParts.handling, newParts.handling)
        row("  time value", oldParts.timeValue, newParts.timeValue)
        row("  unserved penalty", oldParts.unservedPenalty, newParts.unservedPenalty)
        row("Served (\(flowUnit))", before.allocation.served, after.allocation.served, lowerIsBetter: false)
        row("Unserved (\(flowUnit))", before.allocation.unserved, after.allocation.unserved)
        row("Mean transit (days)", before.meanTransitDays, after.meanTransitDays, decimals: 2)
        row("Max-flow (\(flowUnit))", before.maxFlow?.value, after.maxFlow?.value, lowerIsBetter: false)
        return ReportTable(
            title: "Totals",
            columns: [
                .init("Measure"), .init(before.network.scenarioID, alignment: .right),
                .init(after.network.scenarioID, alignment: .right), .init("Change", alignment: .right),
            ],
            rows: rows,
            footnote: "Max-flow cut, \(before.network.scenarioID): \(ComparisonTableReport.cutText(before)); "
                + "\(after.network.scenarioID): \(ComparisonTableReport.cutText(after)).")
    }

    private static func crossingTable(
        _ comparison: ScenarioComparison, flowUnit: String, currency: String
    ) -> ReportTable {
        let rows = comparison.crossings.map { crossing -> [ReportTable.Cell] in
            let old = crossing.before
            let new = crossing.after
            func flow(_ state: ScenarioComparison.CrossingState?) -> String { state.map { Markup.quantity($0.flow) } ?? "off" }
            func share(_ state: ScenarioComparison.CrossingState?) -> String { state.map { Markup.percent($0.share) } ?? "—" }
            func utilisation(_ state: ScenarioComparison.CrossingState?) -> ReportTable.Cell {
                guard let value = state?.utilisation else { return "—" }
                return .init(Markup.percent(value), emphasis: value >= 1 - 1e-9 ? .strong : .none)
            }
            func price(_ state: ScenarioComparison.CrossingState?) -> String {
                state.map { Markup.number($0.shadowPrice, decimals: 2) } ?? "—"
            }
            return [
                .init(crossing.name), .init(flow(old)),
                .init(flow(new), emphasis: abs(crossing.flowChange) > 1e-9 ? .changed : .none),
                signedCell(crossing.flowChange, lowerIsBetter: false), .init(share(old)), .init(share(new)),
                utilisation(old), utilisation(new), .init(price(old)), .init(price(new)),
            ]
        }
        return ReportTable(
            title: "Crossings",
            columns: [
                .init("Crossing"), .init("Flow before", alignment: .right), .init("Flow after", alignment: .right),
                .init("Change", alignment: .right), .init("Share before", alignment: .right),
                .init("Share after", alignment: .right), .init("Util. before", alignment: .right),
                .init("Util. after", alignment: .right), .init("Shadow price before", alignment: .right),
                .init("Shadow price after", alignment: .right),
            ],
            rows: rows,
            footnote: "Flows in \(flowUnit); shadow prices in \(currency) per unit of capacity per period; "
                + "bold utilisation marks a binding capacity.")
    }

    private static func changesTable(_ comparison: ScenarioComparison, flowUnit: String) -> ReportTable {
        var rows: [[ReportTable.Cell]] = []
        for change in comparison.changes.prefix(changesListed) {
            for shift in change.shifts {
                rows.append([
                    .init("\(change.origin) → \(change.destination)"), .init(shift.from?.description ?? "—"),
                    .init(shift.to?.description ?? "—"), .init(Markup.quantity(shift.flow)),
                ])
            }
        }
        let hidden = comparison.changes.count - min(comparison.changes.count, changesListed)
        return ReportTable(
            title: "Demands that moved (largest first)",
            columns: [
                .init("Demand"), .init("From (crossings)"), .init("To (crossings)"),
                .init("Flow (\(flowUnit))", alignment: .right),
            ],
            rows: rows,
            footnote: hidden > 0
                ? "\(hidden) smaller changes are in `corridor compare --format json`." : "Every changed demand is listed.")
    }

    private static func sweepCharts(_ sweep: SweepResult, scenarioCapacity: Double?, network: Network) -> [LineChart] {
        let values = sweep.points.map(\.value)
        let elementID = sweep.request.parameter.id ?? "demand scale"
        let xTitle = "Capacity of \(elementID) (\(network.unit)/\(network.period))"
        let markers = scenarioCapacity.map { [LineChart.Marker(x: $0, label: "scenario: \(Markup.quantity($0))")] } ?? []
        var crossingSeries: [LineChart.Series] = []
        if let first = sweep.points.first {
            for (position, crossing) in first.crossings.enumerated() {
                let flows = sweep.points.map { point -> Double? in
                    position < point.crossings.count ? point.crossings[position].flow : nil
                }
                if flows.contains(where: { ($0 ?? 0) > 1e-9 }) {
                    crossingSeries.append(.init(name: crossing.id, values: flows))
                }
            }
        }
        crossingSeries.append(.init(name: "unserved", values: sweep.points.map(\.unserved)))
        return [
            LineChart(
                title: "Total cost as \(elementID) grows", xTitle: xTitle,
                yTitle: "\(network.currency)/\(network.period)", xValues: values,
                series: [.init(name: "objective", values: sweep.points.map(\.objective))], markers: markers,
                yIncludesZero: false),
            LineChart(
                title: "Flow by crossing", xTitle: xTitle, yTitle: "\(network.unit)/\(network.period)", xValues: values,
                series: crossingSeries, markers: markers),
            LineChart(
                title: "Marginal value of \(elementID)'s capacity", xTitle: xTitle,
                yTitle: "\(network.currency) per \(network.unit) of capacity", xValues: values,
                series: [.init(name: "marginal value", values: sweep.points.map(\.marginalValue))], markers: markers),
        ]
    }
}
