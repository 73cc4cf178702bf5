import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Foundation
import Testing

// `invest` against brute force: every schedule (each project not built, or opened in one of the demand
// years it may open in, kept open after) that the budget and the exclusions allow, each year allocated from
// scratch on the base network with the open projects' scenario changes applied, costs discounted as the
// program's docs say. The MIP's optimum must equal the cheapest schedule's cost.

private let fixtures = TestNetworks.repositoryRoot.appendingPathComponent("Tests/Fixtures")

private func load() throws -> (Network, InvestmentProblem) {
    let network = try NetworkReader.read(path: fixtures.appendingPathComponent("tiny-projects.json").path)
    let problem = try ProjectsReader.read(path: fixtures.appendingPathComponent("tiny-projects.projects.json").path, for: network)
    return (network, problem)
}

/// The cheapest schedule's present value, by enumeration.
private func bruteForce(_ network: Network, _ problem: InvestmentProblem) throws -> Double {
    let r = problem.discountRate
    let first = problem.years[0].year
    let weights = problem.years.indices.map { t in
        let end = t + 1 < problem.years.count ? problem.years[t + 1].year : problem.endYear + 1
        return (problem.years[t].year..<end).reduce(0.0) { $0 + pow(1 + r, -Double($1 - first)) }
    }
    let annual = problem.projects.map { $0.capitalCost * r / (1 - pow(1 + r, -$0.lifetimeYears)) }
    let scenarios = Dictionary(uniqueKeysWithValues: network.scenarios.map { ($0.id, $0) })
    var best = Double.infinity
    // Each project: nil (not built) or the index of the year it opens.
    let options = problem.projects.map { project in [nil] + problem.years.indices.filter { problem.years[$0].year >= project.openingYear }.map(Optional.some) }
    var choice = [Int?](repeating: nil, count: problem.projects.count)
    var cache: [String: Double] = [:]
    func visit(_ p: Int) throws {
        if p < problem.projects.count {
            for option in options[p] {
                choice[p] = option
                try visit(p + 1)
            }
            return
        }
        let built = problem.projects.indices.filter { choice[$0] != nil }
        if let budget = problem.budget, built.reduce(0.0, { $0 + problem.projects[$1].capitalCost }) > budget { return }
        for p in built {
            for other in problem.projects[p].excludes where built.contains(where: { problem.projects[$0].id == other }) { return }
        }
        var total = 0.0
        for (t, year) in problem.years.enumerated() {
            let open = built.filter { choice[$0]! <= t }
            var scenario = Scenario(id: "schedule", demandScale: year.demandScale)
            for p in open {
                let changes = scenarios[problem.projects[p].scenario]!
                scenario.enable += changes.enable
                scenario.capacity += changes.capacity
                scenario.reverseCapacity += changes.reverseCapacity
            }
            let key = "\(t):\(open)"
            if cache[key] == nil { cache[key] = try allocate(network.activate(scenario)).objective }
            total += weights[t] * (problem.periodsPerYear * cache[key]! + open.reduce(0.0) { $0 + annual[$1] })
        }
        best = min(best, total)
    }
    try visit(0)
    return best
}

@Test(arguments: [nil, 40_000_000.0, 25_000_000, 10_000_000])
func investFindsTheCheapestScheduleEnumerationFinds(budget: Double?) throws {
    var (network, problem) = try load()
    problem.budget = budget
    let plan = try invest(network, problem)
    let expected = try bruteForce(network, problem)
    #expect(abs(plan.objective - expected) <= 1e-7 * expected, "budget \(String(describing: budget)): MIP \(plan.objective), enumeration \(expected)")
    #expect(plan.capitalSpent <= (budget ?? .infinity))
    let built = plan.choices.filter { $0.opensIn != nil }.map(\.project.id)
    #expect(!(built.contains("bakhty") && built.contains("bakhty-small")))
    // The value of every choice is ≥ 0: the plan is optimal, so the other choice cannot be cheaper.
    for choice in plan.choices { #expect((choice.value ?? 0) >= -1e-6 * plan.objective, "\(choice.project.id)") }
}

/// With nothing affordable the plan builds nothing and costs what building nothing costs.
@Test func aBudgetOfZeroBuildsNothing() throws {
    var (network, problem) = try load()
    problem.budget = 0
    let plan = try invest(network, problem)
    #expect(plan.choices.allSatisfy { $0.opensIn == nil })
    #expect(plan.objective == plan.baselineObjective)
}

/// A project whose scenario does more than enable and raise capacities is refused where it is named.
@Test(arguments: [
    (#""scenario": "dostyk-outage""#, #"projects[0].scenario: scenario "dostyk-outage" also sets disable"#),
    (#""scenario": "nope""#, #"projects[0].scenario: no scenario "nope""#),
    (#""scenario": "third-crossing", "excludes": ["ghost"]"#, #"projects[0].excludes[0]: no project "ghost" in this file"#),
    (#""scenario": "third-crossing", "openingYear": 2031"#, "2031 is after the last demand year 2030"),
])
func badProjectsAreLocated(_ fragment: String, _ expected: String) throws {
    let network = try NetworkReader.read(path: fixtures.appendingPathComponent("tiny-projects.json").path)
    var project = #"{"id": "p", \#(fragment), "capitalCost": 1, "lifetimeYears": 10"#
    if !fragment.contains("openingYear") { project += #", "openingYear": 2025"# }
    project += "}"
    let text = #"{"format": "corridor-projects/1", "discountRate": 0.05, "endYear": 2035, "years": [{"year": 2025, "demandScale": 1}, {"year": 2030, "demandScale": 1.2}], "projects": [\#(project)]}"#
    #expect {
        _ = try ProjectsReader.read(bytes: Array(text.utf8), source: "p.json", for: network)
    } throws: { error in
        "\(error)".contains(expected)
    }
}

/// The bundled candidates (networks/china-europe.projects.json) read against the bundled network.
@Test func bundledProjectsRead() throws {
    let network = try NetworkReader.read(path: TestNetworks.chinaEurope)
    let problem = try ProjectsReader.read(
        path: TestNetworks.repositoryRoot.appendingPathComponent("networks/china-europe.projects.json").path, for: network)
    #expect(problem.projects.count == 8 && problem.years.map(\.year) == [2025, 2030, 2035])
}

/// Capital costs 24 orders of magnitude apart under a budget of the dearest: the budget row is scaled
/// by the budget and the negligible cost leaves it, so the program still has its optimum (it once
/// reported no solution, though building nothing always is one).
@Test func capitalCostsFarApartStillFindTheCheapestSchedule() throws {
    var (network, problem) = try load()
    problem.budget = 1e15
    for p in problem.projects.indices {
        if problem.projects[p].id == "bakhty" { problem.projects[p].capitalCost = 1e15 }
        if problem.projects[p].id == "bakhty-small" { problem.projects[p].capitalCost = 1e-9 }
    }
    let plan = try invest(network, problem)
    let expected = try bruteForce(network, problem)
    #expect(abs(plan.objective - expected) <= 1e-7 * expected, "MIP \(plan.objective), enumeration \(expected)")
    #expect(plan.capitalSpent <= 1e15)
    let built = Set(plan.choices.filter { $0.opensIn != nil }.map(\.project.id))
    #expect(built == ["bakhty-small", "dostyk-upgrade", "khorgos-upgrade", "line-upgrade"])
}

/// GLPK stopping at the time limit is no answer at that limit, not a solver failure.
@Test func theTimeLimitIsNoAnswer() throws {
    let (network, problem) = try load()
    #expect(throws: ImpactError.timeLimit(seconds: 1e-9)) { _ = try invest(network, problem, timeLimit: 1e-9) }
}
