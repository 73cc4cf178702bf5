import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorRouting

/// Turns a scenario comparison (and optionally a capacity sweep) into the HTML report's document:
/// two maps drawn with each scenario's flows, the comparison tables, crossing-share charts and the
/// sweep's curves.
///
/// On a network that declares commodities the tables give service, max-flow and crossing flows per
/// commodity and the limits at each crossing, while maps and charts count flows in one measure
/// (``ReportFlowMeasure``: trains, or the first commodity) and say so.
public enum ComparisonReportDocument {
    /// How many moved demands the report lists; the JSON and CSV exports carry all of them.
    static let changesListed = 15

    /// The report for `comparison`.
    /// - Parameters:
    ///   - source: the network file as the user named it, for the page's note.
    ///   - sweep: a capacity sweep to plot, with the capacity the scenario gives the swept element.
    ///   - investment: an investment plan to list (``InvestmentPlan``).
    ///   - uncertainty: draws of the same two scenarios, for the distribution of the saving and its tornado.
    public static func make(
        _ comparison: ScenarioComparison, source: String, sweep: (result: SweepResult, scenarioCapacity: Double?)? = nil,
        investment: InvestmentPlan? = nil, uncertainty: UncertaintyResult? = nil
    ) -> ReportDocument {
        let before = comparison.baseline
        let after = comparison.scenario
        let network = before.network.network
        let measure = ReportFlowMeasure(network)
        let flowUnit = "\(measure.unit)/\(network.period)"
        let moneyUnit = "\(network.currency)/\(network.period)"
        var notes = [
            "Flows are the least-cost allocation of every demand under every capacity (a linear program solved by GLPK); "
                + "unserved demand is priced at the network's penalty.",
            "Land, coastlines and borders: made with Natural Earth (public domain), simplified to 0.1°.",
        ]
        if let basis = measure.basis {
            notes += [
                "Shadow price: how much the total cost falls per extra unit of a limit per \(network.period) — a train, "
                    + "a road vehicle or a unit of freight, as the limit counts.",
                "Share: the crossing's flow as a share of all served flow, both counted as the maps count; a route may "
                    + "pass several crossings.",
                basis,
            ]
            for (old, new) in zip(before.commodities, after.commodities) {
                if let note = old.maxFlowNote ?? new.maxFlowNote { notes.append("Max-flow of \(old.commodity.name): \(note)") }
            }
        } else {
            notes += [
                "Shadow price: how much the total cost falls per extra \(network.unit) of capacity per \(network.period).",
                "Share: the crossing's flow as a share of all served flow; a route may pass several crossings.",
            ]
            if let note = before.maxFlowNote ?? after.maxFlowNote { notes.append(note) }
        }
        var lineCharts: [LineChart] = []
        if let sweep {
            lineCharts = sweepCharts(sweep.result, scenarioCapacity: sweep.scenarioCapacity, network: network, measure: measure)
        }
        func flow(_ state: ScenarioComparison.CrossingState?) -> Double {
            state.map { measure.flow(total: $0.flow, perCommodity: $0.flows) } ?? 0
        }
        /// The crossing's share of all served flow, in percent.
        func share(_ state: ScenarioComparison.CrossingState?, _ outcome: ScenarioComparison.Outcome) -> Double {
            guard let state else { return 0 }
            guard measure.basis != nil else { return 100 * state.share }
            let served = measure.flow(total: outcome.allocation.served, perCommodity: outcome.allocation.commodities.map(\.served))
            return served > 0 ? 100 * flow(state) / served : 0
        }
        let crossings = comparison.crossings.filter { flow($0.before) > 0 || flow($0.after) > 0 }
        let labels = crossings.map { shortName($0.name) }
        var tables = [totalsTable(comparison, moneyUnit: moneyUnit, flowUnit: flowUnit)]
        if measure.basis == nil {
            tables.append(crossingTable(comparison, flowUnit: flowUnit, currency: network.currency))
        } else {
            tables += [commodityCrossingTable(comparison), limitTable(comparison, currency: network.currency)]
        }
        tables.append(changesTable(comparison, flowUnit: flowUnit))
        if let sweep, !sweep.result.breakpoints.isEmpty { tables.append(breakpointTable(sweep.result, network: network)) }
        if let investment { tables.append(investmentTable(investment, currency: network.currency)) }
        var uncertaintyCharts: [ShareChart] = []
        if let uncertainty, let summary = uncertainty.summary {
            tables.append(uncertaintyTable(uncertainty, summary, moneyUnit: moneyUnit))
            uncertaintyCharts = self.uncertaintyCharts(uncertainty, moneyUnit: moneyUnit)
        }
        return ReportDocument(
            title: "\(after.network.scenarioName): what changes on the corridor",
            subtitle: "\(network.name) · scenario “\(after.network.scenarioID)” against “\(before.network.scenarioID)”",
            generatedNote: "corridor · \(source)",
            maps: [map(before, flowUnit: flowUnit, measure: measure), map(after, flowUnit: flowUnit, measure: measure)],
            tables: tables,
            shareCharts: [
                ShareChart(
                    title: "Share of served flow by crossing", categories: labels,
                    series: [
                        .init(name: before.network.scenarioName, values: crossings.map { share($0.before, before) }),
                        .init(name: after.network.scenarioName, values: crossings.map { share($0.after, after) }),
                    ]),
                ShareChart(
                    title: "Flow by crossing", categories: labels,
                    series: [
                        .init(name: before.network.scenarioName, values: crossings.map { flow($0.before) }),
                        .init(name: after.network.scenarioName, values: crossings.map { flow($0.after) }),
                    ], unit: flowUnit),
            ] + uncertaintyCharts,
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
    /// scenario faded, flows (in `measure`) and utilisation from its allocation (a link's two directions
    /// added). On a network that declares commodities an element's utilisation is its most used limit's,
    /// and a link's capacity is not shown (its limits need not be in the map's measure).
    static func map(_ outcome: ScenarioComparison.Outcome, flowUnit: String, measure: ReportFlowMeasure) -> ReportMap {
        let active = outcome.network
        let allocation = outcome.allocation
        let perCommodity = active.network.declaresCommodities
        var nodeResults: [String: Allocation.NodeResult] = [:]
        for node in allocation.nodes { nodeResults[node.id] = node }
        var linkFlow: [String: Double] = [:]
        var linkUtilisation: [String: Double] = [:]
        for arc in allocation.arcs {
            linkFlow[arc.linkID, default: 0] += measure.flow(total: arc.flow, perCommodity: arc.flows)
            if let utilisation = measure.utilisation(arc.utilisation, limits: arc.limits) {
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
                utilisation: result.flatMap { measure.utilisation($0.utilisation, limits: $0.limits) },
                flow: result.map { measure.flow(total: $0.flow, perCommodity: $0.flows) } ?? 0)
        }
        let links = active.network.links.map { link in
            MapLink(
                id: link.id, fromID: link.from, toID: link.to, flow: linkFlow[link.id] ?? 0,
                capacity: perCommodity ? nil : capacityByLink[link.id] ?? link.capacity, utilisation: linkUtilisation[link.id],
                mode: link.mode, isProposed: link.status == .proposed, isActive: activeLinks.contains(link.id))
        }
        return ReportMap(title: active.scenarioName, nodes: nodes, links: links, flowUnit: flowUnit, flowBasis: measure.legend)
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
        let footnote: String
        if before.network.network.declaresCommodities {
            let period = before.network.network.period
            var cuts: [String] = []
            for (old, new) in zip(before.commodities, after.commodities) {
                let name = old.commodity.name
                let unit = "\(old.commodity.unit)/\(period)"
                row("Served, \(name) (\(unit))", old.commodity.served, new.commodity.served, lowerIsBetter: false)
                row("Unserved, \(name) (\(unit))", old.commodity.unserved, new.commodity.unserved)
                row("Mean transit, \(name) (days)", old.meanTransitDays, new.meanTransitDays, decimals: 2)
                row("Max-flow, \(name) (\(unit))", old.maxFlow?.value, new.maxFlow?.value, lowerIsBetter: false)
                cuts.append(
                    "\(name), \(before.network.scenarioID): \(ComparisonTableReport.cutText(old.maxFlow, note: old.maxFlowNote)); "
                        + "\(after.network.scenarioID): \(ComparisonTableReport.cutText(new.maxFlow, note: new.maxFlowNote))")
            }
            footnote = "Max-flow cut per commodity, on the network as it sees it (its links, limits in its unit): "
                + cuts.joined(separator: ". ") + "."
        } else {
            row("Served (\(flowUnit))", before.allocation.served, after.allocation.served, lowerIsBetter: false)
            row("Unserved (\(flowUnit))", before.allocation.unserved, after.allocation.unserved)
            row("Mean transit (days)", before.meanTransitDays, after.meanTransitDays, decimals: 2)
            row("Max-flow (\(flowUnit))", before.maxFlow?.value, after.maxFlow?.value, lowerIsBetter: false)
            footnote = "Max-flow cut, \(before.network.scenarioID): "
                + "\(ComparisonTableReport.cutText(before.maxFlow, note: before.maxFlowNote)); \(after.network.scenarioID): "
                + "\(ComparisonTableReport.cutText(after.maxFlow, note: after.maxFlowNote))."
        }
        return ReportTable(
            title: "Totals",
            columns: [
                .init("Measure"), .init(before.network.scenarioID, alignment: .right),
                .init(after.network.scenarioID, alignment: .right), .init("Change", alignment: .right),
            ],
            rows: rows,
            footnote: footnote)
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

    /// On a network that declares commodities: each crossing's throughput per commodity it carries.
    private static func commodityCrossingTable(_ comparison: ScenarioComparison) -> ReportTable {
        let commodities = comparison.baseline.allocation.commodities
        var rows: [[ReportTable.Cell]] = []
        for crossing in comparison.crossings {
            let old = crossing.before
            let new = crossing.after
            let carried = commodities.indices.filter { (old?.flows[$0] ?? 0) != 0 || (new?.flows[$0] ?? 0) != 0 }
            for (position, c) in carried.enumerated() {
                let change = crossing.flowChanges[c]
                rows.append([
                    .init(position == 0 ? crossing.name : ""), .init("\(commodities[c].name) (\(commodities[c].unit))"),
                    .init(old.map { Markup.quantity($0.flows[c]) } ?? "off"),
                    .init(new.map { Markup.quantity($0.flows[c]) } ?? "off", emphasis: abs(change) > 1e-9 ? .changed : .none),
                    signedCell(change, lowerIsBetter: false),
                ])
            }
        }
        return ReportTable(
            title: "Crossings",
            columns: [
                .init("Crossing"), .init("Commodity"), .init("Flow before", alignment: .right),
                .init("Flow after", alignment: .right), .init("Change", alignment: .right),
            ],
            rows: rows,
            footnote: "Throughput per \(comparison.baseline.network.network.period) in each commodity's unit, both "
                + "directions together; crossings that carry nothing in either scenario are left out.")
    }

    /// On a network that declares commodities: every limit at a crossing, its own and its links' in each
    /// direction, with use and shadow price before and after.
    private static func limitTable(_ comparison: ScenarioComparison, currency: String) -> ReportTable {
        let rows = CrossingLimitRow.rows(comparison).map { row -> [ReportTable.Cell] in
            let limit = row.limit
            func used(_ side: Allocation.LimitResult?) -> ReportTable.Cell {
                guard let side else { return "—" }
                let binding = side.utilisation.map { $0 >= 1 - 1e-9 } ?? false
                return .init(Markup.quantity(side.used), emphasis: binding ? .strong : .none)
            }
            func price(_ side: Allocation.LimitResult?) -> String { side.map { Markup.number($0.shadowPrice, decimals: 2) } ?? "—" }
            let capacities = [limit.before?.capacity, limit.after?.capacity].map { $0.map(Markup.quantity) ?? "—" }
            return [
                .init(row.isFirstOfCrossing ? row.crossingName : ""), .init(row.place), .init(limit.measure),
                .init(capacities[0] == capacities[1] ? capacities[0] : "\(capacities[0]) → \(capacities[1])"),
                used(limit.before), used(limit.after), .init(price(limit.before)), .init(price(limit.after)),
            ]
        }
        return ReportTable(
            title: "Limits at crossings",
            columns: [
                .init("Crossing"), .init("Where"), .init("Measure"), .init("Capacity", alignment: .right),
                .init("Used before", alignment: .right), .init("Used after", alignment: .right),
                .init("Shadow price before", alignment: .right), .init("Shadow price after", alignment: .right),
            ],
            rows: rows,
            footnote: "The crossing's own limits (throughput) and those of each direction of its links, per "
                + "\(comparison.baseline.network.network.period); shadow prices in \(currency) per extra train, vehicle "
                + "or unit of the limit; bold use marks a binding limit.")
    }

    private static func changesTable(_ comparison: ScenarioComparison, flowUnit: String) -> ReportTable {
        let perCommodity = comparison.baseline.network.network.declaresCommodities
        var rows: [[ReportTable.Cell]] = []
        for change in comparison.changes.prefix(changesListed) {
            for shift in change.shifts {
                rows.append([
                    .init("\(change.origin) → \(change.destination)" + (perCommodity ? " (\(change.commodity))" : "")),
                    .init(shift.from?.description ?? "—"), .init(shift.to?.description ?? "—"),
                    .init(perCommodity ? Markup.withUnit(Markup.quantity(shift.flow), change.unit) : Markup.quantity(shift.flow)),
                ])
            }
        }
        let hidden = comparison.changes.count - min(comparison.changes.count, changesListed)
        return ReportTable(
            title: "Demands that moved (largest first)",
            columns: [
                .init("Demand"), .init("From (crossings)"), .init("To (crossings)"),
                .init(perCommodity ? "Flow" : "Flow (\(flowUnit))", alignment: .right),
            ],
            rows: rows,
            footnote: hidden > 0
                ? "\(hidden) smaller changes are in `corridor compare --format json`." : "Every changed demand is listed.")
    }

    /// The curves of a capacity sweep: objective, flow by crossing (in the maps' measure) and the
    /// capacity's marginal value, against the capacity in the measure swept.
    private static func sweepCharts(
        _ sweep: SweepResult, scenarioCapacity: Double?, network: Network, measure: ReportFlowMeasure
    ) -> [LineChart] {
        let values = sweep.points.map(\.value)
        // The objective and the marginal value drawn on the exact curve: the grid and every breakpoint.
        let exactValues = Array(Set(values + sweep.breakpoints.map(\.value))).sorted()
        func segment(at value: Double) -> SweepBreakpoint? { sweep.breakpoints.last { $0.value <= value } }
        let elementID = sweep.request.parameter.id ?? "demand scale"
        let sweptUnit = sweep.request.parameter.measure ?? network.unit
        let xTitle = "Capacity of \(elementID) (\(sweptUnit)/\(network.period))"
        let markers = scenarioCapacity.map { [LineChart.Marker(x: $0, label: "scenario: \(Markup.quantity($0))")] } ?? []
        var crossingSeries: [LineChart.Series] = []
        if let first = sweep.points.first {
            for (position, crossing) in first.crossings.enumerated() {
                let flows = sweep.points.map { point -> Double? in
                    guard position < point.crossings.count else { return nil }
                    return measure.flow(total: point.crossings[position].flow, perCommodity: point.crossings[position].flows)
                }
                if flows.contains(where: { ($0 ?? 0) > 1e-9 }) {
                    crossingSeries.append(.init(name: crossing.id, values: flows))
                }
            }
        }
        crossingSeries.append(
            .init(
                name: "unserved",
                values: sweep.points.map { measure.flow(total: $0.unserved, perCommodity: $0.service.map(\.unserved)) }))
        return [
            sweep.breakpoints.isEmpty
                ? LineChart(
                    title: "Total cost as \(elementID) grows", xTitle: xTitle,
                    yTitle: "\(network.currency)/\(network.period)", xValues: values,
                    series: [.init(name: "objective", values: sweep.points.map(\.objective))], markers: markers,
                    yIncludesZero: false)
                : LineChart(
                    title: "Total cost as \(elementID) grows (exact: the breakpoints joined by lines)", xTitle: xTitle,
                    yTitle: "\(network.currency)/\(network.period)", xValues: exactValues,
                    series: [
                        .init(
                            name: "objective",
                            values: exactValues.map { value in
                                segment(at: value).map { $0.objective - $0.marginalValue * (value - $0.value) }
                            })
                    ], markers: markers, yIncludesZero: false),
            LineChart(
                title: "Flow by crossing", xTitle: xTitle, yTitle: "\(measure.unit)/\(network.period)", xValues: values,
                series: crossingSeries, markers: markers),
            sweep.breakpoints.isEmpty
                ? LineChart(
                    title: "Marginal value of \(elementID)'s capacity", xTitle: xTitle,
                    yTitle: "\(network.currency) per \(singular(sweptUnit)) of capacity", xValues: values,
                    series: [.init(name: "marginal value", values: sweep.points.map(\.marginalValue))], markers: markers)
                : LineChart(
                    title: "Marginal value of \(elementID)'s capacity (exact, up to each breakpoint)", xTitle: xTitle,
                    yTitle: "\(network.currency) per \(singular(sweptUnit)) of capacity", xValues: exactValues,
                    series: [.init(name: "marginal value", values: exactValues.map { segment(at: $0)?.marginalValue })],
                    markers: markers),
        ]
    }

    /// The sweep's exact breakpoints and where more capacity stops paying.
    private static func breakpointTable(_ sweep: SweepResult, network: Network) -> ReportTable {
        let element = sweep.request.parameter.id ?? "demand scale"
        let unit = sweep.request.parameter.measure ?? network.unit
        let zero = sweep.zeroAt.map { "The marginal value is 0 from \(Markup.quantity($0)) \(unit)/\(network.period) on." }
            ?? "The marginal value stays above 0 over the whole range."
        return ReportTable(
            title: "Exact breakpoints of the \(element) sweep",
            columns: [
                .init("Capacity (\(unit)/\(network.period))", alignment: .right),
                .init("Total cost (\(network.currency)/\(network.period))", alignment: .right),
                .init("Marginal value up to the next (\(network.currency) per \(singular(unit)))", alignment: .right),
            ],
            rows: sweep.breakpoints.map {
                [.init(Markup.quantity($0.value)), .init(Markup.quantity($0.objective)), .init(Markup.quantity($0.marginalValue))]
            },
            footnote: "The total cost is linear between breakpoints, found by re-solving from basis to basis. " + zero)
    }

    /// How sure the saving is: its distribution over the draws.
    private static func uncertaintyTable(_ result: UncertaintyResult, _ summary: UncertaintySummary, moneyUnit: String) -> ReportTable {
        let request = result.request
        let rows: [[ReportTable.Cell]] = [
            ["At the scenarios' own values", .init(Markup.quantity(result.baseDifference))],
            ["Mean over the draws", .init(Markup.quantity(summary.mean))],
            ["P5 / P50 / P95", .init([summary.p5, summary.p50, summary.p95].map(Markup.quantity).joined(separator: " / "))],
            ["Lowest / highest", .init("\(Markup.quantity(summary.minimum)) / \(Markup.quantity(summary.maximum))")],
            ["Probability that it saves (> 0)", .init("\(Markup.quantity(summary.probabilityPositive * 100)) %")],
        ]
        return ReportTable(
            title: "How sure the saving is: \(request.baseline) − \(request.scenario) over \(request.draws) draws",
            columns: [.init("Statistic"), .init("Saving (\(moneyUnit))", alignment: .right)], rows: rows,
            footnote: "Each draw sets every uncertain input of the network (its uncertainty block: "
                + result.inputs.map(\.id).joined(separator: ", ") + ") from its distribution, seed \(request.seed), "
                + "and solves both scenarios; `corridor uncertainty` gives the same numbers.")
    }

    /// The tornado (the saving with each input at the low and the high end of its range, the others at
    /// the scenarios' values, widest swing first) and the histogram of the saving over the draws.
    private static func uncertaintyCharts(_ result: UncertaintyResult, moneyUnit: String) -> [ShareChart] {
        let bars = result.tornado
        let differences = result.draws.map(\.difference)
        let low = differences.min() ?? 0
        let high = differences.max() ?? 0
        let binCount = 10
        let width = high > low ? (high - low) / Double(binCount) : 1
        var counts = [Double](repeating: 0, count: binCount)
        for difference in differences { counts[min(binCount - 1, Int((difference - low) / width))] += 1 }
        let labels = (0..<binCount).map { bin in
            "\(Markup.quantity(low + Double(bin) * width))–\(Markup.quantity(low + Double(bin + 1) * width))"
        }
        return [
            ShareChart(
                title: "Tornado: the saving with one input at each end of its range", categories: bars.map(\.input),
                series: [
                    .init(name: "low end", values: bars.map(\.differenceAtLow)),
                    .init(name: "high end", values: bars.map(\.differenceAtHigh)),
                ], unit: moneyUnit),
            ShareChart(
                title: "Distribution of the saving over \(result.draws.count) draws", categories: labels,
                series: [.init(name: "draws", values: counts)], unit: "draws"),
        ]
    }

    /// What `invest` chose, with the value of each choice.
    private static func investmentTable(_ plan: InvestmentPlan, currency: String) -> ReportTable {
        let years = plan.problem.years.map { "\($0.year)" }.joined(separator: ", ")
        return ReportTable(
            title: "Investment plan: what to build, and when",
            columns: [
                .init("Project"), .init("Decision"), .init("Capital (\(currency))", alignment: .right),
                .init("Per year open (\(currency))", alignment: .right),
                .init("Value of the choice (\(currency))", alignment: .right),
            ],
            rows: plan.choices.map { choice in
                [
                    .init(choice.project.name), .init(choice.opensIn.map { "build, open \($0)" } ?? "do not build"),
                    .init(Markup.quantity(choice.project.capitalCost)), .init(Markup.quantity(choice.annualisedCost)),
                    .init(choice.value.map(Markup.quantity) ?? "— (ruled out)"),
                ]
            },
            footnote: "Demand years \(years) to \(plan.problem.endYear), discounted at "
                + "\(Markup.quantity(plan.problem.discountRate * 100)) %. The plan saves \(Markup.quantity(plan.netSaving)) "
                + "\(currency) in present value for \(Markup.quantity(plan.capitalSpent)) \(currency) of capital. The value of a "
                + "choice is how much more the other choice would cost.")
    }

    /// `train` for `trains`, `vehicle` for `vehicles`; a unit as it is.
    private static func singular(_ measure: String) -> String {
        switch measure {
        case CapacityMeasure.trainsKey: "train"
        case CapacityMeasure.vehiclesKey: "vehicle"
        default: measure
        }
    }
}
