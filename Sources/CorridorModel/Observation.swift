/// Figures observed in the real corridor, each with the allocation quantity that models it: the input of
/// a backcast (`corridor-observations/1`, networks/FORMAT.md "Observations").
public struct Observations: Sendable, Equatable {
    /// The file's name as the user gave it.
    public var source: String
    /// The rows, in file order.
    public var rows: [Observation]
}

/// One observed figure and how to read the same figure off an allocation.
public struct Observation: Sendable, Equatable {
    public static func == (lhs: Observation, rhs: Observation) -> Bool {
        lhs.id == rhs.id && lhs.name == rhs.name && lhs.scenarios.map(\.id) == rhs.scenarios.map(\.id)
            && lhs.scenarios.map(\.weight) == rhs.scenarios.map(\.weight) && lhs.observed == rhs.observed
            && lhs.unit == rhs.unit && lhs.tolerancePercent == rhs.tolerancePercent && lhs.source == rhs.source
            && lhs.isJudged == rhs.isJudged && lhs.note == rhs.note && lhs.measure == rhs.measure
    }

    public var id: String
    /// What was observed, in words.
    public var name: String
    /// The scenarios whose allocations model it, with their weights: the modelled value is the weighted
    /// mean of the measure under each (a year that spans a change of the network is two states, weighted
    /// by their days). One scenario of weight 1 for most rows; `nil` is the baseline.
    public var scenarios: [(id: String?, weight: Double)]
    /// The observed value, in ``unit``; positive.
    public var observed: Double
    /// The unit of ``observed`` as the source states it, e.g. `t/yr`, `%`, `days`.
    public var unit: String
    /// How far, in per cent of ``observed``, the modelled value may lie from it.
    public var tolerancePercent: Double
    /// Where the figure comes from, e.g. `[57]`.
    public var source: String
    /// False for a row that is reported but does not decide the backcast; ``note`` then says why.
    public var isJudged: Bool
    public var note: String?
    public var measure: ObservedMeasure
}

/// The allocation quantity an observation is compared with.
public enum ObservedMeasure: Sendable, Equatable {
    /// A flow through nodes and along link directions, summed.
    case flow(FlowMeasure)
    /// `100 × part / whole`, in per cent.
    case share(part: FlowMeasure, whole: FlowMeasure)
    /// A demand's mean time from origin to destination in days, weighted by the flow on each route.
    case transitDays(demand: String)
    /// A demand's mean money cost per unit (link costs and handling, no value of time), weighted by flow.
    case costPerUnit(demand: String)
}

/// A sum of flows over places, counted in trains or in weighted commodity units, over some periods.
public struct FlowMeasure: Sendable, Equatable {
    /// Node ids; a node's flow is what passes through it, both ways.
    public var nodes: [String]
    /// Link ids with the direction counted.
    public var links: [LinkPassage]
    public var counting: FlowCounting
    /// How many of the network's periods the observed figure covers (365 for a year of days); the flow
    /// per period is multiplied by it.
    public var periods: Double
}

/// A link and which of its directions a measure counts.
public struct LinkPassage: Sendable, Equatable {
    public enum Direction: String, Sendable, Equatable, CaseIterable {
        /// `from → to`.
        case forward
        /// `to → from`.
        case reverse
        /// Both together.
        case both
    }

    public var link: String
    public var direction: Direction
}

/// How a flow measure turns commodity flows into one number.
public enum FlowCounting: Sendable, Equatable {
    /// Trains: each commodity's flow divided by its `perTrain`, over these commodities (`nil`: all).
    case trains(commodities: [String]?)
    /// `Σ weight × flow` over the commodities listed, e.g. 12 t per TEU for containers and 1 for tonnes.
    case weighted([(commodity: String, weight: Double)])

    public static func == (lhs: FlowCounting, rhs: FlowCounting) -> Bool {
        switch (lhs, rhs) {
        case (.trains(let a), .trains(let b)): a == b
        case (.weighted(let a), .weighted(let b)): a.map(\.commodity) == b.map(\.commodity) && a.map(\.weight) == b.map(\.weight)
        default: false
        }
    }
}
