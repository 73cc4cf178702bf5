/// Reads `corridor-projects/1` files (networks/FORMAT.md "Projects") against the network they are for:
/// every key, type and range, the project scenarios (which may only enable elements and set capacities),
/// the years and the exclusions, with every problem located.
public enum ProjectsReader {
    /// The value of the file's `"format"` key.
    public static let formatTag = "corridor-projects/1"

    /// Reads and checks the projects file at `path` against `network`.
    public static func read(path: String, for network: Network) throws(NetworkValidationError) -> InvestmentProblem {
        try CheckedJSONFile.read(path: path) { bytes, source throws(NetworkValidationError) in
            try read(bytes: bytes, source: source, for: network)
        }
    }

    /// Reads and checks projects from the bytes of a file; `source` names the file in messages.
    public static func read(bytes: [UInt8], source: String, for network: Network) throws(NetworkValidationError)
        -> InvestmentProblem
    {
        try CheckedJSONFile.check(bytes: bytes, source: source) { tree, checker in
            ProjectsDocument(network: network).read(tree, source: source, into: &checker)
        }
    }
}

/// The checks of one projects file.
private struct ProjectsDocument {
    typealias Keys = NetworkValidator.Keys

    static let document = Keys(
        required: ["format", "discountRate", "endYear", "years", "projects"],
        optional: ["scenario", "budget", "periodsPerYear", "meta"])
    static let year = Keys(required: ["year", "demandScale"], optional: [])
    static let project = Keys(
        required: ["id", "scenario", "capitalCost", "lifetimeYears", "openingYear"], optional: ["name", "excludes", "meta"])
    static let yearRange = 1900.0...2200.0

    let network: Network

    func read(_ tree: JSONTree, source: String, into checker: inout NetworkValidator) -> InvestmentProblem? {
        guard let fields = checker.fields(of: tree, at: .root, keys: Self.document) else { return nil }
        if let format = fields["format"] {
            if case .string(let tag) = format.value, tag == ProjectsReader.formatTag {
            } else {
                checker.report(
                    JSONPath.root.appending("format"), at: format.offset,
                    "expected \"\(ProjectsReader.formatTag)\", found \(format.plainValue.serialized(indent: nil))")
            }
        }
        _ = checker.meta(fields)
        let scenarioIDs = Set(network.scenarios.map(\.id) + [Scenario.baselineID])
        var base: String?
        if let tree = fields["scenario"], let id = checker.identifier(tree, at: JSONPath.root.appending("scenario")) {
            if scenarioIDs.contains(id) {
                base = id
            } else {
                checker.report(
                    JSONPath.root.appending("scenario"), at: tree.offset,
                    checker.unknownReference(id, noun: "scenario", among: Array(scenarioIDs), in: network.name))
            }
        }
        let budget = checker.number(fields, "budget")
        let rate = checker.number(fields, "discountRate", within: 0...1, isRequired: true)
        let periods = checker.number(fields, "periodsPerYear", within: 1...100_000) ?? 365
        let endYear = checker.number(fields, "endYear", within: Self.yearRange, isRequired: true).flatMap(whole)
        let years = demandYears(fields, endYear: endYear, into: &checker)
        let projects = projectList(fields, years: years, into: &checker)
        guard let rate, let endYear, let years, let projects else { return nil }
        return InvestmentProblem(
            source: source, baseScenario: base, budget: budget, discountRate: rate, periodsPerYear: periods, endYear: endYear,
            years: years, projects: projects)
    }

    private func whole(_ value: Double) -> Int? { value == value.rounded() ? Int(value) : nil }

    private func demandYears(_ fields: NetworkValidator.Fields, endYear: Int?, into checker: inout NetworkValidator) -> [DemandYear]? {
        guard let list = fields["years"] else { return nil }
        let path = JSONPath.root.appending("years")
        guard case .array(let items) = list.value, !items.isEmpty else {
            checker.report(path, at: list.offset, "expected a non-empty array of {\"year\", \"demandScale\"}")
            return nil
        }
        var years: [DemandYear] = []
        for (index, item) in items.enumerated() {
            let place = path.appending(index)
            guard let entry = checker.fields(of: item, at: place, keys: Self.year) else { continue }
            let year = checker.number(entry, "year", within: Self.yearRange, isRequired: true)
            let scale = checker.number(entry, "demandScale", within: 0...1_000, isRequired: true)
            guard let year, let scale, let tree = entry["year"] else { continue }
            guard let whole = whole(year) else {
                checker.report(place.appending("year"), at: tree.offset, "must be a whole year, found \(JSONValue.format(year))")
                continue
            }
            if let last = years.last, whole <= last.year {
                checker.report(place.appending("year"), at: tree.offset, "years must increase: \(whole) follows \(last.year)")
            }
            if let endYear, whole > endYear {
                checker.report(place.appending("year"), at: tree.offset, "is after endYear \(endYear)")
            }
            years.append(DemandYear(year: whole, demandScale: scale))
        }
        return years.count == items.count ? years : nil
    }

    private func projectList(
        _ fields: NetworkValidator.Fields, years: [DemandYear]?, into checker: inout NetworkValidator
    ) -> [Project]? {
        guard let list = fields["projects"] else { return nil }
        let path = JSONPath.root.appending("projects")
        guard case .array(let items) = list.value, !items.isEmpty else {
            checker.report(path, at: list.offset, "expected a non-empty array of projects")
            return nil
        }
        let scenarios = Dictionary(network.scenarios.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var projects: [Project] = []
        var excludeTrees: [(index: Int, tree: JSONTree)] = []
        for (index, item) in items.enumerated() {
            let place = path.appending(index)
            guard let entry = checker.fields(of: item, at: place, keys: Self.project) else { continue }
            let id = entry["id"].flatMap { checker.identifier($0, at: place.appending("id")) }
            if let id, let tree = entry["id"], projects.contains(where: { $0.id == id }) {
                checker.report(place.appending("id"), at: tree.offset, "duplicate project id \(checker.quoted(id))")
            }
            var scenario: String?
            if let tree = entry["scenario"], let name = checker.identifier(tree, at: place.appending("scenario")) {
                if let found = scenarios[name] {
                    if let problem = Self.notACapacityChange(found) {
                        checker.report(place.appending("scenario"), at: tree.offset, "scenario \(checker.quoted(name)) \(problem)")
                    } else {
                        scenario = name
                    }
                } else {
                    checker.report(
                        place.appending("scenario"), at: tree.offset,
                        checker.unknownReference(name, noun: "scenario", among: Array(scenarios.keys), in: network.name))
                }
            }
            let capital = checker.number(entry, "capitalCost", isRequired: true)
            let lifetime = checker.number(entry, "lifetimeYears", within: 1...200, isRequired: true)
            let opening = checker.number(entry, "openingYear", within: Self.yearRange, isRequired: true).flatMap(whole)
            if let opening, let tree = entry["openingYear"], let last = years?.last, opening > last.year {
                checker.report(
                    place.appending("openingYear"), at: tree.offset,
                    "\(opening) is after the last demand year \(last.year): the project could never open")
            }
            let name = checker.text(entry, "name")
            _ = checker.meta(entry)
            if let tree = entry["excludes"] { excludeTrees.append((index, tree)) }
            if let id, let scenario, let capital, let lifetime, let opening {
                projects.append(
                    Project(
                        id: id, name: name ?? id, scenario: scenario, capitalCost: capital, lifetimeYears: lifetime,
                        openingYear: opening, excludes: []))
            }
        }
        guard projects.count == items.count else { return nil }
        let ids = projects.map(\.id)
        for (index, tree) in excludeTrees {
            let place = path.appending(index).appending("excludes")
            guard case .array(let entries) = tree.value else {
                checker.report(place, at: tree.offset, "expected an array of project ids, found \(tree.typeDescription)")
                continue
            }
            for (position, entry) in entries.enumerated() {
                guard let other = checker.identifier(entry, at: place.appending(position)) else { continue }
                if !ids.contains(other) || other == ids[index] {
                    checker.report(
                        place.appending(position), at: entry.offset,
                        other == ids[index]
                            ? "a project cannot exclude itself"
                            : "no project \(checker.quoted(other)) in this file")
                    continue
                }
                projects[index].excludes.append(other)
            }
        }
        return projects
    }

    /// Why a scenario cannot be a project (its changes must be linear in the decision to build), or `nil`.
    private static func notACapacityChange(_ scenario: Scenario) -> String? {
        var other: [String] = []
        if !scenario.disable.isEmpty { other.append("disable") }
        if !scenario.cost.isEmpty { other.append("cost") }
        if !scenario.demand.isEmpty { other.append("demand") }
        if scenario.demandScale != 1 { other.append("demandScale") }
        if !scenario.hours.isEmpty { other.append("hours") }
        if !scenario.dwellHours.isEmpty { other.append("dwellHours") }
        if !scenario.accepts.isEmpty { other.append("accepts") }
        if !scenario.perCommodity.isEmpty { other.append("perCommodity") }
        if !scenario.commodityScale.isEmpty { other.append("commodityScale") }
        guard !other.isEmpty else { return nil }
        return "also sets \(other.joined(separator: ", ")): a project may only enable elements and set capacities, "
            + "which the investment program switches on with the decision to build"
    }
}
