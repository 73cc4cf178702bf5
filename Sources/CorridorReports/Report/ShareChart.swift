/// A bar chart of how a total splits among categories, for one or more series — e.g. each crossing's
/// share of the flow in the baseline and in a scenario.
public struct ShareChart: Sendable, Equatable {
    /// How the series are arranged.
    public enum Layout: Sendable, Equatable {
        /// One row per category, one bar per series in it: compares a category across series.
        case grouped
        /// One row per series, its categories stacked end to end: shows each series' whole split.
        case stacked
    }

    /// One set of values, one per category, e.g. `Baseline`.
    public struct Series: Sendable, Equatable {
        public var name: String
        /// Values in category order; missing values count as zero, negative or non-finite ones are drawn as zero.
        public var values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    /// The category names, e.g. crossings.
    public var categories: [String]
    public var series: [Series]
    public var layout: Layout
    /// Appended to every value label and the axis: `%` directly, anything else after a space (`TEU/day`).
    public var unit: String

    public init(title: String, categories: [String], series: [Series], layout: Layout = .grouped, unit: String = "%") {
        self.title = title
        self.categories = categories
        self.series = series
        self.layout = layout
        self.unit = unit
    }
}
