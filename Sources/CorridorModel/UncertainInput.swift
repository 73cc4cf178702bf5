/// Format /2: an estimate of the network given as a range instead of one figure (networks/FORMAT.md,
/// "Uncertainty"); `corridor uncertainty` draws it.
public struct UncertainInput: Sendable, Equatable {
    /// What an uncertain input varies.
    public enum Target: Sendable, Equatable {
        /// A node's limit, or a link's, in one measure (`trains`, `vehicles` or a unit; `nil` is the
        /// network's unit). `direction` picks one direction of a bidirectional link; `nil` sets both.
        case capacity(String, measure: String?, direction: LinkDirection?)
        /// A link's cost per unit, both directions.
        case cost(String)
        /// A factor on every demand quantity, on top of the scenario's own scaling.
        case demandScale
    }

    /// One direction of a link.
    public enum LinkDirection: String, Sendable, Equatable, CaseIterable {
        /// `from → to`.
        case forward
        /// `to → from`, on a bidirectional link.
        case reverse
    }

    /// How the input's value is spread between its ends.
    public enum Distribution: Sendable, Equatable {
        case uniform(low: Double, high: Double)
        case triangular(low: Double, mode: Double, high: Double)

        public var low: Double {
            switch self {
            case .uniform(let low, _), .triangular(let low, _, _): low
            }
        }

        public var high: Double {
            switch self {
            case .uniform(_, let high), .triangular(_, _, let high): high
            }
        }

        /// The value at cumulative probability `p` in [0, 1] (the inverse of the distribution function).
        public func quantile(_ p: Double) -> Double {
            switch self {
            case .uniform(let low, let high):
                return low + (high - low) * p
            case .triangular(let low, let mode, let high):
                let width = high - low
                guard width > 0 else { return low }
                let split = (mode - low) / width
                if p <= split { return low + (width * (mode - low) * p).squareRoot() }
                return high - (width * (high - mode) * (1 - p)).squareRoot()
            }
        }
    }

    public let id: String
    public let target: Target
    public let distribution: Distribution
    /// True when the distribution's values multiply the scenario's own value (of each direction of a
    /// link, separately); false when they are the value itself. Always true for the demand scale.
    public let isFactor: Bool
    public let meta: JSONValue?

    public init(id: String, target: Target, distribution: Distribution, isFactor: Bool = false, meta: JSONValue? = nil) {
        self.id = id
        self.target = target
        self.distribution = distribution
        self.isFactor = isFactor || target == .demandScale
        self.meta = meta
    }
}
