// Format /2's commodity keys: reading them, and the checks that need the whole network (which
// commodities an element accepts decides whether its limits and terms make sense).

/// Where the commodity-dependent values of a file sit, so that checks made on the finished network can
/// point at them. Places are keyed by their path below an element or scenario: `["capacity", "trains"]`.
struct CommodityPlaces {
    struct Place {
        let path: JSONPath
        let offset: Int
    }

    private var elements: [String: [[String]: Place]] = [:]
    private var scenarios: [[[String]: Place]] = []

    /// Records an element's place and keys, and the keys inside its capacity and per-commodity objects.
    mutating func record(element id: String, fields: NetworkValidator.Fields, offset: Int) {
        var places = Self.places(path: fields.path, members: fields.members, depth: 2)
        places[[]] = Place(path: fields.path, offset: offset)
        elements[id] = places
    }

    /// Records a scenario's override objects down to the measures and commodities inside them.
    mutating func record(scenario fields: NetworkValidator.Fields) {
        scenarios.append(Self.places(path: fields.path, members: fields.members, depth: 4))
    }

    func element(_ id: String, _ keys: String...) -> Place? { elements[id]?[keys] }

    func element(_ id: String, _ keys: [String]) -> Place? { elements[id]?[keys] }

    func scenario(_ index: Int, _ keys: String...) -> Place? { scenario(index, keys) }

    func scenario(_ index: Int, _ keys: [String]) -> Place? {
        scenarios.indices.contains(index) ? scenarios[index][keys] : nil
    }

    /// The keys one level below `prefix` in a scenario, in no particular order.
    func scenarioKeys(_ index: Int, under prefix: [String]) -> [String] {
        guard scenarios.indices.contains(index) else { return [] }
        return scenarios[index].keys.filter { $0.count == prefix.count + 1 && Array($0.prefix(prefix.count)) == prefix }
            .map { $0[prefix.count] }
    }

    /// Every member's place, recursing into objects `depth` levels deep; an element's own place is `[]`.
    private static func places(path: JSONPath, members: [JSONMember], depth: Int) -> [[String]: Place] {
        var result: [[String]: Place] = [:]
        func walk(_ members: [JSONMember], _ keys: [String], _ path: JSONPath, _ depth: Int) {
            for member in members where result[keys + [member.key]] == nil {
                let memberPath = path.appending(member.key)
                result[keys + [member.key]] = Place(path: memberPath, offset: member.value.offset)
                if depth > 1, case .object(let inner) = member.value.value {
                    walk(inner, keys + [member.key], memberPath, depth - 1)
                }
            }
        }
        walk(members, [], path, depth)
        return result
    }
}

extension NetworkValidator {
    mutating func readCommodity(_ tree: JSONTree, at path: JSONPath) -> Commodity? {
        guard let fields = fields(of: tree, at: path, keys: .commodity) else { return nil }
        let id = declare(fields, as: .commodity)
        let name = text(fields, "name")
        let unit = text(fields, "unit")
        if let unit, unit == CapacityMeasure.trainsKey || unit == CapacityMeasure.vehiclesKey, let tree = fields["unit"] {
            report(
                path.appending("unit"), at: tree.offset,
                "\(quoted(unit)) names a capacity measure; a commodity's unit counts what it carries, e.g. \"TEU\" or \"t\"")
        }
        let valueOfTime = number(fields, "valueOfTimePerHour", atMost: ModelLimits.valueOfTimePerHour)
        let penalty = number(fields, "unservedPenalty", atMost: ModelLimits.unitCost)
        let loads = ModelLimits.smallestLoad...ModelLimits.load
        let perTrain = number(fields, "perTrain", within: loads)
        let perVehicle = number(fields, "perVehicle", within: loads)
        let meta = self.meta(fields)
        guard let id, let unit else { return nil }
        return Commodity(
            id: id, name: name, unit: unit, valueOfTimePerHour: valueOfTime, unservedPenalty: penalty,
            perTrain: perTrain, perVehicle: perVehicle, meta: meta)
    }

    /// A capacity: a number (a limit in the network's unit) or, in /2, an object of limits by measure.
    mutating func capacity(_ fields: Fields, _ key: String) -> [CapacityLimit]? {
        guard let tree = fields[key] else { return nil }
        return capacity(tree, at: fields.path.appending(key), allowsNull: false, fields: fields, key: key) ?? nil
    }

    /// One capacity value; `.some(nil)` is an accepted `null`, `nil` a rejected value.
    private mutating func capacity(
        _ tree: JSONTree, at path: JSONPath, allowsNull: Bool, fields: Fields, key: String
    ) -> [CapacityLimit]?? {
        guard case .object(let members) = tree.value else {
            var isNumberOrNull = false
            switch tree.value {
            case .number: isNumberOrNull = true
            case .null: isNumberOrNull = allowsNull
            default: break
            }
            if formatVersion >= 2, !isNumberOrNull {
                let expected = allowsNull ? "a number, an object of limits such as {\"trains\": 28}, or null" : "a number or an object of limits such as {\"trains\": 28}"
                report(path, at: tree.offset, "expected \(expected), found \(tree.typeDescription)")
                return nil
            }
            guard let value = number(tree, at: path, within: nil, allowsNull: allowsNull, atMost: ModelLimits.capacity)
            else { return nil }
            return .some(value.map { [CapacityLimit(.networkUnit, $0)] })
        }
        guard requireVersion2(fields, key) else { return nil }
        if members.isEmpty {
            report(path, at: tree.offset, "states no limit; write e.g. {\"trains\": 28}, or leave the key out for unlimited")
            return nil
        }
        var limits: [CapacityLimit] = []
        var isComplete = true
        for member in members {
            let measurePath = path.appending(member.key)
            if member.key.isEmpty || member.key.containsControlCharacters {
                report(measurePath, at: member.keyOffset, "a measure is \"trains\", \"vehicles\" or a commodity unit")
                isComplete = false
                continue
            }
            let measure = CapacityMeasure(key: member.key, networkUnit: networkUnit)
            if let first = members.first(where: { CapacityMeasure(key: $0.key, networkUnit: networkUnit) == measure }),
                limits.contains(where: { $0.measure == measure })
            {
                report(measurePath, at: member.keyOffset, "duplicate key; first given at \(describeOffset(first.keyOffset))")
                isComplete = false
                continue
            }
            guard let value = number(member.value, at: measurePath, within: nil, allowsNull: false, atMost: ModelLimits.capacity),
                let value
            else {
                isComplete = false
                continue
            }
            limits.append(CapacityLimit(measure, value))
        }
        return isComplete ? .some(limits) : nil
    }

    /// A list of commodity ids (`accepts`), at least one.
    mutating func commodityList(_ fields: Fields, _ key: String) -> [String]? {
        guard let tree = fields[key], requireVersion2(fields, key) else { return nil }
        return commodityList(tree, at: fields.path.appending(key))
    }

    private mutating func commodityList(_ tree: JSONTree, at path: JSONPath) -> [String]? {
        guard case .array(let items) = tree.value else {
            report(path, at: tree.offset, "expected an array of commodity ids, found \(tree.typeDescription)")
            return nil
        }
        if items.isEmpty {
            report(path, at: tree.offset, "lists no commodity; an element that takes nothing is better switched off")
            return nil
        }
        var ids: [String] = []
        for (index, item) in items.enumerated() {
            guard let id = identifier(item, at: path.appending(index)) else { continue }
            references.append(
                Reference(id: id, allowed: [.commodity], parent: path, step: .index(index), offset: item.offset))
            if ids.contains(id) {
                report(path.appending(index), at: item.offset, "\(quoted(id)) is listed twice")
            }
            ids.append(id)
        }
        return ids.count == items.count ? ids : nil
    }

    /// `perCommodity`: commodity id → the element's own terms for it.
    mutating func commodityTerms(_ fields: Fields, _ key: String, keys: Keys) -> [CommodityTerms]? {
        guard let tree = fields[key], requireVersion2(fields, key) else { return nil }
        return commodityTerms(tree, at: fields.path.appending(key), keys: keys)
    }

    private mutating func commodityTerms(_ tree: JSONTree, at path: JSONPath, keys: Keys) -> [CommodityTerms]? {
        entries(of: tree, at: path, referring: [.commodity], expecting: "an object mapping commodity ids to terms") {
            validator, id, value, termsPath in
            guard let terms = validator.fields(of: value, at: termsPath, keys: keys) else { return nil }
            if terms.members.isEmpty {
                validator.report(termsPath, at: value.offset, "states nothing; allowed here: " + keys.allowed.joined(separator: ", "))
            }
            let cost =
                validator.number(terms, "handlingCost", atMost: ModelLimits.unitCost)
                ?? validator.number(terms, "cost", atMost: ModelLimits.unitCost)
            let hours =
                validator.number(terms, "dwellHours", atMost: ModelLimits.hours)
                ?? validator.number(terms, "hours", atMost: ModelLimits.hours)
            return CommodityTerms(commodity: id, cost: cost, hours: hours)
        }
    }

    /// A scenario's `capacity` or `reverseCapacity`: element id → number, limits or `null`.
    mutating func capacityOverrides(
        _ fields: Fields, _ key: String, of allowed: [Category] = [.node, .link]
    ) -> [CapacityOverride]? {
        guard let tree = fields[key] else { return [] }
        let path = fields.path.appending(key)
        return entries(of: tree, at: path, referring: allowed) { validator, id, value, valuePath in
            guard let limits = validator.capacity(value, at: valuePath, allowsNull: true, fields: fields, key: key) else {
                return nil
            }
            return CapacityOverride(id: id, limits: limits ?? [])
        }
    }

    /// A scenario's `accepts`: element id → commodity ids.
    mutating func acceptsOverrides(_ fields: Fields) -> [AcceptsOverride]? {
        guard let tree = fields["accepts"] else { return [] }
        return entries(of: tree, at: fields.path.appending("accepts"), referring: [.node, .link]) { validator, id, value, path in
            validator.commodityList(value, at: path).map { AcceptsOverride(id: id, commodities: $0) }
        }
    }

    /// A scenario's `perCommodity`: element id → commodity id → terms (checked against the element's
    /// kind once ids are resolved).
    mutating func termsOverrides(_ fields: Fields) -> [CommodityTermsOverride]? {
        guard let tree = fields["perCommodity"] else { return [] }
        return entries(of: tree, at: fields.path.appending("perCommodity"), referring: [.node, .link]) {
            validator, id, value, path in
            validator.commodityTerms(value, at: path, keys: .anyTerms).map { CommodityTermsOverride(id: id, terms: $0) }
        }
    }

    /// The entries of an `id → value` object in file order, each id a reference; `nil` when any is invalid.
    private mutating func entries<Entry>(
        of tree: JSONTree, at path: JSONPath, referring allowed: [Category],
        expecting expected: String = "an object keyed by ids",
        read: (inout NetworkValidator, String, JSONTree, JSONPath) -> Entry?
    ) -> [Entry]? {
        guard case .object(let members) = tree.value else {
            report(path, at: tree.offset, "expected \(expected), found \(tree.typeDescription)")
            return nil
        }
        var result: [Entry] = []
        var seen: Set<String> = []
        var isComplete = true
        for member in members {
            let keyTree = JSONTree(value: .string(member.key), offset: member.keyOffset)
            guard let id = identifier(keyTree, at: path.appending(member.key)) else {
                isComplete = false
                continue
            }
            guard seen.insert(id).inserted else {
                let first = members.first { $0.key == member.key }?.keyOffset ?? member.keyOffset
                report(path.appending(id), at: member.keyOffset, "duplicate key; first given at \(describeOffset(first))")
                isComplete = false
                continue
            }
            references.append(Reference(id: id, allowed: allowed, parent: path, step: .key(id), offset: member.keyOffset))
            if let entry = read(&self, id, member.value, path.appending(id)) { result.append(entry) } else { isComplete = false }
        }
        return isComplete ? result : nil
    }

    // MARK: - Checks on the whole network

    /// Demands' commodities, what each element accepts against its limits and terms, in the file and under
    /// every scenario (networks/FORMAT.md, "Format /2").
    mutating func checkCommodities(_ network: Network) {
        let commodities = network.commodities
        let byID = Dictionary(commodities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let nodesByID = Dictionary(network.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        for demand in network.demands {
            if demand.commodity == nil, network.declaredCommodities.count > 1, let place = places.element(demand.id) {
                report(
                    place.path, at: place.offset,
                    "has no \"commodity\"; the network carries " + network.declaredCommodities.map { quoted($0.id) }.joined(separator: ", "))
                continue
            }
            let commodity = demand.commodity ?? commodities[0].id
            for (key, nodeID) in [("origin", demand.origin), ("destination", demand.destination)] {
                guard let node = nodesByID[nodeID], let accepts = node.accepts, !accepts.contains(commodity),
                    let place = places.element(demand.id, demand.commodity == nil ? key : "commodity")
                else { continue }
                report(place.path, at: place.offset, "its \(key) \(quoted(nodeID)) does not accept commodity \(quoted(commodity))")
            }
        }

        let declares = network.declaresCommodities
        for node in network.nodes {
            checkElement(
                Subject(
                    id: node.id, mode: nil, accepts: node.accepts, ownAccepts: node.accepts, limits: node.limits,
                    reverseLimits: nil, terms: node.perCommodity),
                commodities: commodities, byID: byID, declares: declares, place: { [places] in places.element(node.id, $0) },
                reportsAccepts: true)
        }
        for link in network.links {
            // A link carries what it and both its ends accept.
            let accepts = Self.intersection(link.accepts, nodesByID[link.from]?.accepts, nodesByID[link.to]?.accepts)
            checkElement(
                Subject(
                    id: link.id, mode: link.mode, accepts: accepts, ownAccepts: link.accepts, limits: link.limits,
                    reverseLimits: link.reverseLimits, terms: link.perCommodity),
                commodities: commodities, byID: byID, declares: declares, place: { [places] in places.element(link.id, $0) },
                reportsAccepts: true)
        }
        for (index, scenario) in network.scenarios.enumerated() {
            checkScenario(index, scenario, network, commodities: commodities, byID: byID)
        }
    }

    /// The commodities in every one of the lists, in the first list's order; `nil` lists accept everything.
    private static func intersection(_ lists: [String]?...) -> [String]? {
        let given = lists.compactMap { $0 }
        guard var result = given.first else { return nil }
        for list in given.dropFirst() { result = result.filter(list.contains) }
        return result
    }

    /// The commodity-related state of one element, as the file or a scenario leaves it.
    private struct Subject {
        let id: String
        /// `nil` for a node.
        let mode: LinkMode?
        /// What passes: for a link, what it and both its ends accept (limits are checked against this).
        let accepts: [String]?
        /// What the element itself lists (its per-commodity terms are checked against this).
        let ownAccepts: [String]?
        let limits: [CapacityLimit]
        let reverseLimits: [CapacityLimit]?
        let terms: [CommodityTerms]
    }

    /// Reports limits that an accepted commodity cannot be counted in, limits that bind nothing, and
    /// per-commodity terms for commodities the element refuses. `place` maps a key path below the element
    /// (`["capacity", "trains"]`) to where the value that decides it was written, or `nil` when it was not
    /// written there (a scenario reports only what it changes).
    private mutating func checkElement(
        _ subject: Subject, commodities: [Commodity], byID: [String: Commodity], declares: Bool,
        place: ([String]) -> CommodityPlaces.Place?, reportsAccepts: Bool
    ) {
        let accepted = subject.accepts.map { $0.compactMap { byID[$0] } } ?? commodities
        for (key, limits) in [("capacity", subject.limits), ("reverseCapacity", subject.reverseLimits ?? [])] {
            for limit in limits {
                let name = limit.measure.name(networkUnit: networkUnit)
                guard let message = problem(with: limit, mode: subject.mode, accepted: accepted, declares: declares) else { continue }
                if let at = place([key, name]) ?? place([key]) {
                    report(at.path, at: at.offset, message)
                } else if !reportsAccepts, let at = place(["accepts"]) {
                    // The element's own limit, made wrong by what the scenario lets through.
                    report(
                        at.path, at: at.offset,
                        "with this list, the element's \(key) limit in \(quoted(name)) fails: \(message); "
                            + "change the list, or override \(quoted(key)) in this scenario too")
                }
            }
        }
        let listed = subject.ownAccepts.map { $0.compactMap { byID[$0] } } ?? commodities
        for terms in subject.terms where !listed.contains(where: { $0.id == terms.commodity }) {
            guard let at = place(["perCommodity", terms.commodity]) else { continue }
            report(at.path, at: at.offset, "commodity \(quoted(terms.commodity)) is not accepted here, so it has no terms here")
        }
    }

    private func problem(with limit: CapacityLimit, mode: LinkMode?, accepted: [Commodity], declares: Bool) -> String? {
        switch limit.measure {
        case .trains:
            if mode == .road { return "a road link carries no trains; give its capacity in \"vehicles\"" }
            if !declares { return "the network declares no commodities, so no train load is known" }
            if let missing = accepted.first(where: { $0.perTrain == nil }) {
                return "commodity \(quoted(missing.id)) has no \"perTrain\"; give it one, or leave it out of what this element accepts"
            }
        case .vehicles:
            if mode == .rail { return "a rail link carries no road vehicles; give its capacity in \"trains\"" }
            if !declares { return "the network declares no commodities, so no vehicle load is known" }
            if let missing = accepted.first(where: { $0.perVehicle == nil }) {
                return "commodity \(quoted(missing.id)) has no \"perVehicle\"; give it one, or leave it out of what this element accepts"
            }
        case .networkUnit, .unit:
            let unit = limit.measure.name(networkUnit: networkUnit)
            if accepted.isEmpty {
                return "binds nothing: no commodity can pass here (the link and its two ends accept none in common)"
            }
            if !accepted.contains(where: { $0.unit == unit }) {
                let units = Set(accepted.map(\.unit)).sorted().map(quoted).joined(separator: ", ")
                return "binds nothing: no commodity accepted here is measured in \(quoted(unit)) (they are in \(units)); "
                    + "use \"trains\", \"vehicles\" or one of those units"
            }
        }
        return nil
    }

    /// Checks what a scenario changes: each element it touches, as the scenario leaves it, and demands
    /// whose end it stops accepting their commodity.
    private mutating func checkScenario(
        _ index: Int, _ scenario: Scenario, _ network: Network, commodities: [Commodity], byID: [String: Commodity]
    ) {
        let capacity = Dictionary(scenario.capacity.map { ($0.id, $0.limits) }, uniquingKeysWith: { $1 })
        let reverse = Dictionary(scenario.reverseCapacity.map { ($0.id, $0.limits) }, uniquingKeysWith: { $1 })
        let accepts = Dictionary(scenario.accepts.map { ($0.id, $0.commodities) }, uniquingKeysWith: { $1 })
        let terms = Dictionary(scenario.perCommodity.map { ($0.id, $0.terms) }, uniquingKeysWith: { $1 })
        let touched = Set(capacity.keys).union(reverse.keys).union(accepts.keys).union(terms.keys)
        guard !touched.isEmpty else { return }
        let nodesByID = Dictionary(network.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        for node in network.nodes where touched.contains(node.id) {
            checkTermKeys(index, node.id, isNode: true)
            checkElement(
                Subject(
                    id: node.id, mode: nil, accepts: accepts[node.id] ?? node.accepts, ownAccepts: accepts[node.id] ?? node.accepts,
                    limits: capacity[node.id] ?? node.limits,
                    reverseLimits: nil, terms: CommodityTerms.merging(node.perCommodity, terms[node.id] ?? [])),
                commodities: commodities, byID: byID, declares: network.declaresCommodities,
                place: { [places] in Self.scenarioPlace(places, index, node.id, $0) },
                reportsAccepts: accepts[node.id] == nil)
        }
        for link in network.links where touched.contains(link.id) {
            checkTermKeys(index, link.id, isNode: false)
            let limits = capacity[link.id] ?? link.limits
            let nodeAccepts = { (id: String) in accepts[id] ?? nodesByID[id]?.accepts }
            checkElement(
                Subject(
                    id: link.id, mode: link.mode,
                    accepts: Self.intersection(accepts[link.id] ?? link.accepts, nodeAccepts(link.from), nodeAccepts(link.to)),
                    ownAccepts: accepts[link.id] ?? link.accepts,
                    limits: limits,
                    reverseLimits: reverse[link.id] ?? (capacity[link.id] != nil ? nil : link.reverseLimits),
                    terms: CommodityTerms.merging(link.perCommodity, terms[link.id] ?? [])),
                commodities: commodities, byID: byID, declares: network.declaresCommodities,
                place: { [places] in Self.scenarioPlace(places, index, link.id, $0) },
                reportsAccepts: accepts[link.id] == nil)
        }
        for demand in network.demands {
            let commodity = demand.commodity ?? commodities[0].id
            for (role, nodeID) in [("starts", demand.origin), ("ends", demand.destination)] {
                guard let list = accepts[nodeID], !list.contains(commodity),
                    let at = places.scenario(index, "accepts", nodeID)
                else { continue }
                report(
                    at.path, at: at.offset,
                    "leaves out commodity \(quoted(commodity)), but demand \(quoted(demand.id)) \(role) at \(quoted(nodeID)); "
                        + "disable the node instead, or change the demand")
            }
        }
    }

    /// Where a scenario wrote the value that decides a key path below an element: its capacity or
    /// reverse-capacity override (down to the measure), or its per-commodity terms; an `accepts` override
    /// answers for any of them.
    private static func scenarioPlace(
        _ places: CommodityPlaces, _ index: Int, _ id: String, _ keys: [String]
    ) -> CommodityPlaces.Place? {
        guard let key = keys.first else { return nil }
        return places.scenario(index, [key, id] + keys.dropFirst())
    }

    /// A scenario's per-commodity terms use a node's keys for a node and a link's for a link.
    private mutating func checkTermKeys(_ index: Int, _ id: String, isNode: Bool) {
        let wrong = isNode ? ["cost", "hours"] : ["handlingCost", "dwellHours"]
        let right = isNode ? "handlingCost and dwellHours" : "cost and hours"
        for commodityKey in places.scenarioKeys(index, under: ["perCommodity", id]) {
            for key in wrong {
                guard let at = places.scenario(index, "perCommodity", id, commodityKey, key) else { continue }
                report(at.path, at: at.offset, "a \(isNode ? "node" : "link") takes \(right) per commodity")
            }
        }
    }
}

