/// Candidate projects for a network and the terms to choose among them (`corridor-projects/1`,
/// networks/FORMAT.md "Projects"): what `corridor invest` decides.
public struct InvestmentProblem: Sendable, Equatable {
    /// The file's name as the user gave it.
    public var source: String
    /// The scenario the projects are added to; `nil` is the baseline.
    public var baseScenario: String?
    /// Total capital the chosen projects may cost; `nil` is no limit.
    public var budget: Double?
    /// Yearly discount rate, e.g. 0.08.
    public var discountRate: Double
    /// Periods of the network per year (365 for a network counted per day).
    public var periodsPerYear: Double
    /// The last year of the appraisal.
    public var endYear: Int
    /// The demand years, ascending: each stands for the years up to the next (the last up to ``endYear``).
    public var years: [DemandYear]
    public var projects: [Project]
}

/// A year whose demand the appraisal solves, and its demand scale on the base scenario.
public struct DemandYear: Sendable, Equatable {
    public var year: Int
    public var demandScale: Double
}

/// One project: the scenario that states its changes, and its cost.
public struct Project: Sendable, Equatable {
    public var id: String
    public var name: String
    /// A scenario of the network that only enables elements and sets capacities.
    public var scenario: String
    /// Capital cost, in the network's currency.
    public var capitalCost: Double
    /// Years over which the capital is annualised.
    public var lifetimeYears: Double
    /// The first year it can be open.
    public var openingYear: Int
    /// Projects that cannot be built with this one (e.g. another size of the same crossing).
    public var excludes: [String]
}
