import CorridorLP
import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Foundation
import Testing

/// Networks built to hurt: each must come back as an allocation or a clear ``AllocationError``,
/// never as a GLPK abort (which would end this test process).
private let hostile: [(name: String, network: Network, scenario: Scenario)] = {
    let big = 1e15
    let chain = [
        Node(id: "a", kind: .terminal, capacity: big, handlingCost: big, dwellHours: big),
        Node(id: "b", kind: .crossing, capacity: 0),
        Node(id: "c", kind: .terminal),
    ]
    let hugeLinks = [
        Link(id: "ab", from: "a", to: "b", hours: big, cost: big, capacity: big, bidirectional: true),
        Link(id: "ac", from: "a", to: "c", hours: big, cost: big, capacity: big),
        Link(id: "cc", from: "c", to: "c", cost: 0),
    ]
    let demands = [
        Demand(id: "ac1", origin: "a", destination: "c", quantity: big, unservedPenalty: big),
        Demand(id: "ac0", origin: "a", destination: "c", quantity: 0),
        Demand(id: "ca", origin: "c", destination: "a", quantity: 5),
    ]
    let baseline = Scenario(id: Scenario.baselineID)
    return [
        ("empty", Network(name: "empty", nodes: [], links: []), baseline),
        ("huge numbers", Network(name: "huge", nodes: chain, links: hugeLinks, demands: demands), baseline),
        (
            "zero capacities and quantities",
            Network(
                name: "zeros", nodes: chain.map { Node(id: $0.id, kind: $0.kind, capacity: 0) },
                links: hugeLinks.map { Link(id: $0.id, from: $0.from, to: $0.to, capacity: 0) },
                demands: demands.map { Demand(id: $0.id, origin: $0.origin, destination: $0.destination, quantity: 0) }),
            baseline
        ),
        (
            "a scenario enabling and disabling the same ids, scaling to zero",
            Network(name: "self", nodes: chain, links: hugeLinks, demands: demands),
            Scenario(
                id: "self", enable: ["b", "ab", "self"], disable: ["b", "self"],
                capacity: [CapacityOverride(id: "a", capacity: nil), CapacityOverride(id: "self", capacity: 3)],
                demandScale: 0)
        ),
        (
            "demands between nodes that are off",
            Network(
                name: "off", nodes: chain.map { Node(id: $0.id, kind: $0.kind, status: .proposed) }, links: hugeLinks,
                demands: demands),
            baseline
        ),
        (
            "an unlimited self-loop beside the only route",
            Network(
                name: "loop", nodes: [Node(id: "p", kind: .terminal), Node(id: "q", kind: .terminal)],
                links: [Link(id: "pp", from: "p", to: "p"), Link(id: "pq", from: "p", to: "q", capacity: 7)],
                demands: [Demand(id: "pq1", origin: "p", destination: "q", quantity: 10)]),
            baseline
        ),
    ]
}()

@Test(arguments: hostile.indices) func hostileNetworksNeverAbort(index: Int) throws {
    let (name, network, scenario) = hostile[index]
    let active = network.activate(scenario)
    do {
        let allocation = try allocate(active)
        #expect(allocation.demands.count == network.demands.count, "\(name)")
        for demand in allocation.demands {
            #expect(abs(demand.served + demand.unserved - demand.quantity) <= 1e-6 * max(1, demand.quantity), "\(name)")
        }
        let program = try AllocationModel(network: active).program
        #expect(program.lpText().hasSuffix("End\n") && program.mpsText().hasSuffix("ENDATA\n"), "\(name)")
    } catch let error as AllocationError {
        // A refusal must say what and where, not blame GLPK for our input.
        #expect(!error.description.isEmpty, "\(name)")
        if case .solver = error { Issue.record("\(name): GLPK failed: \(error)") }
    }
}

@Test func selfLoopCarriesNothingUseful() throws {
    let (_, network, scenario) = hostile[5]
    let allocation = try allocate(network.activate(scenario))
    #expect(abs(allocation.served - 7) < 1e-9)
    #expect(allocation.demands[0].routes.map(\.links) == [["pq"]])
}

@Test func overflowingScaleIsRefusedWithTheDemandNamed() throws {
    let network = Network(
        name: "overflow", nodes: [Node(id: "a", kind: .terminal), Node(id: "b", kind: .terminal)],
        links: [Link(id: "ab", from: "a", to: "b")],
        demands: [Demand(id: "ab1", origin: "a", destination: "b", quantity: 1e15, unservedPenalty: 1e15)])
    let active = network.activate(Scenario(id: "x", demandScale: 1e300))
    #expect {
        _ = try allocate(active)
    } throws: { error in
        (error as? AllocationError).map { "\($0)".contains("ab1") } ?? false
    }
}
