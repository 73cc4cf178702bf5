extension NetworkValidator.Keys {
    static let uncertainInput = NetworkValidator.Keys(
        required: ["id"],
        optional: ["capacity", "measure", "direction", "cost", "demandScale", "uniform", "triangular", "factor", "meta"])
}

extension NetworkValidator {
    /// One entry of the top-level `uncertainty` array (networks/FORMAT.md, "Uncertainty"): what it varies
    /// (exactly one of `capacity`, `cost`, `demandScale`) and its distribution (exactly one of `uniform`,
    /// `triangular`). Whether a capacity's element has a limit in the measure depends on the scenario and
    /// is checked when the input is drawn.
    mutating func readUncertainInput(_ tree: JSONTree, at path: JSONPath) -> UncertainInput? {
        guard let fields = fields(of: tree, at: path, keys: .uncertainInput) else { return nil }
        let id = declare(fields, as: .uncertainty)
        let isFactor = boolean(fields, "factor") ?? false
        let targets = ["capacity", "cost", "demandScale"].filter { fields[$0] != nil }
        var target: UncertainInput.Target?
        var limit = ModelLimits.magnitude
        if targets.count != 1 {
            report(
                path, at: tree.offset,
                targets.isEmpty
                    ? "says nothing to vary; give one of \"capacity\", \"cost\" or \"demandScale\""
                    : "varies \(targets.map { "\"\($0)\"" }.joined(separator: " and ")); give exactly one per entry")
        } else if targets[0] == "capacity" {
            let element = refer(fields, "capacity", to: [.node, .link])
            let measure = text(fields, "measure")
            let direction: UncertainInput.LinkDirection? = text(fields, "direction").flatMap { raw in
                guard let value = UncertainInput.LinkDirection(rawValue: raw) else {
                    if let tree = fields["direction"] {
                        report(path.appending("direction"), at: tree.offset, "unknown direction \(quoted(raw)); expected forward or reverse")
                    }
                    return nil
                }
                return value
            }
            if let direction, let tree = fields["direction"], let element {
                directionPlaces.append((element, direction, path.appending("direction"), tree.offset))
            }
            limit = ModelLimits.capacity
            target = element.map { .capacity($0, measure: measure, direction: direction) }
        } else if targets[0] == "cost" {
            limit = ModelLimits.unitCost
            target = refer(fields, "cost", to: [.link]).map(UncertainInput.Target.cost)
        } else {
            if let tree = fields["demandScale"], case .bool(true) = tree.value {
                target = .demandScale
            } else if let tree = fields["demandScale"] {
                let found = if case .bool(false) = tree.value { "false (leave the entry out instead)" } else { tree.typeDescription }
                report(path.appending("demandScale"), at: tree.offset, "expected true, found \(found)")
            }
            if let tree = fields["factor"] {
                report(path.appending("factor"), at: tree.offset, "a demand scale is always a factor; leave \"factor\" out")
            }
        }
        if target?.isCapacity != true {
            for key in ["measure", "direction"] {
                if let tree = fields[key] { report(path.appending(key), at: tree.offset, "goes with \"capacity\" only") }
            }
        }
        let distribution = readDistribution(fields, at: path, offset: tree.offset, limit: isFactor ? ModelLimits.magnitude : limit)
        let meta = self.meta(fields)
        guard let id, let target, let distribution else { return nil }
        return UncertainInput(id: id, target: target, distribution: distribution, isFactor: isFactor, meta: meta)
    }

    /// `uniform: [low, high]` or `triangular: [low, mode, high]`, each number ≥ 0 and within `limit`,
    /// in order.
    private mutating func readDistribution(
        _ fields: Fields, at path: JSONPath, offset: Int, limit: Double
    ) -> UncertainInput.Distribution? {
        let given = ["uniform", "triangular"].filter { fields[$0] != nil }
        guard given.count == 1, let key = given.first, let tree = fields[key] else {
            report(
                path, at: offset,
                given.isEmpty
                    ? "has no distribution; give \"uniform\": [low, high] or \"triangular\": [low, mode, high]"
                    : "gives both \"uniform\" and \"triangular\"; give one")
            return nil
        }
        let count = key == "uniform" ? 2 : 3
        let shape = key == "uniform" ? "[low, high]" : "[low, mode, high]"
        guard case .array(let items) = tree.value, items.count == count else {
            var found = tree.typeDescription
            if case .array(let items) = tree.value { found = "\(items.count) value\(items.count == 1 ? "" : "s")" }
            report(path.appending(key), at: tree.offset, "expected \(shape), found \(found)")
            return nil
        }
        var values: [Double] = []
        for (index, item) in items.enumerated() {
            guard let value = number(item, at: path.appending(key).appending(index), within: nil, allowsNull: false, atMost: limit)
            else { return nil }
            values.append(value ?? 0)
        }
        guard zip(values, values.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            report(
                path.appending(key), at: tree.offset,
                "must be in order \(shape), found [\(values.map(JSONValue.format).joined(separator: ", "))]")
            return nil
        }
        return key == "uniform"
            ? .uniform(low: values[0], high: values[1]) : .triangular(low: values[0], mode: values[1], high: values[2])
    }

    /// A `direction` names a link, and `reverse` a bidirectional one.
    mutating func checkUncertainDirections(_ network: Network) {
        for place in directionPlaces {
            guard let link = network.links.first(where: { $0.id == place.element }) else {
                report(place.path, at: place.offset, "\(quoted(place.element)) is a node; only a link has directions")
                continue
            }
            if place.direction == .reverse && !link.bidirectional {
                report(place.path, at: place.offset, "link \(quoted(link.id)) is one-way; only a bidirectional link has a reverse direction")
            }
        }
    }
}

extension UncertainInput.Target {
    fileprivate var isCapacity: Bool {
        guard case .capacity = self else { return false }
        return true
    }
}
