import CorridorModel

/// Seeded random networks for the tests of several targets.
public enum RandomNetworks {
    /// A network of `nodeCount` nodes `n0…`, `linkCount` links `l0…` and `demandCount` demands `d0…`.
    ///
    /// Capacities are unlimited (40 %), zero (about 5 %) or 1…80; costs, hours, handling and dwell
    /// are small integers, or all zero with `zeroCosts`. With `singleOrigin` every demand leaves `n0`.
    public static func corridor(
        seed: UInt64, nodeCount: Int, linkCount: Int, demandCount: Int, zeroCosts: Bool = false,
        singleOrigin: Bool = false, penalty: Double = 5000
    ) -> Network {
        var random = SeededGenerator(seed: seed)
        func capacity(_ upper: Int) -> Double? {
            let draw = Int.random(in: 0..<100, using: &random)
            if draw < 40 { return nil }
            if draw < 45 { return 0 }
            return Double(Int.random(in: 1...upper, using: &random))
        }
        func cost(_ upper: Int) -> Double { zeroCosts ? 0 : Double(Int.random(in: 0...upper, using: &random)) }
        let kinds: [NodeKind] = [.terminal, .junction, .crossing, .dryPort]
        let nodes = (0..<nodeCount).map { n in
            Node(
                id: "n\(n)", kind: kinds[Int.random(in: 0..<kinds.count, using: &random)],
                lat: Double(Int.random(in: -80...80, using: &random)),
                lon: Double(Int.random(in: -170...170, using: &random)), capacity: capacity(60),
                handlingCost: cost(20), dwellHours: cost(10))
        }
        let links = (0..<linkCount).map { l in
            let from = Int.random(in: 0..<nodeCount, using: &random)
            var to = Int.random(in: 0..<(nodeCount - 1), using: &random)
            if to >= from { to += 1 }
            return Link(
                id: "l\(l)", from: "n\(from)", to: "n\(to)", lengthKm: 100, hours: cost(20), cost: cost(100),
                capacity: capacity(80), bidirectional: Int.random(in: 0..<10, using: &random) < 3)
        }
        let demands = (0..<demandCount).map { k in
            let origin = singleOrigin ? 0 : Int.random(in: 0..<nodeCount, using: &random)
            var destination = Int.random(in: 0..<(nodeCount - 1), using: &random)
            if destination >= origin { destination += 1 }
            let quantity = Int.random(in: 0..<10, using: &random) == 0 ? 0 : Double(Int.random(in: 1...50, using: &random))
            return Demand(id: "d\(k)", origin: "n\(origin)", destination: "n\(destination)", quantity: quantity)
        }
        return Network(
            name: "random \(seed)", valueOfTimePerHour: 0.5, unservedPenalty: penalty, nodes: nodes, links: links,
            demands: demands)
    }
}
