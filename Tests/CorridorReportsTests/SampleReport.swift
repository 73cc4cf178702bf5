import CorridorModel
import CorridorReports
import CorridorTestSupport

/// A sample report on `networks/tiny.json`: the baseline and the scenario opening Bakhty–Tacheng, with
/// invented but self-consistent flows (Dostyk 100 and Khorgos 60 TEU/day are full in the baseline, so
/// 40 of the 200 TEU/day go unserved; opening Bakhty at 50 serves everything).
enum SampleReport {
    /// Flows per node and link for one map.
    struct Flows: Sendable {
        var nodes: [String: Double]
        var links: [String: Double]
        /// Ids of the nodes and links that are off.
        var inactive: Set<String> = []
    }

    static let baseline = Flows(
        nodes: [
            "xian": 90, "chongqing": 70, "urumqi": 160, "dostyk": 100, "khorgos": 60, "aktogay": 160, "duisburg": 160,
        ],
        links: [
            "xian-urumqi": 90, "chongqing-urumqi": 70, "urumqi-dostyk": 100, "urumqi-khorgos": 60,
            "dostyk-aktogay": 100, "khorgos-aktogay": 60, "aktogay-duisburg": 160,
        ],
        inactive: ["bakhty", "urumqi-bakhty", "bakhty-aktogay"])

    static let thirdCrossing = Flows(
        nodes: [
            "xian": 120, "chongqing": 80, "urumqi": 200, "dostyk": 100, "khorgos": 50, "bakhty": 50, "aktogay": 200,
            "duisburg": 200,
        ],
        links: [
            "xian-urumqi": 120, "chongqing-urumqi": 80, "urumqi-dostyk": 100, "urumqi-khorgos": 50,
            "urumqi-bakhty": 50, "dostyk-aktogay": 100, "khorgos-aktogay": 50, "bakhty-aktogay": 50,
            "aktogay-duisburg": 200,
        ])

    /// A map of `network` drawn with `flows`; utilisation is flow over capacity where there is one.
    static func map(_ network: Network, title: String, flows: Flows) -> ReportMap {
        let nodes = network.nodes.compactMap { node -> MapNode? in
            guard let lat = node.lat, let lon = node.lon else { return nil }
            let flow = flows.nodes[node.id] ?? 0
            return MapNode(
                id: node.id, name: node.name, lat: lat, lon: lon, kind: node.kind,
                isProposed: node.status == .proposed, isActive: !flows.inactive.contains(node.id),
                utilisation: node.capacity.map { flow / $0 }, flow: flow)
        }
        let links = network.links.map { link in
            let flow = flows.links[link.id] ?? 0
            return MapLink(
                id: link.id, fromID: link.from, toID: link.to, flow: flow, capacity: link.capacity,
                utilisation: link.capacity.map { flow / $0 }, mode: link.mode, isProposed: link.status == .proposed,
                isActive: !flows.inactive.contains(link.id))
        }
        return ReportMap(title: title, nodes: nodes, links: links, flowUnit: "\(network.unit)/\(network.period)")
    }

    /// The whole sample document for `network` (tiny.json's ids).
    static func document(_ network: Network, source: String = "networks/tiny.json") -> ReportDocument {
        let crossings = ["dostyk", "khorgos", "bakhty"]
        let names = crossings.map { id in network.nodes.first { $0.id == id }?.name ?? id }
        let before = crossings.map { baseline.nodes[$0] ?? 0 }
        let after = crossings.map { thirdCrossing.nodes[$0] ?? 0 }
        let capacities: [Double] = [100, 60, 50]
        var rows: [[ReportTable.Cell]] = []
        for index in crossings.indices {
            let change = after[index] - before[index]
            rows.append([
                .init(names[index]),
                .init(format(before[index])),
                .init(format(after[index]), emphasis: change == 0 ? .none : .changed),
                .init(
                    change == 0 ? "0" : (change > 0 ? "+" : "−") + format(abs(change)),
                    emphasis: change > 0 ? .better : change < 0 ? .worse : .none),
                .init(percent(before[index] / 160)),
                .init(percent(after[index] / 200)),
                .init(
                    percent(after[index] / capacities[index]),
                    emphasis: after[index] >= capacities[index] ? .strong : .none),
            ])
        }
        rows.append([
            .init("Total", emphasis: .strong), .init("160", emphasis: .strong),
            .init("200", emphasis: .strong), .init("+40", emphasis: .better), "100%", "100%", "",
        ])
        let crossingTable = ReportTable(
            title: "Crossings: baseline vs Bakhty–Tacheng open",
            headers: [
                "Crossing", "Baseline TEU/day", "Scenario TEU/day", "Δ TEU/day", "Share before", "Share after",
                "Utilisation after",
            ],
            rows: rows, footnote: "Δ is scenario minus baseline; green marks more flow over a crossing.")
        let before0 = objectiveParts(bakhtyCapacity: 0)
        let after50 = objectiveParts(bakhtyCapacity: 50)
        func signed(_ value: Double) -> String {
            (value > 0 ? "+" : value < 0 ? "−" : "") + grouped(abs(value))
        }
        let summary = ReportTable(
            title: "Objective",
            headers: ["Part", "Baseline USD/day", "Scenario USD/day", "Change"],
            rows: [
                [
                    "Routing cost", .init(grouped(before0.routing)), .init(grouped(after50.routing)),
                    .init(signed(after50.routing - before0.routing), emphasis: .worse),
                ],
                [
                    "Unserved penalty", .init(grouped(before0.penalty)), .init(grouped(after50.penalty)),
                    .init(signed(after50.penalty - before0.penalty), emphasis: .better),
                ],
                [
                    .init("Total", emphasis: .strong), .init(grouped(before0.total), emphasis: .strong),
                    .init(grouped(after50.total), emphasis: .strong),
                    .init(signed(after50.total - before0.total), emphasis: .better),
                ],
            ],
            footnote:
                "Routing cost: 220, 270 and 210 USD per TEU via Dostyk, Khorgos and Bakhty, plus 1,820 to and from them."
        )

        let capacitiesTried = stride(from: 0.0, through: 100, by: 10).map { $0 }
        let sweep = capacitiesTried.map { objectiveParts(bakhtyCapacity: $0) }
        let objective = sweep.map(\.total)
        let marginal = capacitiesTried.indices.map { index -> Double? in
            index == 0 ? nil : (objective[index - 1] - objective[index]) / 10
        }
        let khorgos = sweep.map(\.khorgos)
        let bakhty = sweep.map(\.bakhty)
        let unserved = sweep.map(\.unserved)
        return ReportDocument(
            title: "Opening Bakhty–Tacheng: what changes on the corridor",
            subtitle: "\(network.name) · baseline against scenario “Bakhty–Tacheng open”",
            generatedNote: "corridor 0.1.0 · \(source) · sample flows, not an optimisation result",
            maps: [
                map(network, title: "Baseline", flows: baseline),
                map(network, title: "Bakhty–Tacheng open", flows: thirdCrossing),
            ],
            tables: [crossingTable, summary],
            shareCharts: [
                ShareChart(
                    title: "Share of corridor flow by crossing", categories: names,
                    series: [
                        .init(name: "Baseline", values: before.map { $0 / 160 * 100 }),
                        .init(name: "Bakhty–Tacheng open", values: after.map { $0 / 200 * 100 }),
                    ]),
                ShareChart(
                    title: "Flow by crossing", categories: names,
                    series: [
                        .init(name: "Baseline", values: before), .init(name: "Bakhty–Tacheng open", values: after),
                    ],
                    layout: .stacked, unit: "TEU/day"),
            ],
            lineCharts: [
                LineChart(
                    title: "Objective and its marginal value as Bakhty–Tacheng grows",
                    xTitle: "Bakhty–Tacheng capacity (TEU/day)", yTitle: "Objective (USD/day)",
                    xValues: capacitiesTried, series: [.init(name: "Objective", values: objective)],
                    markers: [.init(x: 50, label: "scenario: 50")], yIncludesZero: false),
                LineChart(
                    title: "Flow per crossing and unserved demand",
                    xTitle: "Bakhty–Tacheng capacity (TEU/day)", yTitle: "Flow (TEU/day)",
                    xValues: capacitiesTried,
                    series: [
                        .init(name: "Dostyk–Alashankou", values: capacitiesTried.map { _ in 100 }),
                        .init(name: "Altynkol–Khorgos", values: khorgos),
                        .init(name: "Bakhty–Tacheng", values: bakhty),
                        .init(name: "Unserved", values: unserved),
                    ],
                    markers: [.init(x: 50, label: "scenario: 50")]),
                LineChart(
                    title: "Marginal value of Bakhty–Tacheng capacity",
                    xTitle: "Bakhty–Tacheng capacity (TEU/day)", yTitle: "USD per extra TEU/day",
                    xValues: capacitiesTried, series: [.init(name: "Marginal value", values: marginal)]),
            ],
            notes: [
                "Flows are invented for this sample; the optimisation fills in real ones.",
                "Utilisation is flow over capacity per day; a crossing at 100 % is binding.",
            ])
    }

    /// The sample's allocation when Bakhty–Tacheng has `bakhtyCapacity`: Dostyk's 100 TEU/day always, then
    /// the cheaper Bakhty before Khorgos (60), the rest of the 200 unserved at 5,000 USD each.
    static func objectiveParts(
        bakhtyCapacity: Double
    )
        -> (khorgos: Double, bakhty: Double, unserved: Double, routing: Double, penalty: Double, total: Double)
    {
        let bakhty = min(bakhtyCapacity, 100)
        let khorgos = min(60, 100 - bakhty)
        let unserved = max(0, 100 - khorgos - bakhty)
        let routing = 100 * 220 + khorgos * 270 + bakhty * 210 + (200 - unserved) * 1820
        return (khorgos, bakhty, unserved, routing, unserved * 5000, routing + unserved * 5000)
    }

    private static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func percent(_ ratio: Double) -> String {
        String(Int((ratio * 100).rounded())) + "%"
    }
}
