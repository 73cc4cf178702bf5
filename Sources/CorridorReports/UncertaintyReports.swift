import CorridorImpact
import CorridorModel
import Foundation

/// An uncertainty run as JSON, `corridor-uncertainty/1` (docs/OUTPUT.md), and back: shards are joined
/// from these documents.
public enum UncertaintyJSONReport {
    /// The document's `"format"` value.
    public static let formatTag = "corridor-uncertainty/1"

    /// The run (or one shard of it) as a `corridor-uncertainty/1` document.
    public static func document(_ result: UncertaintyResult) -> JSONValue {
        let request = result.request
        let ids = result.inputs.map(\.id)
        var summary = JSONValue.null
        if let s = result.summary {
            summary = .object([
                ("mean", .number(s.mean)), ("p5", .number(s.p5)), ("p50", .number(s.p50)), ("p95", .number(s.p95)),
                ("min", .number(s.minimum)), ("max", .number(s.maximum)),
                ("probabilityPositive", .number(s.probabilityPositive)),
            ])
        }
        return .object([
            ("format", .string(formatTag)),
            ("network", .string(result.networkName)),
            ("baseline", .string(request.baseline)),
            ("scenario", .string(request.scenario)),
            ("draws", .number(Double(request.draws))),
            ("seed", .number(Double(request.seed))),
            ("blockLength", .number(Double(UncertaintyRequest.blockLength))),
            ("shard", .string(request.shard?.description)),
            ("inputs", .array(result.inputs.map(input))),
            (
                "base",
                .object([
                    ("baseline", .number(result.base.baseline)), ("scenario", .number(result.base.scenario)),
                    ("difference", .number(result.baseDifference)),
                ])
            ),
            ("summary", summary),
            (
                "tornado",
                .array(
                    result.tornado.map { bar in
                        .object([
                            ("input", .string(bar.input)), ("low", .number(bar.low)), ("high", .number(bar.high)),
                            ("differenceAtLow", .number(bar.differenceAtLow)),
                            ("differenceAtHigh", .number(bar.differenceAtHigh)), ("swing", .number(bar.swing)),
                        ])
                    })
            ),
            (
                "results",
                .array(
                    result.draws.map { draw in
                        .object([
                            ("index", .number(Double(draw.index))),
                            ("values", .object(zip(ids, draw.values).map { ($0, .number($1)) })),
                            ("baseline", .number(draw.baseline)), ("scenario", .number(draw.scenario)),
                            ("difference", .number(draw.difference)),
                        ])
                    })
            ),
        ])
    }

    private static func input(_ input: UncertainInput) -> JSONValue {
        var entries: [(key: String, value: JSONValue)] = [("id", .string(input.id))]
        switch input.target {
        case .capacity(let element, let measure, let direction):
            entries += [
                ("kind", .string("capacity")), ("element", .string(element)), ("measure", .string(measure)),
                ("direction", .string(direction?.rawValue)),
            ]
        case .cost(let link): entries += [("kind", .string("cost")), ("element", .string(link))]
        case .demandScale: entries += [("kind", .string("demandScale"))]
        }
        entries.append(("factor", .bool(input.isFactor)))
        switch input.distribution {
        case .uniform(let low, let high):
            entries.append(("distribution", .object([("type", .string("uniform")), ("low", .number(low)), ("high", .number(high))])))
        case .triangular(let low, let mode, let high):
            entries.append(
                (
                    "distribution",
                    .object([("type", .string("triangular")), ("low", .number(low)), ("mode", .number(mode)), ("high", .number(high))])
                ))
        }
        entries.append(("meta", input.meta ?? .null))
        return .object(entries)
    }

    /// Reads a `corridor-uncertainty/1` document.
    /// - Throws: ``ImpactError/inconsistentShards(_:)`` naming `source` and the key that is wrong.
    public static func read(_ data: Data, source: String) throws(ImpactError) -> UncertaintyResult {
        func fail(_ what: String) -> ImpactError { .inconsistentShards("\(source): \(what)") }
        let root = try shardDocument(data, source: source, format: formatTag)
        func number(_ object: JSONValue, _ key: String, at place: String) throws(ImpactError) -> Double {
            guard case .number(let value)? = object[key], value.isFinite else {
                throw fail("\(place)\"\(key)\" is missing or not a number")
            }
            return value
        }
        func integer(_ object: JSONValue, _ key: String, at place: String) throws(ImpactError) -> Int {
            let value = try number(object, key, at: place)
            guard value == value.rounded(), value >= 0, value < 9_007_199_254_740_992 else {
                throw fail("\(place)\"\(key)\" is not a whole number ≥ 0")
            }
            return Int(value)
        }
        func string(_ object: JSONValue, _ key: String, at place: String) throws(ImpactError) -> String {
            guard case .string(let text)? = object[key] else { throw fail("\(place)\"\(key)\" is missing or not a string") }
            return text
        }
        func optionalString(_ object: JSONValue, _ key: String, at place: String) throws(ImpactError) -> String? {
            if case .null? = object[key] { return nil }
            return try string(object, key, at: place)
        }
        func list(_ object: JSONValue, _ key: String) throws(ImpactError) -> [JSONValue] {
            guard case .array(let items)? = object[key] else { throw fail("\"\(key)\" is missing or not a list") }
            return items
        }
        let blockLength = try integer(root, "blockLength", at: "")
        guard blockLength == UncertaintyRequest.blockLength else {
            throw fail("\"blockLength\" is \(blockLength), this corridor runs blocks of \(UncertaintyRequest.blockLength)")
        }
        var inputs: [UncertainInput] = []
        for (index, item) in try list(root, "inputs").enumerated() {
            inputs.append(try readInput(item, at: "inputs[\(index)].", fail: fail))
        }
        let (baseline, scenario) = (try string(root, "baseline", at: ""), try string(root, "scenario", at: ""))
        let (count, seed) = (try integer(root, "draws", at: ""), UInt64(try integer(root, "seed", at: "")))
        var shard: SweepShard?
        if let text = try optionalString(root, "shard", at: "") {
            do { shard = try SweepShard(parsing: text) } catch { throw fail(error.description) }
        }
        let request: UncertaintyRequest
        do {
            request = try UncertaintyRequest(
                baseline: baseline, scenario: scenario, draws: count, seed: seed, inputs: inputs.map(\.id), shard: shard)
        } catch {
            throw fail(error.description)
        }
        guard let base = root["base"] else { throw fail("\"base\" is missing") }
        var tornado: [TornadoBar] = []
        for (index, bar) in try list(root, "tornado").enumerated() {
            let place = "tornado[\(index)]."
            tornado.append(
                TornadoBar(
                    input: try string(bar, "input", at: place), low: try number(bar, "low", at: place),
                    high: try number(bar, "high", at: place), differenceAtLow: try number(bar, "differenceAtLow", at: place),
                    differenceAtHigh: try number(bar, "differenceAtHigh", at: place)))
        }
        var draws: [UncertaintyDraw] = []
        for (index, item) in try list(root, "results").enumerated() {
            let place = "results[\(index)]."
            guard case .object(let values)? = item["values"], values.map(\.key) == inputs.map(\.id) else {
                throw fail("\(place)\"values\" must give every input, in the order of \"inputs\"")
            }
            var numbers: [Double] = []
            for entry in values { numbers.append(try number(.object([entry]), entry.key, at: place + "values.")) }
            draws.append(
                UncertaintyDraw(
                    index: try integer(item, "index", at: place), values: numbers, baseline: try number(item, "baseline", at: place),
                    scenario: try number(item, "scenario", at: place)))
        }
        return UncertaintyResult(
            networkName: try string(root, "network", at: ""), request: request, inputs: inputs,
            base: (try number(base, "baseline", at: "base."), try number(base, "scenario", at: "base.")), tornado: tornado,
            draws: draws)
    }

    private static func readInput(
        _ item: JSONValue, at place: String, fail: (String) -> ImpactError
    ) throws(ImpactError) -> UncertainInput {
        func text(_ key: String) -> String? {
            guard case .string(let value)? = item[key] else { return nil }
            return value
        }
        func number(_ object: JSONValue?, _ key: String) throws(ImpactError) -> Double {
            guard case .number(let value)? = object?[key], value.isFinite else {
                throw fail("\(place)distribution \"\(key)\" is missing or not a number")
            }
            return value
        }
        guard let id = text("id") else { throw fail("\(place)\"id\" is missing or not a string") }
        let target: UncertainInput.Target
        switch (text("kind"), text("element")) {
        case ("capacity", .some(let element)):
            var direction: UncertainInput.LinkDirection?
            if let raw = text("direction") {
                guard let value = UncertainInput.LinkDirection(rawValue: raw) else { throw fail("\(place)\"direction\" is \"\(raw)\"") }
                direction = value
            }
            target = .capacity(element, measure: text("measure"), direction: direction)
        case ("cost", .some(let element)): target = .cost(element)
        case ("demandScale", nil): target = .demandScale
        default: throw fail("\(place)\"kind\" and \"element\" do not name an uncertain input")
        }
        let shape = item["distribution"]
        let distribution: UncertainInput.Distribution
        switch shape?["type"] {
        case .string("uniform")?: distribution = .uniform(low: try number(shape, "low"), high: try number(shape, "high"))
        case .string("triangular")?:
            distribution = .triangular(low: try number(shape, "low"), mode: try number(shape, "mode"), high: try number(shape, "high"))
        default: throw fail("\(place)\"distribution\" has no known \"type\"")
        }
        guard case .bool(let isFactor)? = item["factor"] else { throw fail("\(place)\"factor\" must be true or false") }
        var meta = item["meta"]
        if case .null? = meta { meta = nil }
        return UncertainInput(id: id, target: target, distribution: distribution, isFactor: isFactor, meta: meta)
    }
}

/// An uncertainty run for a person: the distribution of the difference, the tornado and the inputs.
public enum UncertaintyTableReport {
    public static func render(_ result: UncertaintyResult) -> String {
        let request = result.request
        var text = "\(result.networkName): \(request.baseline) − \(request.scenario) (what \(request.scenario) saves), "
        text += "\(request.draws) draws, seed \(request.seed)"
        if let shard = request.shard {
            text += ", shard \(shard) (draws \(request.drawRange.lowerBound)…\(request.drawRange.upperBound - 1))"
        }
        text += "\n\nat the scenarios' own values: \(ImpactCell.signed(result.baseDifference))"
        text += " (\(ImpactCell.number(result.base.baseline)) − \(ImpactCell.number(result.base.scenario)))\n"
        if let s = result.summary {
            text += "over the draws: mean \(ImpactCell.signed(s.mean)), P5 \(ImpactCell.signed(s.p5)), "
            text += "P50 \(ImpactCell.signed(s.p50)), P95 \(ImpactCell.signed(s.p95)), "
            text += "min \(ImpactCell.signed(s.minimum)), max \(ImpactCell.signed(s.maximum))\n"
            text += "P(difference > 0) = \(ImpactCell.percent(s.probabilityPositive))\n"
        } else {
            text += "a shard of \(result.draws.count) draws: join the shards for the distribution\n"
        }
        text += "\ntornado (one input at a time at each end of its range, the others at the scenarios' own values):\n"
        var tornado = TextTable([
            ("input", .left), ("low", .right), ("high", .right), ("difference at low", .right),
            ("difference at high", .right), ("swing", .right),
        ])
        for bar in result.tornado {
            tornado.append([
                bar.input, ImpactCell.number(bar.low), ImpactCell.number(bar.high), ImpactCell.signed(bar.differenceAtLow),
                ImpactCell.signed(bar.differenceAtHigh), ImpactCell.number(bar.swing),
            ])
        }
        text += tornado.rendered()
        return text
    }
}

/// The draws as CSV: one row per draw, a column per input, then both optima and the difference.
public enum UncertaintyCSVReport {
    public static func render(_ result: UncertaintyResult) -> String {
        var lines = [CSVField.row(["draw"] + result.inputs.map(\.id) + ["baseline", "scenario", "difference"])]
        for draw in result.draws {
            lines.append(
                CSVField.row(
                    [String(draw.index)] + draw.values.map(JSONValue.format)
                        + [draw.baseline, draw.scenario, draw.difference].map(JSONValue.format)))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
