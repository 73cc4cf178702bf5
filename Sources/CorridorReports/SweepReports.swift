import CorridorImpact
import CorridorModel
import Foundation

/// `corridor-sweep/1`: a sweep's header and points (keys in docs/OUTPUT.md); also reads shard
/// documents back for `corridor sweep --merge`.
public enum SweepJSONReport {
    /// The document's `"format"` value.
    public static let formatTag = "corridor-sweep/1"

    /// The sweep (or one shard of it) as a `corridor-sweep/1` document.
    public static func document(_ result: SweepResult) -> JSONValue {
        let request = result.request
        return .object([
            ("format", .string(formatTag)),
            ("network", .string(result.networkName)),
            ("scenario", .string(result.scenarioID)),
            ("parameter", .object([("kind", .string(request.parameter.kind)), ("id", .string(request.parameter.id))])),
            ("min", .number(request.minimum)),
            ("max", .number(request.maximum)),
            ("steps", .number(Double(request.steps))),
            ("shard", .string(request.shard?.description)),
            ("marginalValueReachesZero", .number(result.marginalValueReachesZero)),
            ("points", .array(result.points.map(point))),
        ])
    }

    private static func point(_ point: SweepPoint) -> JSONValue {
        .object([
            ("index", .number(Double(point.index))),
            ("value", .number(point.value)),
            ("objective", .number(point.objective)),
            ("unserved", .number(point.unserved)),
            ("marginalValue", .number(point.marginalValue)),
            ("crossings", .array(point.crossings.map { .object([("id", .string($0.id)), ("flow", .number($0.flow))]) })),
        ])
    }

    /// Reads a `corridor-sweep/1` document.
    /// - Throws: ``ImpactError/inconsistentShards(_:)`` naming `source` and the key that is wrong.
    public static func read(_ data: Data, source: String) throws(ImpactError) -> SweepResult {
        func fail(_ what: String) -> ImpactError { .inconsistentShards("\(source): \(what)") }
        let bytes = [UInt8](data)
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes).plainValue
        } catch {
            let (line, column) = SourceLocator(bytes: bytes).location(of: error.offset)
            throw .inconsistentShards("\(source):\(line):\(column): not JSON: \(error.message)")
        }
        guard case .string(formatTag)? = root["format"] else { throw fail("\"format\" is not \"\(formatTag)\"") }
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
        case ("capacity", .some(let id)): sweptParameter = .capacity(id)
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
        guard case .array(let pointList)? = root["points"] else { throw fail("\"points\" must be a list") }
        var points: [SweepPoint] = []
        for (position, entry) in pointList.enumerated() {
            let place = "points[\(position)]."
            guard case .array(let crossingList)? = entry["crossings"] else { throw fail("\(place)\"crossings\" must be a list") }
            var crossings: [CrossingFlow] = []
            for (index, crossing) in crossingList.enumerated() {
                guard let id = string(crossing, "id") else { throw fail("\(place)crossings[\(index)].\"id\" must be a string") }
                crossings.append(CrossingFlow(id: id, flow: try number(crossing, "flow", at: "\(place)crossings[\(index)].")))
            }
            points.append(
                SweepPoint(
                    index: try integer(entry, "index", at: place), value: try number(entry, "value", at: place),
                    objective: try number(entry, "objective", at: place), unserved: try number(entry, "unserved", at: place),
                    marginalValue: try number(entry, "marginalValue", at: place), crossings: crossings))
        }
        return SweepResult(networkName: network, scenarioID: scenario, request: request, points: points)
    }
}

/// A person's view of a sweep: one row per point, then where the marginal value reaches 0.
public enum SweepTableReport {
    /// The sweep as a heading and a plain-text table.
    public static func render(_ result: SweepResult) -> String {
        let request = result.request
        let parameter = request.parameter.id.map { "\(request.parameter.kind) of \($0)" } ?? "demand scale"
        var text = "\(result.networkName), scenario \(result.scenarioID): \(parameter) from "
        text += "\(JSONValue.format(request.minimum)) to \(JSONValue.format(request.maximum)) in \(request.steps) step(s)"
        if let shard = request.shard { text += ", shard \(shard) (points \(request.pointRange.lowerBound)…\(request.pointRange.upperBound - 1))" }
        text += "\n\n"
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
        text += table.rendered()
        if case .capacity = request.parameter, request.shard == nil {
            if let zero = result.marginalValueReachesZero {
                text += "\nmarginal value reaches 0 at \(ImpactCell.number(zero)): more capacity than that is worth nothing here\n"
            } else {
                text += "\nmarginal value stays above 0 up to \(ImpactCell.number(request.maximum))\n"
            }
        }
        return text
    }
}

/// A sweep as one CSV table: a row per point, a column per crossing's flow.
public enum SweepCSVReport {
    /// The sweep as CSV text with a header row.
    public static func render(_ result: SweepResult) -> String {
        let crossingIDs = result.points.first?.crossings.map(\.id) ?? []
        var lines = [CSVField.row(["index", "value", "objective", "unserved", "marginal_value"] + crossingIDs.map { "flow_\($0)" })]
        for point in result.points {
            lines.append(
                CSVField.row(
                    ["\(point.index)", ImpactCSV.number(point.value), ImpactCSV.number(point.objective),
                     ImpactCSV.number(point.unserved), ImpactCSV.number(point.marginalValue)]
                        + point.crossings.map { ImpactCSV.number($0.flow) }))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
