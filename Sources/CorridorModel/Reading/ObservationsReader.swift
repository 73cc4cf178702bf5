/// Reads `corridor-observations/1` files (networks/FORMAT.md "Observations") against the network they
/// describe: every key, type and range is checked, and every id must name an element, demand, scenario
/// or commodity of that network. Problems are reported all at once, located like a network's.
public enum ObservationsReader {
    /// The value of the file's `"format"` key.
    public static let formatTag = "corridor-observations/1"
    /// The tolerance of a row that states none, in per cent.
    public static let defaultTolerancePercent = 15.0
    /// The smallest `observed` figure: errors are in per cent of it, so it must be a number that
    /// divides sensibly (no 0, no subnormal such as 1e-320).
    public static let smallestObserved = 1e-9

    /// Reads and checks the observations file at `path` against `network`.
    public static func read(path: String, for network: Network) throws(NetworkValidationError) -> Observations {
        try CheckedJSONFile.read(path: path) { bytes, source throws(NetworkValidationError) in
            try read(bytes: bytes, source: source, for: network)
        }
    }

    /// Reads and checks observations from the bytes of a file; `source` names the file in messages.
    public static func read(bytes: [UInt8], source: String, for network: Network) throws(NetworkValidationError)
        -> Observations
    {
        try CheckedJSONFile.check(bytes: bytes, source: source) { tree, checker in
            var reader = Reader(network: network, checker: checker)
            let rows = reader.document(tree)
            checker = reader.checker
            return rows.map { Observations(source: source, rows: $0) }
        }
    }
}

/// The checks of one file; the network validator lends its key, number and text checks and its report.
private struct Reader {
    typealias Keys = NetworkValidator.Keys
    typealias Fields = NetworkValidator.Fields

    static let document = Keys(required: ["format", "observations"], optional: ["tolerancePercent", "meta"])
    static let row = Keys(
        required: ["id", "name", "observed", "unit", "source"],
        optional: [
            "scenario", "scenarios", "tolerancePercent", "judged", "note", "flow", "share", "transitDays", "costPerUnit", "meta",
        ])
    static let measures = ["flow", "share", "transitDays", "costPerUnit"]
    static let flow = Keys(required: [], optional: ["nodes", "links", "count", "commodities", "weights", "periods"])
    static let share = Keys(required: ["part", "whole"], optional: [])
    static let passage = Keys(required: ["id"], optional: ["direction"])
    static let state = Keys(required: ["id", "weight"], optional: [])

    let network: Network
    var checker: NetworkValidator
    private let nodeIDs: Set<String>
    private let links: [String: Link]
    private let demandIDs: Set<String>
    private let scenarioIDs: Set<String>
    private let commodities: [String: Commodity]
    private var rowIDs: [String: Int] = [:]

    init(network: Network, checker: NetworkValidator) {
        self.network = network
        self.checker = checker
        nodeIDs = Set(network.nodes.map(\.id))
        links = Dictionary(network.links.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        demandIDs = Set(network.demands.map(\.id))
        scenarioIDs = Set(network.scenarios.map(\.id) + [Scenario.baselineID])
        commodities = Dictionary(network.commodities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func document(_ tree: JSONTree) -> [Observation]? {
        guard let fields = checker.fields(of: tree, at: .root, keys: Self.document) else { return nil }
        if let format = fields["format"] {
            if case .string(let tag) = format.value, tag == ObservationsReader.formatTag {
            } else {
                checker.report(
                    JSONPath.root.appending("format"), at: format.offset,
                    "expected \"\(ObservationsReader.formatTag)\", found \(format.plainValue.serialized(indent: nil))")
            }
        }
        let tolerance =
            checker.number(fields, "tolerancePercent", within: 0...1000) ?? ObservationsReader.defaultTolerancePercent
        _ = checker.meta(fields)
        guard let list = fields["observations"] else { return nil }
        let path = JSONPath.root.appending("observations")
        guard case .array(let items) = list.value else {
            checker.report(path, at: list.offset, "expected an array, found \(list.typeDescription)")
            return nil
        }
        if items.isEmpty { checker.report(path, at: list.offset, "must list at least one observation") }
        return items.enumerated().compactMap { index, item in
            row(item, at: path.appending(index), defaultTolerance: tolerance)
        }
    }

    private mutating func row(_ tree: JSONTree, at path: JSONPath, defaultTolerance: Double) -> Observation? {
        guard let fields = checker.fields(of: tree, at: path, keys: Self.row) else { return nil }
        let id = fields["id"].flatMap { checker.identifier($0, at: path.appending("id")) }
        if let id, let idTree = fields["id"] {
            if let first = rowIDs[id] {
                checker.report(
                    path.appending("id"), at: idTree.offset,
                    "duplicate id \(checker.quoted(id)); first given at \(checker.describeOffset(first))")
            } else {
                rowIDs[id] = idTree.offset
            }
        }
        let name = checker.text(fields, "name")
        let unit = checker.text(fields, "unit")
        let source = checker.text(fields, "source")
        let note = checker.text(fields, "note")
        let observed = checker.number(fields, "observed", isRequired: true)
        if let observed, !(observed >= ObservationsReader.smallestObserved), let tree = fields["observed"] {
            checker.report(
                path.appending("observed"), at: tree.offset,
                "must be at least \(ModelLimits.written(ObservationsReader.smallestObserved)), found \(JSONValue.format(observed)): "
                    + "errors are in per cent of it")
        }
        let tolerance = checker.number(fields, "tolerancePercent", within: 0...1000) ?? defaultTolerance
        let judged = checker.boolean(fields, "judged") ?? true
        if !judged, note == nil {
            checker.report(path, at: tree.offset, "a row with \"judged\": false needs a \"note\" saying why")
        }
        _ = checker.meta(fields)
        let scenarios = states(fields, at: path)
        let given = Self.measures.filter { fields[$0] != nil }
        guard given.count == 1, let key = given.first, let measureTree = fields[key] else {
            checker.report(
                path, at: tree.offset,
                given.isEmpty
                    ? "needs one of " + Self.measures.map { "\"\($0)\"" }.joined(separator: ", ")
                    : "has " + given.map { "\"\($0)\"" }.joined(separator: " and ") + "; give exactly one measure")
            return nil
        }
        let measure: ObservedMeasure?
        switch key {
        case "flow": measure = flow(measureTree, at: path.appending(key)).map { .flow($0) }
        case "share":
            if let parts = checker.fields(of: measureTree, at: path.appending(key), keys: Self.share),
                let part = parts["part"].flatMap({ flow($0, at: path.appending(key).appending("part")) }),
                let whole = parts["whole"].flatMap({ flow($0, at: path.appending(key).appending("whole")) })
            {
                measure = .share(part: part, whole: whole)
            } else {
                measure = nil
            }
        case "transitDays": measure = reference(fields, key, among: demandIDs, noun: "demand").map { .transitDays(demand: $0) }
        default: measure = reference(fields, key, among: demandIDs, noun: "demand").map { .costPerUnit(demand: $0) }
        }
        guard let id, let name, let unit, let source, let observed, let measure, let scenarios else { return nil }
        return Observation(
            id: id, name: name, scenarios: scenarios, observed: observed, unit: unit, tolerancePercent: tolerance,
            source: source, isJudged: judged, note: note, measure: measure)
    }

    /// `"scenario": ID` (weight 1), `"scenarios": [{"id", "weight"}, …]`, or neither (the baseline).
    private mutating func states(_ fields: Fields, at path: JSONPath) -> [(id: String?, weight: Double)]? {
        switch (fields["scenario"], fields["scenarios"]) {
        case (nil, nil): return [(nil, 1)]
        case (.some, nil):
            return reference(fields, "scenario", among: scenarioIDs, noun: "scenario").map { [($0, 1)] }
        case (nil, .some(let list)):
            let place = path.appending("scenarios")
            guard case .array(let items) = list.value, !items.isEmpty else {
                checker.report(place, at: list.offset, "expected a non-empty array of {\"id\", \"weight\"}, found \(list.typeDescription)")
                return nil
            }
            var result: [(id: String?, weight: Double)] = []
            for (index, item) in items.enumerated() {
                guard let entry = checker.fields(of: item, at: place.appending(index), keys: Self.state) else { continue }
                let id = reference(entry, "id", among: scenarioIDs, noun: "scenario")
                let weight = checker.number(entry, "weight", within: 0.001...100_000, isRequired: true)
                if let id, let weight { result.append((id, weight)) }
            }
            return result.count == items.count ? result : nil
        case (.some, .some(let list)):
            checker.report(path, at: list.offset, "has \"scenario\" and \"scenarios\"; give one")
            return nil
        }
    }

    private mutating func flow(_ tree: JSONTree, at path: JSONPath) -> FlowMeasure? {
        guard let fields = checker.fields(of: tree, at: path, keys: Self.flow) else { return nil }
        let nodes = idList(fields, "nodes", noun: "node") { reader, id, place, offset in
            reader.require(id, in: reader.nodeIDs, noun: "node", at: place, offset: offset)
        }
        var passages: [LinkPassage] = []
        if let list = fields["links"] {
            if case .array(let items) = list.value {
                // A link counted twice would count its flow twice.
                var seen: [String: Int] = [:]
                for (index, item) in items.enumerated() {
                    let place = path.appending("links").appending(index)
                    guard let passage = passage(item, at: place) else { continue }
                    if let first = seen[passage.link] {
                        checker.report(
                            place, at: item.offset,
                            "duplicate link \(checker.quoted(passage.link)); first given at \(checker.describeOffset(first)) "
                                + "(list a link once, with \"direction\": \"both\" for both ways)")
                        continue
                    }
                    seen[passage.link] = item.offset
                    passages.append(passage)
                }
            } else {
                checker.report(path.appending("links"), at: list.offset, "expected an array, found \(list.typeDescription)")
            }
        }
        // Only when neither list names anything: an id that does not resolve has its own message.
        let namesSomething = ["nodes", "links"].contains { key in
            guard let list = fields[key] else { return false }
            guard case .array(let items) = list.value else { return true }
            return !items.isEmpty
        }
        if !namesSomething {
            checker.report(path, at: tree.offset, "needs at least one of \"nodes\" and \"links\"")
        }
        let periods = checker.number(fields, "periods", within: 0.001...100_000) ?? 1
        let counting: FlowCounting?
        switch (fields["count"], fields["weights"]) {
        case (.some(let count), nil):
            guard case .string("trains") = count.value else {
                checker.report(
                    path.appending("count"), at: count.offset,
                    "expected \"trains\", found \(count.plainValue.serialized(indent: nil))")
                return nil
            }
            let listed = idList(fields, "commodities", noun: "commodity") { reader, id, place, offset in
                reader.require(id, in: Set(reader.commodities.keys), noun: "commodity", at: place, offset: offset)
            }
            let counted = fields["commodities"] == nil ? network.commodities.map(\.id) : (listed ?? [])
            if let untrained = counted.first(where: { commodities[$0]?.perTrain == nil }) {
                checker.report(
                    path.appending("count"), at: count.offset,
                    "counts trains, but commodity \(checker.quoted(untrained)) has no \"perTrain\"; list the commodities to count in \"commodities\"")
            }
            counting = .trains(commodities: fields["commodities"] == nil ? nil : listed)
        case (nil, .some(let weights)):
            if let listed = fields["commodities"] {
                checker.report(path.appending("commodities"), at: listed.offset, "goes with \"count\"; \"weights\" names its commodities")
            }
            counting = self.weights(weights, at: path.appending("weights")).map { .weighted($0) }
        case (.some, .some):
            checker.report(path, at: tree.offset, "has \"count\" and \"weights\"; give exactly one")
            counting = nil
        case (nil, nil):
            checker.report(path, at: tree.offset, "needs \"count\": \"trains\" or \"weights\" (commodity id → factor)")
            counting = nil
        }
        guard let nodes, let counting else { return nil }
        return FlowMeasure(nodes: nodes, links: passages, counting: counting, periods: periods)
    }

    private mutating func passage(_ tree: JSONTree, at path: JSONPath) -> LinkPassage? {
        guard let fields = checker.fields(of: tree, at: path, keys: Self.passage),
            let idTree = fields["id"], let id = checker.identifier(idTree, at: path.appending("id"))
        else { return nil }
        guard let link = links[id] else {
            checker.report(path.appending("id"), at: idTree.offset, unknown(id, noun: "link", among: Array(links.keys)))
            return nil
        }
        var direction = LinkPassage.Direction.forward
        if let tree = fields["direction"] {
            guard case .string(let word) = tree.value, let parsed = LinkPassage.Direction(rawValue: word) else {
                checker.report(
                    path.appending("direction"), at: tree.offset,
                    "expected one of forward, reverse, both, found \(tree.plainValue.serialized(indent: nil))")
                return nil
            }
            if parsed != .forward, !link.bidirectional {
                checker.report(
                    path.appending("direction"), at: tree.offset, "link \(checker.quoted(id)) is one-way: only forward")
                return nil
            }
            direction = parsed
        }
        return LinkPassage(link: id, direction: direction)
    }

    private mutating func weights(_ tree: JSONTree, at path: JSONPath) -> [(commodity: String, weight: Double)]? {
        guard case .object(let members) = tree.value else {
            checker.report(path, at: tree.offset, "expected an object (commodity id → factor), found \(tree.typeDescription)")
            return nil
        }
        if members.isEmpty { checker.report(path, at: tree.offset, "must name at least one commodity") }
        var result: [(commodity: String, weight: Double)] = []
        for member in members {
            let place = path.appending(member.key)
            if result.contains(where: { $0.commodity == member.key }) {
                checker.report(place, at: member.keyOffset, "duplicate key")
                continue
            }
            guard commodities[member.key] != nil else {
                checker.report(place, at: member.keyOffset, unknown(member.key, noun: "commodity", among: Array(commodities.keys)))
                continue
            }
            if let weight = checker.number(member.value, at: place, within: nil, allowsNull: false) ?? nil {
                result.append((member.key, weight))
            }
        }
        return result
    }

    /// The ids of an array under `key`, each checked by `check`; an id given twice is reported as a
    /// duplicate (it would be counted twice).
    private mutating func idList(
        _ fields: Fields, _ key: String, noun: String,
        check: (inout Reader, String, JSONPath, Int) -> Bool
    ) -> [String]? {
        guard let tree = fields[key] else { return [] }
        let path = fields.path.appending(key)
        guard case .array(let items) = tree.value else {
            checker.report(path, at: tree.offset, "expected an array of ids, found \(tree.typeDescription)")
            return nil
        }
        var ids: [String] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let id = checker.identifier(item, at: path.appending(index)) else { continue }
            if let first = seen[id] {
                checker.report(
                    path.appending(index), at: item.offset,
                    "duplicate \(noun) \(checker.quoted(id)); first given at \(checker.describeOffset(first))")
                continue
            }
            seen[id] = item.offset
            if check(&self, id, path.appending(index), item.offset) { ids.append(id) }
        }
        return ids
    }

    private mutating func reference(_ fields: Fields, _ key: String, among ids: Set<String>, noun: String) -> String? {
        guard let tree = fields[key], let id = checker.identifier(tree, at: fields.path.appending(key)) else { return nil }
        return require(id, in: ids, noun: noun, at: fields.path.appending(key), offset: tree.offset) ? id : nil
    }

    private mutating func require(_ id: String, in ids: Set<String>, noun: String, at path: JSONPath, offset: Int) -> Bool {
        if ids.contains(id) { return true }
        checker.report(path, at: offset, unknown(id, noun: noun, among: Array(ids)))
        return false
    }

    private func unknown(_ id: String, noun: String, among ids: [String]) -> String {
        checker.unknownReference(id, noun: noun, among: ids, in: network.name)
    }
}

extension NetworkValidator {
    /// `no node "dostik" in network "…" (did you mean "dostyk"?)`: a reference from another file to a network.
    func unknownReference(_ id: String, noun: String, among ids: [String], in networkName: String) -> String {
        let known = "no \(noun) \(quoted(id)) in network \(quoted(networkName))"
        guard let closest = Suggestion.closest(to: id, among: ids.sorted()) else { return known }
        return known + " (did you mean \(quoted(closest))?)"
    }
}
