import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Foundation
import Testing

// Ranging on the final basis (AllocationSolver+Ranging.swift), against the hand solution of tiny.json and
// against brute force: the objective re-solved from scratch at values inside a range and at its ends lies
// on the line the range promises, and just beyond an end it leaves that line on the convex (capacity) or
// concave (cost) side.

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-7) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// tiny.json at baseline: Dostyk (100) and Khorgos (60) are full, 160 of 200 served, and Chongqing (the
/// dearer origin) has its 40 unserved. A unit more at Dostyk serves one more Chongqing unit, at 2,781.5,
/// until all 80 of Chongqing are served at 140; a unit less leaves one more Chongqing unit unserved, at the
/// same price, until Chongqing has nothing left at 60 (then Xi'an, the cheaper, would lose). So the price
/// holds on [60, 140].
@Test func tinyDostykPriceHoldsFromSixtyToOneHundredForty() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: nil)
    let solver = try AllocationSolver(model: AllocationModel(network: network))
    let allocation = try solver.solve()
    #expect(close(allocation.nodes[network.node("dostyk").index].shadowPrice, 2_781.5))
    let range = try solver.capacityRange(of: network.element("dostyk"), measure: .networkUnit)
    #expect(close(range.lower, 60) && close(range.upper, 140), "\(range)")
}

/// The objective of a fresh solve with the element's limit (both directions of a link) at `value`.
private func objective(_ base: ActiveNetwork, capacity element: ElementReference, _ measure: CapacityMeasure, _ value: Double) throws -> Double {
    let solver = try AllocationSolver(model: AllocationModel(network: base, adjustableCapacities: [element]))
    try solver.updateCapacity(of: element, measure: measure, to: value)
    return try solver.solve().objective
}

private let seeds: [UInt64] = (0..<8).map { 2000 + $0 }

@Test(arguments: seeds) func capacityRangesAgreeWithResolvingAtTheirEnds(seed: UInt64) throws {
    let network = RandomNetworks.corridor(seed: seed, nodeCount: 10, linkCount: 26, demandCount: 5).activate(Scenario(id: "baseline"))
    let solver = try AllocationSolver(model: AllocationModel(network: network))
    let base = try solver.solve()
    // Every limited node, and every link limited the same both ways (both directions move together).
    var limited: [(element: ElementReference, capacity: Double, price: Double)] = []
    for (n, node) in network.nodes.enumerated() {
        if let capacity = node.capacity { limited.append((network.element(node.id), capacity, base.nodes[n].shadowPrice)) }
    }
    for link in network.network.links {
        guard let reference = try? network.resolveLink(link.id, as: .sweptCapacity),
            let capacity = network.arcs[reference.arcs[0]].capacity,
            reference.arcs.allSatisfy({ network.arcs[$0].capacity == capacity })
        else { continue }
        limited.append((.link(reference), capacity, reference.arcs.reduce(0) { $0 + base.arcs[$1].shadowPrice }))
    }
    #expect(!limited.isEmpty)
    for (element, capacity, price) in limited {
        let range = try solver.capacityRange(of: element, measure: .networkUnit)
        #expect(range.lower <= capacity + 1e-9 && capacity <= range.upper + 1e-9, "seed \(seed) \(element.id) \(range)")
        let line = { (value: Double) in base.objective - price * (value - capacity) }
        let finiteUpper = range.upper.isFinite ? range.upper : capacity + 50
        for value in [range.lower, (range.lower + capacity) / 2, (capacity + finiteUpper) / 2, finiteUpper] {
            let solved = try objective(network, capacity: element, .networkUnit, value)
            #expect(close(solved, line(value), 1e-6), "seed \(seed) \(element.id) at \(value) in \(range): \(solved) vs \(line(value))")
        }
        // Beyond an end the objective never falls below the line: it is convex in the capacity.
        if range.upper.isFinite {
            let beyond = range.upper + max(1, range.upper - range.lower)
            let solved = try objective(network, capacity: element, .networkUnit, beyond)
            #expect(solved >= line(beyond) - 1e-6 * max(1, abs(solved)), "seed \(seed) \(element.id)")
        }
    }
}

@Test(arguments: seeds) func costRangesAgreeWithResolvingAtTheirEnds(seed: UInt64) throws {
    let network = RandomNetworks.corridor(seed: seed, nodeCount: 10, linkCount: 26, demandCount: 5).activate(Scenario(id: "baseline"))
    let solver = try AllocationSolver(model: AllocationModel(network: network))
    let base = try solver.solve()
    for link in network.network.links.prefix(12) {
        guard let reference = try? network.resolveLink(link.id, as: .sweptCost) else { continue }
        let cost = network.arcs[reference.arcs[0]].cost
        let flow = reference.arcs.reduce(0) { $0 + base.arcs[$1].flow }
        let range = try solver.costRange(of: reference, at: cost)
        #expect(range.lower <= cost + 1e-9 && cost <= range.upper + 1e-9, "seed \(seed) \(link.id) \(range)")
        let line = { (value: Double) in base.objective + flow * (value - cost) }
        let finiteUpper = range.upper.isFinite ? range.upper : cost + 100
        for value in [range.lower, (range.lower + cost) / 2, (cost + finiteUpper) / 2, finiteUpper] {
            let fresh = try AllocationSolver(model: AllocationModel(network: network))
            try fresh.updateCost(of: reference, to: value)
            let allocation = try fresh.solve()
            // The decoded objective prices the link at the network's cost (AllocationSolver.updateCost).
            let solved = allocation.objective + (value - cost) * reference.arcs.reduce(0) { $0 + allocation.arcs[$1].flow }
            #expect(close(solved, line(value), 1e-6), "seed \(seed) \(link.id) at \(value) in \(range): \(solved) vs \(line(value))")
        }
    }
}

/// The bundle `allocate --sensitivity` prints, on tiny.json's hand solution: Khorgos's 2,733 holds from 20
/// (Chongqing's 40 through it gone) to 100 (all of Chongqing served); Xi'an's line holds its flow until it
/// costs as much as Chongqing's (300 + 380 − 325 = 355).
@Test func tinySensitivityBundleMatchesTheHandSolution() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: nil)
    let solver = try AllocationSolver(model: AllocationModel(network: network))
    let allocation = try solver.solve()
    let ranges = try solver.sensitivity(of: allocation)
    let khorgos = network.node("khorgos").index
    #expect(ranges.nodeLimits[khorgos] == [ValidityRange(lower: 20, upper: 100)])
    let xian = try #require(allocation.arcs.firstIndex { $0.linkID == "xian-urumqi" })
    #expect(close(ranges.linkCosts[xian].upper, 355) && ranges.linkCosts[xian].lower == 0)
    #expect(ranges.arcLimits.count == allocation.arcs.count && ranges.linkCosts.count == allocation.arcs.count)
}
