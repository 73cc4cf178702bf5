/// A line chart over one numeric x axis, e.g. a capacity sweep: objective, unserved demand, flow per
/// crossing or marginal value against the capacity tried.
public struct LineChart: Sendable, Equatable {
    /// One line: a y value for each of the chart's ``LineChart/xValues``, `nil` where there is none
    /// (the line breaks there).
    public struct Series: Sendable, Equatable {
        public var name: String
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// A labelled vertical rule, e.g. today's capacity.
    public struct Marker: Sendable, Equatable {
        public var x: Double
        public var label: String

        public init(x: Double, label: String) {
            self.x = x
            self.label = label
        }
    }

    public var title: String
    /// The x axis title, with its unit, e.g. `Bakhty–Tacheng capacity (TEU/day)`.
    public var xTitle: String
    /// The y axis title, with its unit, e.g. `Objective (USD/day)`.
    public var yTitle: String
    /// The x positions shared by every series, in increasing order for a readable line.
    public var xValues: [Double]
    public var series: [Series]
    public var markers: [Marker]
    /// Whether the y axis always reaches down (or up) to zero; true suits quantities, false suits
    /// values that vary in a narrow band far from zero.
    public var yIncludesZero: Bool

    public init(
        title: String, xTitle: String, yTitle: String, xValues: [Double], series: [Series], markers: [Marker] = [],
        yIncludesZero: Bool = true
    ) {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xValues = xValues
        self.series = series
        self.markers = markers
        self.yIncludesZero = yIncludesZero
    }
}
