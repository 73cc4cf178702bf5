/// Checks a parsed `corridor-network/1` document against the format (networks/FORMAT.md) and
/// builds the ``Network``, collecting every problem rather than stopping at the first.
///
/// Two passes: the first checks each element's keys, types and ranges and records every id and
/// every reference with its offset; the second resolves references and finds duplicate ids (the
/// earlier one in the file is "first"). Problems are sorted by byte offset at the end, so they come
/// out in file order whatever the pass that found them.
struct NetworkValidator {
    static let maximumIDLength = 200

    enum Category: String {
        case node, link, demand, scenario, commodity, uncertainty
    }

    /// An object's members; lookups find the first member with a key (duplicates and unknown keys
    /// are reported when the object is checked). Objects have a dozen keys at most, so a linear
    /// search over the members' storage beats hashing and iterators, which cost most in debug builds.
    struct Fields {
        let path: JSONPath
        let members: [JSONMember]
        subscript(key: String) -> JSONTree? {
            members.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return nil }
                for index in 0..<buffer.count where base[index].key == key { return base[index].value }
                return nil
            }
        }
    }

    /// The keys an object may have, required ones first (the order of "allowed here" lists).
    struct Keys {
        let required: [String]
        let allowed: [String]

        init(required: [String], optional: [String]) {
            self.required = required
            allowed = required + optional
        }

        func allows(_ key: String) -> Bool {
            allowed.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return false }
                for index in 0..<buffer.count where base[index] == key { return true }
                return false
            }
        }

        static let network = Keys(
            required: ["format", "name", "unit", "period", "currency", "nodes"],
            optional: ["valueOfTimePerHour", "unservedPenalty", "commodities", "links", "demands", "scenarios", "uncertainty", "meta"])
        static let commodity = Keys(
            required: ["id", "unit"],
            optional: ["name", "valueOfTimePerHour", "unservedPenalty", "perTrain", "perVehicle", "meta"])
        static let node = Keys(
            required: ["id", "kind"],
            optional: [
                "name", "country", "lat", "lon", "capacity", "handlingCost", "dwellHours", "accepts", "perCommodity",
                "status", "meta",
            ])
        static let link = Keys(
            required: ["id", "from", "to", "mode"],
            optional: [
                "name", "lengthKm", "hours", "cost", "capacity", "reverseCapacity", "bidirectional", "accepts",
                "perCommodity", "status", "meta",
            ])
        static let demand = Keys(
            required: ["id", "origin", "destination", "quantity"], optional: ["commodity", "unservedPenalty", "meta"])
        static let scenario = Keys(
            required: ["id"],
            optional: [
                "name", "enable", "disable", "capacity", "cost", "demand", "demandScale", "reverseCapacity", "hours",
                "dwellHours", "accepts", "perCommodity", "commodityScale", "meta",
            ])
        static let nodeTerms = Keys(required: [], optional: ["handlingCost", "dwellHours"])
        static let linkTerms = Keys(required: [], optional: ["cost", "hours"])
        static let anyTerms = Keys(required: [], optional: ["handlingCost", "dwellHours", "cost", "hours"])
    }

    private struct Declaration {
        let id: String
        let category: Category
        let path: JSONPath
        let offset: Int
    }

    struct Reference {
        let id: String
        let allowed: [Category]
        /// The referring value's path, as its parent and last step (built only if reported).
        let parent: JSONPath
        let step: JSONPath.Component
        let offset: Int
        var path: JSONPath { JSONPath(components: parent.components + [step]) }
    }

    private(set) var problems: [(offset: Int, diagnostic: Diagnostic)] = []
    /// The network's unit, once read: what a capacity key equal to it measures.
    var networkUnit = ""
    /// Where commodity-dependent values sit, for the checks that need the whole network
    /// (`NetworkValidator+Commodities.swift`).
    var places = CommodityPlaces()
    private var declarations: [Declaration] = []
    var references: [Reference] = []
    /// The version of the file's format (1 until its `format` says otherwise).
    var formatVersion = 1
    /// Each scenario's `reverseCapacity` object, in file order, for the check that its links are two-way.
    private var reverseCapacityPlaces: [(path: JSONPath, tree: JSONTree)?] = []
    /// Where each scenario, in file order, gives its `demandScale` (nil where it does not).
    private var demandScalePlaces: [(path: JSONPath, offset: Int)?] = []
    /// Each uncertain capacity's `direction`, with its element, for the check that the element is a link.
    var directionPlaces: [(element: String, direction: UncertainInput.LinkDirection, path: JSONPath, offset: Int)] = []
    /// Kinds of element with an id that could not be read (a section that is not an array, an
    /// element that is not an object, a bad id): "unknown id" reports about them would mostly be
    /// echoes of the problem already reported, so they are left out.
    var unresolvable: Set<Category> = []
    /// Allowed keys that an unknown key was taken for, so a misspelt section counts as unreadable.
    private var suggestedKeys: Set<String> = []
    let describeOffset: (Int) -> String

    /// - Parameter describeOffset: renders a byte offset for messages, e.g. `line 14, column 7`.
    init(describeOffset: @escaping (Int) -> String) {
        self.describeOffset = describeOffset
    }

    /// Every problem found by ``validate(_:)``, in file order.
    var diagnostics: [Diagnostic] {
        problems.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map(\.element.diagnostic)
    }

    /// The network, or `nil` when ``diagnostics`` is not empty.
    ///
    /// Element readers return `nil` only when a required piece is unusable; an optional value that
    /// fails its check falls back to its default, which is harmless because any report at all means
    /// no network is returned.
    mutating func validate(_ root: JSONTree) -> Network? {
        let network = readNetwork(root)
        resolveIdentifiers()
        if problems.isEmpty, let network {
            checkScaledQuantities(network)
            checkReverseCapacityOverrides(network)
            checkCommodities(network)
            checkUncertainDirections(network)
        }
        return problems.isEmpty ? network : nil
    }

    /// A key of format /2 in a /1 file is refused where it is; returns whether the file may use it.
    @discardableResult
    mutating func requireVersion2(_ fields: Fields, _ key: String) -> Bool {
        guard formatVersion < 2 else { return true }
        if let tree = fields[key] {
            report(
                fields.path.appending(key), at: tree.offset,
                "needs \"format\": \"\(Network.formatTags[1])\" (this file is \(Network.formatTags[0]))")
        }
        return false
    }

    /// Every scenario's reverse-capacity override names a bidirectional link.
    private mutating func checkReverseCapacityOverrides(_ network: Network) {
        let twoWay = Set(network.links.filter(\.bidirectional).map(\.id))
        for place in reverseCapacityPlaces {
            guard let place, case .object(let members) = place.tree.value else { continue }
            for member in members where !twoWay.contains(member.key) {
                report(
                    place.path.appending(member.key), at: member.keyOffset,
                    "link \(quoted(member.key)) is one-way; only a bidirectional link has a reverse direction")
            }
        }
    }

    /// Every scenario's quantities, after its overrides, `demandScale` and `commodityScale`, within
    /// ``ModelLimits/quantity``; reported at the scale that takes the largest past the limit.
    private mutating func checkScaledQuantities(_ network: Network) {
        let defaultCommodity = network.commodities[0].id
        for (index, (scenario, place)) in zip(network.scenarios, demandScalePlaces).enumerated() {
            let overrides = Dictionary(scenario.demand.map { ($0.id, $0.value) }, uniquingKeysWith: { $1 })
            let commodityScale = Dictionary(scenario.commodityScale.map { ($0.id, $0.value) }, uniquingKeysWith: { $1 })
            guard place != nil || !commodityScale.isEmpty else { continue }
            func scaled(_ demand: Demand) -> Double {
                (overrides[demand.id] ?? demand.quantity) * scenario.demandScale
                    * (commodityScale[demand.commodity ?? defaultCommodity] ?? 1)
            }
            guard let largest = network.demands.max(by: { scaled($0) < scaled($1) }), scaled(largest) > ModelLimits.quantity
            else { continue }
            let commodity = largest.commodity ?? defaultCommodity
            let at = commodityScale[commodity] != nil
                ? places.scenario(index, "commodityScale", commodity).map { ($0.path, $0.offset) } : place
            guard let at else { continue }
            report(
                at.0, at: at.1,
                "makes demand \(quoted(largest.id)) \(JSONValue.format(scaled(largest))), above the limit of "
                    + "\(ModelLimits.written(ModelLimits.quantity)) for a quantity")
        }
    }

    // MARK: - Elements

    private mutating func readNetwork(_ root: JSONTree) -> Network? {
        guard let fields = fields(of: root, at: .root, keys: .network) else { return nil }
        if let format = string(fields, "format"), let tree = fields["format"] {
            if let index = Network.formatTags.firstIndex(of: format) {
                formatVersion = index + 1
            } else {
                let tags = Network.formatTags.map { "\"\($0)\"" }.joined(separator: " or ")
                report(
                    fields.path.appending("format"), at: tree.offset,
                    "expected \(tags), found \(JSONValue.string(format).serialized(indent: nil))")
            }
        }
        let name = text(fields, "name")
        let unit = text(fields, "unit")
        networkUnit = unit ?? ""
        let period = text(fields, "period")
        let currency = text(fields, "currency")
        let valueOfTime = number(fields, "valueOfTimePerHour", atMost: ModelLimits.valueOfTimePerHour) ?? 0
        let penalty = number(fields, "unservedPenalty", atMost: ModelLimits.unitCost) ?? Network.defaultUnservedPenalty
        requireVersion2(fields, "commodities")
        let commodities = elements(fields, "commodities", of: .commodity) { validator, tree, path in
            validator.readCommodity(tree, at: path)
        }
        if let tree = fields["commodities"], case .array(let items) = tree.value, items.isEmpty {
            report(
                fields.path.appending("commodities"), at: tree.offset,
                "lists no commodity; declare at least one, or leave the key out (and every reference to a commodity) "
                    + "for one implicit commodity in the network's unit")
            unresolvable.insert(.commodity)
        }
        let nodes = elements(fields, "nodes", of: .node) { validator, tree, path in validator.readNode(tree, at: path) }
        let links = elements(fields, "links", of: .link) { validator, tree, path in validator.readLink(tree, at: path) }
        let demands = elements(fields, "demands", of: .demand) { validator, tree, path in
            validator.readDemand(tree, at: path)
        }
        let scenarios = elements(fields, "scenarios", of: .scenario) { validator, tree, path in
            validator.readScenario(tree, at: path)
        }
        requireVersion2(fields, "uncertainty")
        let uncertainty = elements(fields, "uncertainty", of: .uncertainty) { validator, tree, path in
            validator.readUncertainInput(tree, at: path)
        }
        let meta = self.meta(fields)
        guard let name, let unit, let period, let currency, let commodities, let nodes, let links, let demands,
            let scenarios, let uncertainty
        else { return nil }
        return Network(
            name: name, unit: unit, period: period, currency: currency, valueOfTimePerHour: valueOfTime,
            unservedPenalty: penalty, commodities: commodities, nodes: nodes, links: links, demands: demands, scenarios: scenarios,
            uncertainty: uncertainty, meta: meta, formatVersion: formatVersion)
    }

    /// The elements of an optional array (missing is empty); `nil` when anything in it is invalid.
    private mutating func elements<Element>(
        _ fields: Fields, _ key: String, of category: Category,
        read: (inout NetworkValidator, JSONTree, JSONPath) -> Element?
    ) -> [Element]? {
        guard let tree = fields[key] else {
            if suggestedKeys.contains(key) { unresolvable.insert(category) }
            return []
        }
        let path = fields.path.appending(key)
        guard case .array(let items) = tree.value else {
            report(path, at: tree.offset, "expected an array, found \(tree.typeDescription)")
            unresolvable.insert(category)
            return nil
        }
        var result: [Element] = []
        var isComplete = true
        for (index, item) in items.enumerated() {
            if case .object = item.value {} else { unresolvable.insert(category) }
            if let element = read(&self, item, path.appending(index)) {
                result.append(element)
            } else {
                isComplete = false
            }
        }
        return isComplete ? result : nil
    }

    private mutating func readNode(_ tree: JSONTree, at path: JSONPath) -> Node? {
        guard let fields = fields(of: tree, at: path, keys: .node) else { return nil }
        let id = declare(fields, as: .node)
        let name = text(fields, "name")
        let kind: NodeKind? = enumeration(fields, "kind", noun: "kind")
        let country = countryCode(fields)
        let lat = number(fields, "lat", within: -90...90)
        let lon = number(fields, "lon", within: -180...180)
        if (fields["lat"] == nil) != (fields["lon"] == nil) {
            let (present, absent) = fields["lat"] == nil ? ("lon", "lat") : ("lat", "lon")
            report(path, at: tree.offset, "has \"\(present)\" but no \"\(absent)\"; give both or neither")
        }
        let limits = capacity(fields, "capacity")
        let handlingCost = number(fields, "handlingCost", atMost: ModelLimits.unitCost) ?? 0
        let dwellHours = number(fields, "dwellHours", atMost: ModelLimits.hours) ?? 0
        let accepts = commodityList(fields, "accepts")
        let perCommodity = commodityTerms(fields, "perCommodity", keys: .nodeTerms)
        let status: ElementStatus = enumeration(fields, "status", noun: "status") ?? .existing
        let meta = self.meta(fields)
        guard let id, let kind else { return nil }
        places.record(element: id, fields: fields, offset: tree.offset)
        return Node(
            id: id, name: name, kind: kind, country: country, lat: lat, lon: lon, limits: limits ?? [],
            handlingCost: handlingCost, dwellHours: dwellHours, accepts: accepts, perCommodity: perCommodity ?? [],
            status: status, meta: meta)
    }

    private mutating func readLink(_ tree: JSONTree, at path: JSONPath) -> Link? {
        guard let fields = fields(of: tree, at: path, keys: .link) else { return nil }
        let id = declare(fields, as: .link)
        let name = text(fields, "name")
        let from = refer(fields, "from", to: [.node])
        let to = refer(fields, "to", to: [.node])
        if let from, let to, from == to, let tree = fields["to"] {
            report(
                path.appending("to"), at: tree.offset,
                "same node as \"from\" (\(quoted(from))); a link must join two different nodes")
        }
        let mode: LinkMode? = enumeration(fields, "mode", noun: "mode")
        let lengthKm = number(fields, "lengthKm") ?? 0
        let hours = number(fields, "hours", atMost: ModelLimits.hours) ?? 0
        let cost = number(fields, "cost", atMost: ModelLimits.unitCost) ?? 0
        let limits = capacity(fields, "capacity")
        let reverseLimits = capacity(fields, "reverseCapacity")
        let bidirectional = boolean(fields, "bidirectional") ?? false
        if let tree = fields["reverseCapacity"], requireVersion2(fields, "reverseCapacity"), !bidirectional {
            report(
                path.appending("reverseCapacity"), at: tree.offset,
                "only a bidirectional link has a reverse direction; add \"bidirectional\": true or drop the key")
        }
        let accepts = commodityList(fields, "accepts")
        let perCommodity = commodityTerms(fields, "perCommodity", keys: .linkTerms)
        let status: ElementStatus = enumeration(fields, "status", noun: "status") ?? .existing
        let meta = self.meta(fields)
        guard let id, let from, let to, let mode else { return nil }
        places.record(element: id, fields: fields, offset: tree.offset)
        return Link(
            id: id, name: name, from: from, to: to, mode: mode, lengthKm: lengthKm, hours: hours, cost: cost,
            limits: limits ?? [], reverseLimits: fields["reverseCapacity"] == nil ? nil : reverseLimits ?? [],
            bidirectional: bidirectional, accepts: accepts, perCommodity: perCommodity ?? [], status: status,
            meta: meta)
    }

    private mutating func readDemand(_ tree: JSONTree, at path: JSONPath) -> Demand? {
        guard let fields = fields(of: tree, at: path, keys: .demand) else { return nil }
        let id = declare(fields, as: .demand)
        let origin = refer(fields, "origin", to: [.node])
        let destination = refer(fields, "destination", to: [.node])
        if let origin, let destination, origin == destination, let tree = fields["destination"] {
            report(
                path.appending("destination"), at: tree.offset,
                "same node as \"origin\" (\(quoted(origin))); a demand must go somewhere else")
        }
        let quantity = number(fields, "quantity", atMost: ModelLimits.quantity, isRequired: true)
        let penalty = number(fields, "unservedPenalty", atMost: ModelLimits.unitCost)
        let commodity = requireVersion2(fields, "commodity") ? refer(fields, "commodity", to: [.commodity]) : nil
        let meta = self.meta(fields)
        guard let id, let origin, let destination, let quantity else { return nil }
        places.record(element: id, fields: fields, offset: tree.offset)
        return Demand(
            id: id, origin: origin, destination: destination, quantity: quantity, commodity: commodity,
            unservedPenalty: penalty, meta: meta)
    }

    private mutating func readScenario(_ tree: JSONTree, at path: JSONPath) -> Scenario? {
        guard let fields = fields(of: tree, at: path, keys: .scenario) else { return nil }
        let id = declare(fields, as: .scenario)
        if id == Scenario.baselineID, let tree = fields["id"] {
            report(
                path.appending("id"), at: tree.offset,
                "\"\(Scenario.baselineID)\" is reserved for the base network; choose another id")
        }
        let name = text(fields, "name")
        let enable = idList(fields, "enable")
        let disable = idList(fields, "disable")
        let capacity = capacityOverrides(fields, "capacity")
        let cost = overrides(fields, "cost", of: [.link], allowsNull: false, atMost: ModelLimits.unitCost)
        let demand = overrides(fields, "demand", of: [.demand], allowsNull: false, atMost: ModelLimits.quantity)
        let demandScale = number(fields, "demandScale") ?? 1
        demandScalePlaces.append(fields["demandScale"].map { (path.appending("demandScale"), $0.offset) })
        for key in ["reverseCapacity", "hours", "dwellHours", "accepts", "perCommodity", "commodityScale"]
        where fields[key] != nil { requireVersion2(fields, key) }
        let reverseCapacity = capacityOverrides(fields, "reverseCapacity", of: [.link])
        reverseCapacityPlaces.append(fields["reverseCapacity"].map { (path.appending("reverseCapacity"), $0) })
        let hours = overrides(fields, "hours", of: [.link], allowsNull: false, atMost: ModelLimits.hours)
        let dwellHours = overrides(fields, "dwellHours", of: [.node], allowsNull: false, atMost: ModelLimits.hours)
        let accepts = acceptsOverrides(fields)
        let perCommodity = termsOverrides(fields)
        let commodityScale =
            formatVersion < 2 ? [] : overrides(fields, "commodityScale", of: [.commodity], allowsNull: false, atMost: ModelLimits.magnitude)
        let meta = self.meta(fields)
        places.record(scenario: fields)
        guard let id, let enable, let disable, let capacity, let cost, let demand, let reverseCapacity, let hours,
            let dwellHours, let accepts, let perCommodity, let commodityScale
        else { return nil }
        func values(_ entries: [(id: String, value: Double?)]) -> [ValueOverride] {
            entries.compactMap { entry in entry.value.map { ValueOverride(id: entry.id, value: $0) } }
        }
        return Scenario(
            id: id, name: name, enable: enable, disable: disable,
            capacity: capacity,
            cost: cost.compactMap { entry in entry.value.map { ValueOverride(id: entry.id, value: $0) } },
            demand: demand.compactMap { entry in entry.value.map { ValueOverride(id: entry.id, value: $0) } },
            demandScale: demandScale, reverseCapacity: reverseCapacity, hours: values(hours),
            dwellHours: values(dwellHours), accepts: accepts, perCommodity: perCommodity,
            commodityScale: values(commodityScale), meta: meta)
    }

    // MARK: - Objects and keys

    /// The object's members by key, after reporting a non-object, duplicate keys, unknown keys (with
    /// the closest allowed key) and missing required keys.
    mutating func fields(
        of tree: JSONTree, at path: JSONPath, keys: Keys
    ) -> Fields? {
        let place = path.components.isEmpty ? " at the top level" : ""
        guard case .object(let members) = tree.value else {
            report(path, at: tree.offset, "expected an object\(place), found \(tree.typeDescription)")
            return nil
        }
        let allowed = keys.allowed
        // Well-formed objects have a dozen keys: a quadratic scan for duplicates is cheapest there,
        // and a hostile object with thousands of keys gets a hash table instead.
        var firstOffsets: [String: Int]? = members.count > 32 ? [:] : nil
        for (index, member) in members.enumerated() {
            var firstOffset: Int?
            if firstOffsets != nil {
                firstOffset = firstOffsets?[member.key]
                if firstOffset == nil { firstOffsets?[member.key] = member.keyOffset }
            } else {
                var earlier = 0
                while earlier < index, members[earlier].key != member.key { earlier += 1 }
                if earlier < index { firstOffset = members[earlier].keyOffset }
            }
            if let firstOffset {
                report(
                    path.appending(member.key), at: member.keyOffset,
                    "duplicate key; first given at \(describeOffset(firstOffset))")
            } else if !keys.allows(member.key) {
                if let suggestion = Suggestion.closest(to: member.key, among: allowed) {
                    suggestedKeys.insert(suggestion)
                    report(path.appending(member.key), at: member.keyOffset, "unknown key", suggestion: suggestion)
                } else {
                    report(
                        path.appending(member.key), at: member.keyOffset,
                        "unknown key; allowed here: " + allowed.joined(separator: ", "))
                }
            }
        }
        let fields = Fields(path: path, members: members)
        for key in keys.required where fields[key] == nil {
            report(path, at: tree.offset, "missing required key \"\(key)\"\(place)")
        }
        return fields
    }

    /// `meta` is free-form, but it must be an object and, like everything else, free of duplicate keys.
    mutating func meta(_ fields: Fields) -> JSONValue? {
        guard let tree = fields["meta"] else { return nil }
        let path = fields.path.appending("meta")
        guard case .object = tree.value else {
            report(path, at: tree.offset, "expected an object, found \(tree.typeDescription)")
            return nil
        }
        reportDuplicateKeys(in: tree, at: path)
        return tree.plainValue
    }

    private mutating func reportDuplicateKeys(in tree: JSONTree, at path: JSONPath) {
        switch tree.value {
        case .array(let items):
            for (index, item) in items.enumerated() { reportDuplicateKeys(in: item, at: path.appending(index)) }
        case .object(let members):
            var keyOffsets: [String: Int] = [:]
            for member in members {
                if let first = keyOffsets[member.key] {
                    report(
                        path.appending(member.key), at: member.keyOffset,
                        "duplicate key; first given at \(describeOffset(first))")
                } else {
                    keyOffsets[member.key] = member.keyOffset
                }
                reportDuplicateKeys(in: member.value, at: path.appending(member.key))
            }
        default:
            break
        }
    }

    // MARK: - Values

    private mutating func string(_ fields: Fields, _ key: String) -> String? {
        guard let tree = fields[key] else { return nil }
        guard case .string(let value) = tree.value else {
            report(fields.path.appending(key), at: tree.offset, "expected a string, found \(tree.typeDescription)")
            return nil
        }
        if value.containsControlCharacters {
            report(
                fields.path.appending(key), at: tree.offset,
                "must not contain control characters, found \"\(value.escapingControlCharacters)\"")
            return nil
        }
        return value
    }

    /// A string that must say something: names, units, currencies.
    mutating func text(_ fields: Fields, _ key: String) -> String? {
        guard let value = string(fields, key), let tree = fields[key] else { return nil }
        if value.allSatisfy(\.isWhitespace) {
            report(fields.path.appending(key), at: tree.offset, "must not be empty")
            return nil
        }
        return value
    }

    mutating func boolean(_ fields: Fields, _ key: String) -> Bool? {
        guard let tree = fields[key] else { return nil }
        guard case .bool(let value) = tree.value else {
            report(
                fields.path.appending(key), at: tree.offset, "expected true or false, found \(tree.typeDescription)")
            return nil
        }
        return value
    }

    /// A finite number of magnitude at most `limit` (``ModelLimits``), non-negative unless `range` says otherwise.
    /// A `null` for an optional key is told to leave the key out; a required one (`isRequired`) is not.
    mutating func number(
        _ fields: Fields, _ key: String, within range: ClosedRange<Double>? = nil,
        atMost limit: Double = ModelLimits.magnitude, isRequired: Bool = false
    ) -> Double? {
        guard let tree = fields[key] else { return nil }
        return number(
            tree, at: fields.path.appending(key), within: range, allowsNull: false, atMost: limit,
            suggestsOmission: !isRequired) ?? nil
    }

    /// Checks one number; `.some(nil)` is an accepted `null`, `nil` a rejected value.
    mutating func number(
        _ tree: JSONTree, at path: @autoclosure () -> JSONPath, within range: ClosedRange<Double>?,
        allowsNull: Bool, atMost limit: Double = ModelLimits.magnitude, suggestsOmission: Bool = true
    ) -> Double?? {
        if allowsNull, case .null = tree.value { return .some(nil) }
        guard case .number(let value, let literal) = tree.value else {
            let expected = allowsNull ? "a number or null" : "a number"
            let hint = !allowsNull && suggestsOmission && tree.typeDescription == "null" ? " (leave the key out instead)" : ""
            report(path(), at: tree.offset, "expected \(expected), found \(tree.typeDescription)\(hint)")
            return nil
        }
        if !value.isFinite || abs(value) > limit {
            report(
                path(), at: tree.offset,
                "\(literal ?? JSONValue.format(value)) is too large (the limit here is \(ModelLimits.written(limit)))")
            return nil
        }
        if let range {
            if !range.contains(value) {
                let bounds = "\(JSONValue.format(range.lowerBound)) and \(JSONValue.format(range.upperBound))"
                report(path(), at: tree.offset, "must be between \(bounds), found \(JSONValue.format(value))")
                return nil
            }
        } else if value < 0 {
            report(path(), at: tree.offset, "must not be negative, found \(JSONValue.format(value))")
            return nil
        }
        return .some(value)
    }

    private mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ fields: Fields, _ key: String, noun: String
    ) -> Value? where Value.RawValue == String {
        guard let raw = string(fields, key), let tree = fields[key] else { return nil }
        if let value = Value(rawValue: raw) { return value }
        let choices = Value.allCases.map(\.rawValue)
        let path = fields.path.appending(key)
        if let suggestion = Suggestion.closest(to: raw, among: choices) {
            report(path, at: tree.offset, "unknown \(noun) \(quoted(raw))", suggestion: suggestion)
        } else {
            report(
                path, at: tree.offset,
                "unknown \(noun) \(quoted(raw)); expected one of " + choices.joined(separator: ", "))
        }
        return nil
    }

    private mutating func countryCode(_ fields: Fields) -> String? {
        guard let code = string(fields, "country"), let tree = fields["country"] else { return nil }
        let isCode = code.unicodeScalars.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        guard isCode else {
            let upper = code.uppercased()
            let fixable =
                upper.unicodeScalars.count == 2 && upper.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
            report(
                fields.path.appending("country"), at: tree.offset,
                "expected a two-letter ISO 3166-1 country code in capitals, found \(quoted(code))",
                suggestion: fixable ? upper : nil)
            return nil
        }
        return code
    }

    // MARK: - Identifiers and references

    /// Checks the form of an id; `nil` when it is not a usable id.
    mutating func identifier(_ tree: JSONTree, at path: @autoclosure () -> JSONPath) -> String? {
        guard case .string(let id) = tree.value else {
            report(path(), at: tree.offset, "expected a string, found \(tree.typeDescription)")
            return nil
        }
        if id.isEmpty {
            report(path(), at: tree.offset, "must not be empty")
            return nil
        }
        if id.containsControlCharacters {
            report(path(), at: tree.offset, "must not contain control characters, found \"\(id.escapingControlCharacters)\"")
            return nil
        }
        if id.count > NetworkValidator.maximumIDLength {
            report(
                path(), at: tree.offset,
                "is \(id.count) characters long; ids have at most \(NetworkValidator.maximumIDLength)")
            return nil
        }
        return id
    }

    mutating func declare(_ fields: Fields, as category: Category) -> String? {
        guard let tree = fields["id"], let id = identifier(tree, at: fields.path.appending("id")) else {
            unresolvable.insert(category)
            return nil
        }
        declarations.append(Declaration(id: id, category: category, path: fields.path, offset: tree.offset))
        return id
    }

    mutating func refer(_ fields: Fields, _ key: String, to allowed: [Category]) -> String? {
        guard let tree = fields[key], let id = identifier(tree, at: fields.path.appending(key)) else { return nil }
        references.append(
            Reference(id: id, allowed: allowed, parent: fields.path, step: .key(key), offset: tree.offset))
        return id
    }

    private mutating func idList(_ fields: Fields, _ key: String) -> [String]? {
        guard let tree = fields[key] else { return [] }
        let path = fields.path.appending(key)
        guard case .array(let items) = tree.value else {
            report(path, at: tree.offset, "expected an array of ids, found \(tree.typeDescription)")
            return nil
        }
        var ids: [String] = []
        for (index, item) in items.enumerated() {
            guard let id = identifier(item, at: path.appending(index)) else { continue }
            references.append(
                Reference(id: id, allowed: [.node, .link], parent: path, step: .index(index), offset: item.offset))
            ids.append(id)
        }
        return ids.count == items.count ? ids : nil
    }

    /// An `id → number` map in file order; `null` values only where `allowsNull`.
    private mutating func overrides(
        _ fields: Fields, _ key: String, of allowed: [Category], allowsNull: Bool, atMost limit: Double
    ) -> [(id: String, value: Double?)]? {
        guard let tree = fields[key] else { return [] }
        let path = fields.path.appending(key)
        guard case .object(let members) = tree.value else {
            report(path, at: tree.offset, "expected an object mapping ids to numbers, found \(tree.typeDescription)")
            return nil
        }
        var entries: [(id: String, value: Double?)] = []
        var keyOffsets: [String: Int] = [:]
        var isComplete = true
        for member in members {
            if let first = keyOffsets[member.key] {
                report(
                    path.appending(member.key), at: member.keyOffset,
                    "duplicate key; first given at \(describeOffset(first))")
                isComplete = false
                continue
            }
            keyOffsets[member.key] = member.keyOffset
            let keyTree = JSONTree(value: .string(member.key), offset: member.keyOffset)
            if let id = identifier(keyTree, at: path.appending(member.key)) {
                references.append(
                    Reference(id: id, allowed: allowed, parent: path, step: .key(member.key), offset: member.keyOffset))
            } else {
                isComplete = false
            }
            if let value = number(
                member.value, at: path.appending(member.key), within: nil, allowsNull: allowsNull, atMost: limit)
            {
                entries.append((member.key, value))
            } else {
                isComplete = false
            }
        }
        return isComplete ? entries : nil
    }

    /// Reports duplicate ids (across all four kinds of element) and references to ids that do not
    /// exist or name the wrong kind of element.
    private mutating func resolveIdentifiers() {
        var first: [String: Declaration] = [:]
        var idsByCategory: [Category: [String]] = [:]
        for declaration in declarations.sorted(by: { $0.offset < $1.offset }) {
            if let earlier = first[declaration.id] {
                report(
                    declaration.path.appending("id"), at: declaration.offset,
                    "duplicate id \(quoted(declaration.id)); \(earlier.path) already has it")
            } else {
                first[declaration.id] = declaration
                idsByCategory[declaration.category, default: []].append(declaration.id)
            }
        }
        for reference in references {
            let noun = reference.allowed.map(\.rawValue).joined(separator: " or ")
            if let target = first[reference.id] {
                if !reference.allowed.contains(target.category) {
                    report(
                        reference.path, at: reference.offset,
                        "\(quoted(reference.id)) is a \(target.category.rawValue), not a \(noun)")
                }
                continue
            }
            if reference.allowed.contains(where: unresolvable.contains) { continue }
            let candidates = reference.allowed.flatMap { idsByCategory[$0] ?? [] }
            report(
                reference.path, at: reference.offset, "unknown \(noun) \(quoted(reference.id))",
                suggestion: Suggestion.closest(to: reference.id, among: candidates))
        }
    }

    // MARK: - Reporting

    /// Records a problem; the path is an autoclosure because building paths for the values that
    /// pass would cost more than all the checks together.
    mutating func report(
        _ path: @autoclosure () -> JSONPath, at offset: Int, _ message: String, suggestion: String? = nil
    ) {
        problems.append((offset, Diagnostic(path: path().description, message: message, suggestion: suggestion)))
    }

    func quoted(_ text: String) -> String { JSONValue.string(text).serialized(indent: nil) }
}
