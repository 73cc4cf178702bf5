import CorridorModel
import CorridorOptimization

/// A backcast: each observed figure beside the same figure read off the allocation of its scenario.
public struct Calibration: Sendable, Equatable {
    /// One observation and what the model gives for it.
    public struct Row: Sendable, Equatable {
        public let observation: Observation
        public let modelled: Double
        /// `100 × (modelled − observed) / observed`.
        public let errorPercent: Double
        /// `|errorPercent| ≤ tolerancePercent`.
        public var isWithinTolerance: Bool { abs(errorPercent) <= observation.tolerancePercent }
        /// A judged row outside its tolerance: what makes the backcast fail.
        public var fails: Bool { observation.isJudged && !isWithinTolerance }
    }

    public let networkName: String
    public let rows: [Row]
    /// True when no judged row is outside its tolerance.
    public var passes: Bool { !rows.contains(where: \.fails) }
}

/// Allocates each scenario the observations name (once each, the baseline for rows that name none) and
/// reads every observed figure off its allocations, as the weighted mean over the row's scenarios (networks/FORMAT.md "Observations" defines each measure).
public func calibrate(_ network: Network, against observations: Observations) throws(ImpactError) -> Calibration {
    var allocations: [String?: Allocation] = [:]
    var rows: [Calibration.Row] = []
    for observation in observations.rows {
        var weighted = 0.0
        var weights = 0.0
        for state in observation.scenarios {
            let allocation: Allocation
            if let known = allocations[state.id] {
                allocation = known
            } else {
                let active: ActiveNetwork
                do { active = try network.activate(scenario: state.id) } catch { throw .scenario(error) }
                do { allocation = try allocate(active) } catch { throw .allocation(error) }
                allocations[state.id] = allocation
            }
            weighted += state.weight * ModelledValue(network: network, allocation: allocation).value(of: observation.measure)
            weights += state.weight
        }
        let modelled = weighted / weights
        let error = 100 * (modelled - observation.observed) / observation.observed
        rows.append(Calibration.Row(observation: observation, modelled: modelled, errorPercent: error))
    }
    return Calibration(networkName: network.name, rows: rows)
}

/// Reads the measures of ``ObservedMeasure`` off one allocation.
private struct ModelledValue {
    let network: Network
    let allocation: Allocation

    func value(of measure: ObservedMeasure) -> Double {
        switch measure {
        case .flow(let flow): total(flow)
        case .share(let part, let whole):
            // A share of nothing is 0 %: the model carries none of the whole.
            total(whole) > 0 ? 100 * total(part) / total(whole) : 0
        case .transitDays(let id): routeMean(of: id) { $0.hours } / 24
        case .costPerUnit(let id):
            // A route's cost is generalised: its hours at the commodity's value of time come off.
            routeMean(of: id) { $0.cost - valueOfTime(ofDemand: id) * $0.hours }
        }
    }

    /// The flow-weighted mean of a route quantity over a demand's routes; 0 when nothing is served.
    private func routeMean(of demandID: String, _ quantity: (Allocation.Route) -> Double) -> Double {
        guard let demand = allocation.demands.first(where: { $0.id == demandID }) else { return 0 }
        let served = demand.routes.reduce(0) { $0 + $1.flow }
        guard served > 0 else { return 0 }
        return demand.routes.reduce(0) { $0 + $1.flow * quantity($1) } / served
    }

    private func valueOfTime(ofDemand id: String) -> Double {
        let commodityID = allocation.demands.first { $0.id == id }?.commodity
        let commodity = network.commodities.first { $0.id == commodityID }
        return commodity?.valueOfTimePerHour ?? network.valueOfTimePerHour
    }

    private func total(_ measure: FlowMeasure) -> Double {
        let weights = self.weights(measure.counting)
        var sum = 0.0
        for id in measure.nodes {
            if let node = allocation.nodes.first(where: { $0.id == id }) { sum += weighted(node.flows, weights) }
        }
        for passage in measure.links {
            for arc in allocation.arcs where arc.linkID == passage.link {
                switch passage.direction {
                case .forward where arc.isReverse, .reverse where !arc.isReverse: continue
                default: sum += weighted(arc.flows, weights)
                }
            }
        }
        return sum * measure.periods
    }

    /// One weight per commodity of the allocation, in its order; 0 for a commodity not counted.
    private func weights(_ counting: FlowCounting) -> [Double] {
        allocation.commodities.map { commodity in
            switch counting {
            case .trains(let listed):
                guard listed?.contains(commodity.id) ?? true,
                    let load = network.commodities.first(where: { $0.id == commodity.id })?.perTrain
                else { return 0 }
                return 1 / load
            case .weighted(let entries):
                return entries.first(where: { $0.commodity == commodity.id })?.weight ?? 0
            }
        }
    }

    private func weighted(_ flows: [Double], _ weights: [Double]) -> Double {
        zip(flows, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
