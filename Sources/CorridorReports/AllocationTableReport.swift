import CorridorModel
import CorridorOptimization

/// The allocation for a person: a summary, the crossings and the demands as aligned tables.
public enum AllocationTableReport {
    public static func render(_ allocation: Allocation, network: ActiveNetwork) -> String {
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
        text += "\nServed \(number(allocation.served)) of \(number(total)) \(perPeriod)"
        text += total > 0 ? " (\(percent(allocation.served / total)))" : ""
        text += "; unserved \(number(allocation.unserved)).\n"

        text += "\nCrossings\n"
        if allocation.crossings.isEmpty {
            text += "  (no active crossing)\n"
        } else {
            var crossings = TextTable([
                ("crossing", .left), ("flow", .right), ("share", .right), ("capacity", .right),
                ("utilisation", .right), ("shadow price", .right), ("demands", .left),
            ])
            for crossing in allocation.crossings {
                crossings.append([
                    crossing.name, number(crossing.flow), percent(crossing.share),
                    crossing.capacity.map(number) ?? "unlimited", crossing.utilisation.map(percent) ?? "–",
                    number(crossing.shadowPrice),
                    crossing.demands.map { "\($0.id) \(number($0.flow))" }.joined(separator: ", "),
                ])
            }
            text += crossings.rendered(indent: "  ")
        }

        text += "\nDemands\n"
        var demands = TextTable([
            ("demand", .left), ("quantity", .right), ("served", .right), ("unserved", .right), ("main route", .left),
        ])
        for demand in allocation.demands {
            let mainRoute: String
            if !demand.isServable {
                mainRoute = "(origin or destination off in this scenario)"
            } else if let route = demand.routes.first {
                mainRoute = route.nodes.joined(separator: " → ") + " (\(percent(route.share)))"
                    + (demand.routes.count > 1 ? " +\(demand.routes.count - 1) more" : "")
            } else {
                mainRoute = "–"
            }
            demands.append([
                demand.id, number(demand.quantity), number(demand.served), number(demand.unserved), mainRoute,
            ])
        }
        text += demands.rendered(indent: "  ")
        return text
    }

    /// A number for reading: thousands grouped with commas, at most two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let rounded = (value * 100).rounded() / 100
        let negative = rounded < 0
        let magnitude = abs(rounded)
        guard magnitude < 1e15 else { return "\(value)" }
        let whole = Int64(magnitude.rounded(.down))
        let cents = Int64(((magnitude - Double(whole)) * 100).rounded())
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if cents > 0 {
            var fraction = cents < 10 ? "0\(cents)" : "\(cents)"
            if fraction.hasSuffix("0") { fraction.removeLast() }
            grouped += "." + fraction
        }
        return (negative && (whole > 0 || cents > 0) ? "-" : "") + grouped
    }

    static func percent(_ ratio: Double) -> String {
        let tenths = (ratio * 1000).rounded() / 10
        guard tenths.isFinite, abs(tenths) < 1e15 else { return "\(ratio * 100) %" }
        return tenths == tenths.rounded() ? "\(Int64(tenths)) %" : "\(tenths) %"
    }
}
