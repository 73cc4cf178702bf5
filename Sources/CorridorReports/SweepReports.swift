import CorridorImpact
import CorridorModel
import Foundation

/// `corridor-sweep/1`: a sweep's header and points (keys in docs/OUTPUT.md); also reads shard
/// documents back for `corridor sweep --merge`. On a network that declares commodities it adds the
/// capacity's measure, the commodities, and each point's service and crossing flows per commodity.
public enum SweepJSONReport {
    /// The document's `"format"` value.
    public static let formatTag = "corridor-sweep/1"

    /// The sweep (or one shard of it) as a `corridor-sweep/1` document.
    public static func document(_ result: SweepResult) -> JSONValue {
        let request = result.request
        var parameter: [(key: String, value: JSONValue)] = [
            ("kind", .string(request.parameter.kind)), ("id", .string(request.parameter.id)),
        ]
        if let measure = request.parameter.measure { parameter.append(("measure", .string(measure))) }
        var document: [(key: String, value: JSONValue)] = [
            ("format", .string(formatTag)),
            ("network", .string(result.networkName)),
            ("scenario", .string(result.scenarioID)),
            ("parameter", .object(parameter)),
            ("min", .number(request.minimum)),
            ("max", .number(request.maximum)),
            ("steps", .number(Double(request.steps))),
            ("shard", .string(request.shard?.description)),
            ("marginalValueReachesZero", .number(result.marginalValueReachesZero)),
            ("zeroAt", .number(result.zeroAt)),
            (
                "breakpoints",
                .array(
                    result.breakpoints.map {
                        .object([
                            ("value", .number($0.value)), ("objective", .number($0.objective)),
                            ("marginalValue", .number($0.marginalValue)),
                        ])
                    })
            ),
        ]
        if !result.commodities.isEmpty {
            document.append(
                (
                    "commodities",
                    .array(
                        result.commodities.map {
                            .object([("id", .string($0.id)), ("name", .string($0.name)), ("unit", .string($0.unit))])
                        })
                ))
        }
        document.append(("points", .array(result.points.map { point($0, commodities: result.commodities) })))
        return .object(document)
    }

    private static func point(_ point: SweepPoint, commodities: [SweepCommodity]) -> JSONValue {
        let ids = commodities.map(\.id)
        func crossing(_ crossing: CrossingFlow) -> JSONValue {
            var entries: [(key: String, value: JSONValue)] = [("id", .string(crossing.id)), ("flow", .number(crossing.flow))]
            if !ids.isEmpty { entries.append(("flows", .object(zip(ids, crossing.flows).map { ($0, .number($1)) }))) }
            return .object(entries)
        }
        var entries: [(key: String, value: JSONValue)] = [
            ("index", .number(Double(point.index))),
            ("value", .number(point.value)),
            ("objective", .number(point.objective)),
            ("unserved", .number(point.unserved)),
            ("marginalValue", .number(point.marginalValue)),
            ("crossings", .array(point.crossings.map(crossing))),
        ]
        if !ids.isEmpty {
            entries.append(
                (
                    "commodities",
                    .array(
                        zip(ids, point.service).map { id, service in
                            .object([("id", .string(id)), ("served", .number(service.served)), ("unserved", .number(service.unserved))])
                        })
                ))
        }
        return .object(entries)
    }

    /// Reads a `corridor-sweep/1` document.
    /// - Throws: ``ImpactError/inconsistentShards(_:)`` naming `source` and the key that is wrong.
    public static func read(_ data: Data, source: String) throws(ImpactError) -> SweepResult {
        func fail(_ what: String) -> ImpactError { .inconsistentShards("\(source): \(what)") }
        let root = try shardDocument(data, source: source, format: formatTag)
        func number(_ object: JSONValue, _ key: String, at place: String) throws(ImpactError) -> Double {
            guard case .number(let value)? = object[key] else { throw fail("\(place)\"\(key)\" is missing or not a number") }
            guard value.isFinite else { throw fail("\(place)\"\(key)\" is out of range") }
            return value
        }
        func integer(_ object: JSONValue, _ key: String, at place: String) throws(ImpactError) -> Int {
            let value = try number(object, key, at: place)
            guard value == value.rounded(), abs(value) < 1e15 else { throw fail("\(place)\"\(key)\" is not a whole number") }
            return Int(value)
        }
        func string(_ object: JSONValue, _ key: String) -> String? {
            guard case .string(let text)? = object[key] else { return nil }
            return text
        }
        guard let network = string(root, "network"), let scenario = string(root, "scenario") else {
            throw fail("\"network\" and \"scenario\" must be strings")
        }
        guard let parameter = root["parameter"], let kind = string(parameter, "kind") else {
            throw fail("\"parameter\" must be an object with \"kind\"")
        }
        let id = string(parameter, "id")
        let sweptParameter: SweepParameter
        switch (kind, id) {
        case ("capacity", .some(let id)): sweptParameter = .capacity(id, measure: string(parameter, "measure"))
        case ("cost", .some(let id)): sweptParameter = .cost(id)
        case ("demandScale", nil): sweptParameter = .demandScale
        default: throw fail("\"parameter\": kind \"\(kind)\" with id \(id.map { "\"\($0)\"" } ?? "null") is not a sweep parameter")
        }
        let (minimum, maximum) = (try number(root, "min", at: ""), try number(root, "max", at: ""))
        let steps = try integer(root, "steps", at: "")
        let request: SweepRequest
        do {
            let shard = try string(root, "shard").map { text throws(SweepRequestError) in try SweepShard(parsing: text) }
            request = try SweepRequest(parameter: sweptParameter, minimum: minimum, maximum: maximum, steps: steps, shard: shard)
        } catch {
            throw fail(error.description)
        }
        var commodities: [SweepCommodity] = []
        if let list = root["commodities"] {
            guard case .array(let entries) = list else { throw fail("\"commodities\" must be a list") }
            for (index, entry) in entries.enumerated() {
                guard let id = string(entry, "id"), let name = string(entry, "name"), let unit = string(entry, "unit") else {
                    throw fail("commodities[\(index)] must have string \"id\", \"name\" and \"unit\"")
                }
                commodities.append(SweepCommodity(id: id, name: name, unit: unit))
            }
        }
        let ids = commodities.map(\.id)
        guard case .array(let pointList)? = root["points"] else { throw fail("\"points\" must be a list") }
        var points: [SweepPoint] = []
        for (position, entry) in pointList.enumerated() {
            let place = "points[\(position)]."
            guard case .array(let crossingList)? = entry["crossings"] else { throw fail("\(place)\"crossings\" must be a list") }
            var crossings: [CrossingFlow] = []
            for (index, crossing) in crossingList.enumerated() {
                let at = "\(place)crossings[\(index)]."
                guard let id = string(crossing, "id") else { throw fail("\(at)\"id\" must be a string") }
                var flows: [Double] = []
                if !ids.isEmpty {
                    guard let byCommodity = crossing["flows"] else { throw fail("\(at)\"flows\" is missing") }
                    for commodity in ids { flows.append(try number(byCommodity, commodity, at: "\(at)flows.")) }
                }
                crossings.append(CrossingFlow(id: id, flow: try number(crossing, "flow", at: at), flows: flows))
            }
            var service: [CommodityService] = []
            if !ids.isEmpty {
                guard case .array(let serviceList)? = entry["commodities"], serviceList.count == ids.count else {
                    throw fail("\(place)\"commodities\" must list the \(ids.count) commodities")
                }
                for (index, item) in serviceList.enumerated() {
                    let at = "\(place)commodities[\(index)]."
                    guard string(item, "id") == ids[index] else { throw fail("\(at)\"id\" is not \"\(ids[index])\"") }
                    service.append(
                        CommodityService(served: try number(item, "served", at: at), unserved: try number(item, "unserved", at: at)))
                }
            }
            points.append(
                SweepPoint(
                    index: try integer(entry, "index", at: place), value: try number(entry, "value", at: place),
                    objective: try number(entry, "objective", at: place), unserved: try number(entry, "unserved", at: place),
                    marginalValue: try number(entry, "marginalValue", at: place), crossings: crossings, service: service))
        }
        var breakpoints: [SweepBreakpoint] = []
        if let list = root["breakpoints"] {
            guard case .array(let entries) = list else { throw fail("\"breakpoints\" must be a list") }
            for (index, entry) in entries.enumerated() {
                let place = "breakpoints[\(index)]."
                breakpoints.append(
                    SweepBreakpoint(
                        value: try number(entry, "value", at: place), objective: try number(entry, "objective", at: place),
                        marginalValue: try number(entry, "marginalValue", at: place)))
            }
        }
        return SweepResult(
            networkName: network, scenarioID: scenario, request: request, commodities: commodities, points: points,
            breakpoints: breakpoints)
    }
}

/// A person's view of a sweep: one row per point, then where the marginal value reaches 0.
public enum SweepTableReport {
    /// The sweep as a heading and a plain-text table.
    public static func render(_ result: SweepResult) -> String {
        let request = result.request
        var parameter = request.parameter.id.map { "\(request.parameter.kind) of \($0)" } ?? "demand scale"
        if let measure = request.parameter.measure { parameter += " in \(measure)" }
        var text = "\(result.networkName), scenario \(result.scenarioID): \(parameter) from "
        text += "\(JSONValue.format(request.minimum)) to \(JSONValue.format(request.maximum)) in \(request.steps) step(s)"
        if let shard = request.shard { text += ", shard \(shard) (points \(request.pointRange.lowerBound)…\(request.pointRange.upperBound - 1))" }
        text += "\n\n"
        text += result.commodities.isEmpty ? pointTable(result) : commodityPointTable(result)
        if !result.breakpoints.isEmpty {
            text += "\nExact breakpoints (the objective is linear between them; marginal value up to the next):\n"
            var table = TextTable([("value", .right), ("objective", .right), ("marginal value", .right)])
            for breakpoint in result.breakpoints {
                table.append([
                    ImpactCell.number(breakpoint.value), ImpactCell.number(breakpoint.objective),
                    ImpactCell.number(breakpoint.marginalValue),
                ])
            }
            text += table.rendered()
        }
        if case .capacity = request.parameter, request.shard == nil {
            if let zero = result.zeroAt {
                text += "\nmarginal value is 0 from \(ImpactCell.number(zero)) on: more capacity than that is worth nothing here\n"
            } else {
                text += "\nmarginal value stays above 0 up to \(ImpactCell.number(request.maximum))\n"
            }
        }
        return text
    }

    /// Value, objective, unserved, marginal value, and every crossing's flow.
    private static func pointTable(_ result: SweepResult) -> String {
        let crossingIDs = result.points.first?.crossings.map(\.id) ?? []
        var table = TextTable(
            [("value", .right), ("objective", .right), ("unserved", .right), ("marginal value", .right)]
                + crossingIDs.map { ($0, .right) })
        for point in result.points {
            table.append(
                [
                    ImpactCell.number(point.value), ImpactCell.number(point.objective), ImpactCell.number(point.unserved),
                    ImpactCell.number(point.marginalValue),
                ] + point.crossings.map { ImpactCell.number($0.flow) })
        }
        return table.rendered()
    }

    /// On a network that declares commodities: a line naming each commodity's unit, then value,
    /// objective, marginal value, served and unserved per commodity, and each crossing's flow per
    /// commodity where some point has one.
    private static func commodityPointTable(_ result: SweepResult) -> String {
        let commodities = result.commodities.map(\.id)
        let units = result.commodities.map { "\($0.id) in \($0.unit)" }.joined(separator: ", ")
        let crossings = result.points.first?.crossings.map(\.id) ?? []
        let used = crossings.indices.flatMap { x in
            result.commodities.indices.compactMap { c in
                result.points.contains { $0.crossings[x].flows[c] != 0 } ? (crossing: x, commodity: c) : nil
            }
        }
        var table = TextTable(
            [("value", .right), ("objective", .right), ("marginal value", .right)]
                + commodities.flatMap { [("served \($0)", .right), ("unserved \($0)", .right)] }
                + used.map { ("\(crossings[$0.crossing]) \(commodities[$0.commodity])", .right) })
        for point in result.points {
            table.append(
                [ImpactCell.number(point.value), ImpactCell.number(point.objective), ImpactCell.number(point.marginalValue)]
                    + point.service.flatMap { [ImpactCell.number($0.served), ImpactCell.number($0.unserved)] }
                    + used.map { ImpactCell.number(point.crossings[$0.crossing].flows[$0.commodity]) })
        }
        return "Quantities per period: \(units).\n\n" + table.rendered()
    }
}

/// A sweep as one CSV table: a row per point, led by what was varied (`parameter`, `element`, `measure`)
/// so that the file says it on its own, then a column per crossing's flow; on a network that declares
/// commodities, then served and unserved per commodity and each crossing's flow per commodity.
public enum SweepCSVReport {
    /// The sweep as CSV text with a header row.
    public static func render(_ result: SweepResult) -> String {
        let crossingIDs = result.points.first?.crossings.map(\.id) ?? []
        let ids = result.commodities.map(\.id)
        let commodityColumns =
            ids.flatMap { ["served_\($0)", "unserved_\($0)"] } + crossingIDs.flatMap { x in ids.map { "flow_\(x)_\($0)" } }
        var lines = [
            CSVField.row(
                ["parameter", "element", "measure", "index", "value", "objective", "unserved", "marginal_value"] + crossingIDs.map { "flow_\($0)" } + commodityColumns)
        ]
        let parameter = result.request.parameter
        let varied = [parameter.kind, parameter.id ?? "", parameter.measure ?? ""]
        for point in result.points {
            lines.append(
                CSVField.row(
                    varied + ["\(point.index)", CSVField.number(point.value), CSVField.number(point.objective),
                     CSVField.number(point.unserved), CSVField.number(point.marginalValue)]
                        + point.crossings.map { CSVField.number($0.flow) }
                        + point.service.flatMap { [CSVField.number($0.served), CSVField.number($0.unserved)] }
                        + point.crossings.flatMap { $0.flows.map(CSVField.number) }))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
