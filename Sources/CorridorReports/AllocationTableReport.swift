import CorridorModel
import CorridorOptimization

/// The allocation for a person: a summary, the crossings and the demands as aligned tables.
public enum AllocationTableReport {
    /// The allocation of `network` as aligned plain-text tables, ending with a newline.
    /// - Parameter demandsListed: how many demands to list, largest quantity first (ties in file
    ///   order); `nil` lists every demand in file order.
    public static func render(_ allocation: Allocation, network: ActiveNetwork, demandsListed: Int? = nil) -> String {
        let base = network.network
        let perPeriod = "\(base.unit) per \(base.period)"
        let parts = allocation.objectiveParts
        let total = allocation.served + allocation.unserved
        var text = "Allocation of \(base.name), scenario \(network.scenarioID) (\(network.scenarioName))\n\n"
        var summary = TextTable([("", .left), ("\(base.currency) per \(base.period)", .right)])
        summary.append(["objective (\(allocation.status.rawValue))", number(allocation.objective)])
        summary.append(["  transport", number(parts.transport)])
        summary.append(["  handling", number(parts.handling)])
        summary.append(["  time value", number(parts.timeValue)])
        summary.append(["  unserved penalty", number(parts.unservedPenalty)])
        text += summary.rendered()
        if base.declaresCommodities {
            text += "\n" + commodityTable(allocation, period: base.period).rendered()
        } else {
            text += "\nServed \(number(allocation.served)) of \(number(total)) \(perPeriod)"
            text += total > 0 ? " (\(percent(allocation.served / total)))" : ""
            text += "; unserved \(number(allocation.unserved)).\n"
        }

        text += "\nCrossings\n"
        if base.declaresCommodities {
            text += crossingTable(allocation, network: network)
        } else if allocation.crossings.isEmpty {
            text += "  (no active crossing)\n"
        } else {
            var crossings = TextTable([
                ("crossing", .left), ("flow", .right), ("share", .right), ("capacity", .right),
                ("utilisation", .right), ("shadow price", .right), ("largest users", .left),
            ])
            for crossing in allocation.crossings {
                crossings.append([
                    crossing.name, number(crossing.flow), percent(crossing.share),
                    crossing.capacity.map(number) ?? "unlimited", crossing.utilisation.map(percent) ?? "–",
                    number(crossing.shadowPrice),
                    crossing.demands.prefix(3).map { "\($0.id) \(number($0.flow))" }.joined(separator: ", ")
                        + (crossing.demands.count > 3 ? ", … (\(crossing.demands.count) in all)" : ""),
                ])
            }
            text += crossings.rendered(indent: "  ")
        }

        if base.declaresCommodities { text += limitedLinkTable(allocation, network: network) }

        text += "\nDemands\n"
        let unitColumn: [(String, TextTable.Alignment)] = base.declaresCommodities ? [("commodity", .left), ("unit", .left)] : []
        var demands = TextTable(
            [("demand", .left)] + unitColumn + [
                ("quantity", .right), ("served", .right), ("unserved", .right),
                ("main route (all routes in --format json or csv)", .left),
            ])
        let unitOf = Dictionary(allocation.commodities.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        var listed = allocation.demands
        if let demandsListed {
            listed = Array(
                allocation.demands.enumerated()
                    .sorted { $0.element.quantity != $1.element.quantity ? $0.element.quantity > $1.element.quantity : $0.offset < $1.offset }
                    .prefix(demandsListed).map(\.element))
        }
        for demand in listed {
            let mainRoute: String
            if !demand.isServable {
                mainRoute = "(origin or destination off in this scenario)"
            } else if let route = demand.routes.first {
                let via = route.crossings.isEmpty ? "no crossing" : "via " + route.crossings.joined(separator: ", ")
                mainRoute = "\(via), \(route.nodes.count) nodes (\(percent(route.share)))"
                    + (demand.routes.count > 1 ? " + \(demand.routes.count - 1) more" : "")
            } else {
                mainRoute = "–"
            }
            let commodity = base.declaresCommodities ? [demand.commodity, unitOf[demand.commodity] ?? ""] : []
            demands.append(
                [demand.id] + commodity + [number(demand.quantity), number(demand.served), number(demand.unserved), mainRoute])
        }
        text += demands.rendered(indent: "  ")
        if listed.count < allocation.demands.count {
            text += "  … and \(allocation.demands.count - listed.count) smaller demands (all of them without --demands)\n"
        }
        return text
    }

    /// Per commodity: quantity, served and unserved in its unit, and the trains its served quantity fills.
    private static func commodityTable(_ allocation: Allocation, period: String) -> TextTable {
        var table = TextTable([
            ("commodity", .left), ("unit", .left), ("quantity", .right), ("served", .right), ("share", .right),
            ("unserved", .right), ("trains per \(period)", .right),
        ])
        for commodity in allocation.commodities {
            table.append([
                commodity.name, commodity.unit, number(commodity.quantity), number(commodity.served),
                commodity.quantity > 0 ? percent(commodity.served / commodity.quantity) : "–", number(commodity.unserved),
                commodity.trains.map(number) ?? "–",
            ])
        }
        return table
    }

    /// Crossings with their throughput in each commodity's unit and every limit.
    private static func crossingTable(_ allocation: Allocation, network: ActiveNetwork) -> String {
        guard !allocation.crossings.isEmpty else { return "  (no active crossing)\n" }
        let currency = network.network.currency
        var table = TextTable(
            [("crossing", .left)] + allocation.commodities.map { ("\($0.id) \($0.unit)", .right) }
                + [("limits: used of capacity, shadow price", .left)])
        for crossing in allocation.crossings {
            table.append([crossing.name] + crossing.flows.map(number) + [limitText(crossing.limits, currency: currency)])
        }
        return table.rendered(indent: "  ")
    }

    /// Every direction of a link with a limit: where the corridor's direction-specific figures (28 trains
    /// a day into China) show.
    private static func limitedLinkTable(_ allocation: Allocation, network: ActiveNetwork) -> String {
        let limited = allocation.arcs.filter { arc in arc.limits.contains { $0.capacity != nil } }
        guard !limited.isEmpty else { return "" }
        let currency = network.network.currency
        var table = TextTable(
            [("link", .left), ("direction", .left)] + allocation.commodities.map { ("\($0.id) \($0.unit)", .right) }
                + [("limits: used of capacity, shadow price", .left)])
        for arc in limited {
            table.append(
                [arc.linkID, "\(arc.from) → \(arc.to)"] + arc.flows.map(number) + [limitText(arc.limits, currency: currency)])
        }
        return "\nLinks with limits\n" + table.rendered(indent: "  ")
    }

    /// `20 of 20 trains at 15,000 USD/train; 1,000 of 1,500 TEU`.
    private static func limitText(_ limits: [Allocation.LimitResult], currency: String) -> String {
        let stated = limits.filter { $0.capacity != nil }
        guard !stated.isEmpty else { return "unlimited" }
        return stated.map { limit in
            let singular = limit.measure == "trains" ? "train" : limit.measure == "vehicles" ? "vehicle" : limit.measure
            let price = limit.shadowPrice > 0 ? " at \(number(limit.shadowPrice)) \(currency)/\(singular)" : ""
            return "\(number(limit.used)) of \(limit.capacity.map(number) ?? "–") \(limit.measure)\(price)"
        }.joined(separator: "; ")
    }

    /// A number for reading: thousands grouped with commas, at most two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        return Markup.number(value, decimals: 2, minus: "-")
    }

    /// A ratio as a percentage to a tenth, trailing `.0` dropped: `0.125` is `12.5 %`.
    static func percent(_ ratio: Double) -> String {
        let tenths = (ratio * 1000).rounded() / 10
        guard tenths.isFinite else { return "\(ratio * 100) %" }
        return Markup.number(tenths, decimals: 1, minus: "-") + " %"
    }
}
