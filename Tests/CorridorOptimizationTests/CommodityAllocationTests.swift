import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Foundation
import Testing

/// Commodities, limits in trains and vehicles, and directions: known answers on the hand-worked teaching
/// network (networks/two-way.md), identities with single-commodity networks, and an independent LP.
@Suite struct CommodityAllocationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func bundled(_ name: String) throws -> Network {
        try NetworkReader.read(path: repository.appendingPathComponent("networks/\(name)").path)
    }

    static func read(_ text: String) throws -> Network { try NetworkReader.read(data: Data(text.utf8), source: "test.json") }

    /// `value` equals `expected` to 1e-9 relative: limits in trains weigh flows by 1/50 and 1/4000,
    /// which binary floating point cannot hold exactly.
    static func close(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) <= 1e-9 * max(1, abs(expected))
    }

    /// The limit of `measure` on one direction of a link.
    static func limit(_ allocation: Allocation, link: String, reverse: Bool = false, _ measure: String) -> Allocation.LimitResult? {
        allocation.arcs.first { $0.linkID == link && $0.isReverse == reverse }?.limits.first { $0.measure == measure }
    }

    // MARK: - The teaching network, worked by hand in networks/two-way.md

    @Test(arguments: [
        ("baseline", 4_798_000.0, 4_016_250.0, 503_500.0, 278_250.0, 0.0),
        ("dostyk-queue", 4_838_500, 4_022_250, 500_500, 315_750, 0),
        ("ore-boom", 6_185_000, 4_464_000, 784_000, 277_000, 660_000),
        ("third-crossing", 4_786_000, 4_000_750, 505_500, 279_750, 0),
    ])
    func teachingNetworkObjectives(
        _ scenario: String, _ objective: Double, _ transport: Double, _ handling: Double, _ time: Double, _ penalty: Double
    ) throws {
        let allocation = try allocate(Self.bundled("two-way.json").activate(scenario: scenario))
        #expect(Self.close(allocation.objective, objective))
        let parts = allocation.objectiveParts
        #expect(Self.close(parts.transport, transport))
        #expect(Self.close(parts.handling, handling))
        #expect(Self.close(parts.timeValue, time))
        #expect(Self.close(parts.unservedPenalty, penalty))
    }

    /// Baseline: Dostyk's westbound trains are full of containers (15,000 USD a train: 50 TEU × 300 saved
    /// against the road); eastbound, containers and ore share 14 trains and ore gives way (4,000 USD a
    /// train: 4,000 t × 1 USD/t more via Khorgos); Khorgos's 250 TEU westbound bind at 200 USD/TEU.
    @Test func teachingNetworkBaselineFlowsAndPrices() throws {
        let allocation = try allocate(Self.bundled("two-way.json").activate(scenario: nil))
        let dostykWest = try #require(Self.limit(allocation, link: "urumqi-dostyk", "trains"))
        let dostykEast = try #require(Self.limit(allocation, link: "urumqi-dostyk", reverse: true, "trains"))
        #expect(Self.close(dostykWest.used, 20) && Self.close(dostykWest.shadowPrice, 15_000))
        #expect(Self.close(dostykEast.used, 14) && Self.close(dostykEast.shadowPrice, 4_000))
        let khorgosWest = try #require(Self.limit(allocation, link: "urumqi-khorgos", "TEU"))
        #expect(Self.close(khorgosWest.used, 250) && Self.close(khorgosWest.shadowPrice, 200))
        let east = try #require(allocation.arcs.first { $0.linkID == "urumqi-dostyk" && $0.isReverse })
        #expect(east.flows.map { $0.rounded() } == [400, 24_000])
        let ore = try #require(allocation.commodities.first { $0.id == "ore" })
        #expect(ore.served == 36_000 && ore.trains == 9)
        let road = try #require(allocation.crossings.first { $0.id == "nur-zholy" })
        #expect(road.flows == [150, 0])
        #expect(road.limits.map(\.measure) == ["vehicles"] && Self.close(road.limits[0].used, 75))
        #expect(allocation.demands.allSatisfy { $0.unserved == 0 })
    }

    /// A bulk boom: ore is partly unserved (its 30 USD/t penalty is what a Dostyk train is then worth
    /// per tonne: 40,000 USD a train), eastbound containers take the road, and the shared road
    /// checkpoint prices both directions.
    @Test func teachingNetworkOreBoom() throws {
        let allocation = try allocate(Self.bundled("two-way.json").activate(scenario: "ore-boom"))
        let ore = try #require(allocation.demands.first { $0.commodity == "ore" })
        #expect(Self.close(ore.served, 68_000) && Self.close(ore.unserved, 22_000))
        for (link, reverse, measure, price) in [
            ("urumqi-dostyk", false, "trains", 40_000.0), ("urumqi-dostyk", true, "trains", 40_000),
            ("urumqi-khorgos", false, "TEU", 700), ("urumqi-khorgos", true, "trains", 36_000),
        ] {
            let limit = try #require(Self.limit(allocation, link: link, reverse: reverse, measure))
            #expect(Self.close(limit.shadowPrice, price), "\(link) \(reverse) \(measure)")
        }
        let road = try #require(allocation.nodes.first { $0.id == "nur-zholy" })
        #expect(Self.close(road.limits[0].shadowPrice, 1_000))
    }

    // MARK: - Identities

    /// A capacity of 100 TEU rewritten as 2 trains of 50 TEU is the same program: same objective, and
    /// the price of a train is 50 times the price of a TEU.
    @Test func aCapacityInTrainsOfFiftyEqualsOneInTEU() throws {
        var text = try String(contentsOf: Self.repository.appendingPathComponent("networks/tiny.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"corridor-network/1\"", with: "\"corridor-network/2\"")
        text = text.replacingOccurrences(of: "\"unservedPenalty\": 5000,", with: """
            "unservedPenalty": 5000,
            "commodities": [{ "id": "box", "unit": "TEU", "perTrain": 50 }],
            """)
        text = text.replacingOccurrences(of: "\"capacity\": 100,", with: "\"capacity\": { \"trains\": 2 },")
        let trains = try Self.read(text)
        let tiny = try Self.bundled("tiny.json")
        for scenario in [nil] + tiny.scenarios.map(\.id) {
            let inTrains = try allocate(trains.activate(scenario: scenario))
            let inTEU = try allocate(tiny.activate(scenario: scenario))
            #expect(Self.close(inTrains.objective, inTEU.objective), "\(scenario ?? "baseline")")
            let dostykTrains = inTrains.nodes.first { $0.id == "dostyk" }?.limits.first?.shadowPrice
            let dostykTEU = inTEU.nodes.first { $0.id == "dostyk" }?.shadowPrice
            #expect((dostykTrains == nil) == (dostykTEU == nil), "\(scenario ?? "baseline")")
            if let dostykTrains, let dostykTEU { #expect(Self.close(dostykTrains, 50 * dostykTEU), "\(scenario ?? "baseline")") }
        }
    }

    /// Declaring the implicit commodity explicitly changes nothing but the names.
    @Test func oneDeclaredCommodityGivesTheSameAllocation() throws {
        var text = try String(contentsOfFile: TestNetworks.chinaEuropeV1, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"corridor-network/1\"", with: "\"corridor-network/2\"")
        let marker = "\"nodes\": ["
        let range = try #require(text.range(of: marker))
        text.replaceSubrange(range, with: "\"commodities\": [{ \"id\": \"containers\", \"unit\": \"TEU\" }],\n" + marker)
        let declared = try Self.read(text)
        let bundled = try NetworkReader.read(path: TestNetworks.chinaEuropeV1)
        for scenario in [nil] + bundled.scenarios.map(\.id) {
            let a = try allocate(declared.activate(scenario: scenario))
            let b = try allocate(bundled.activate(scenario: scenario))
            #expect(a.objective == b.objective, "\(scenario ?? "baseline")")
            #expect(a.demands.map(\.served) == b.demands.map(\.served))
            #expect(a.nodes.map(\.shadowPrice) == b.nodes.map(\.shadowPrice))
        }
    }

    /// A commodity only moves over elements that accept it: with the only direct link closed to ore,
    /// ore goes round, and where no accepting path exists it is unserved.
    @Test func acceptsKeepsACommodityOffAnElement() throws {
        let network = try Self.read("""
            {
              "format": "corridor-network/2", "name": "accepts", "unit": "TEU", "period": "day", "currency": "USD",
              "commodities": [
                { "id": "box", "unit": "TEU", "unservedPenalty": 1000 },
                { "id": "ore", "unit": "t", "unservedPenalty": 50 }
              ],
              "nodes": [
                { "id": "a", "kind": "terminal" }, { "id": "m", "kind": "junction", "accepts": ["box"] },
                { "id": "b", "kind": "terminal" }, { "id": "z", "kind": "junction" }
              ],
              "links": [
                { "id": "a-b", "from": "a", "to": "b", "mode": "rail", "cost": 1, "accepts": ["box"] },
                { "id": "a-m", "from": "a", "to": "m", "mode": "rail", "cost": 1 },
                { "id": "m-b", "from": "m", "to": "b", "mode": "rail", "cost": 1 },
                { "id": "a-z", "from": "a", "to": "z", "mode": "rail", "cost": 5, "perCommodity": { "ore": { "cost": 7 } } },
                { "id": "z-b", "from": "z", "to": "b", "mode": "rail", "cost": 5 }
              ],
              "demands": [
                { "id": "boxes", "origin": "a", "destination": "b", "quantity": 10, "commodity": "box" },
                { "id": "ores", "origin": "a", "destination": "b", "quantity": 100, "commodity": "ore" }
              ],
              "scenarios": [ { "id": "z-closed-to-ore", "accepts": { "z": ["box"] } } ]
            }
            """)
        let base = try allocate(network.activate(scenario: nil))
        #expect(base.demands.map(\.routes.first?.links) == [["a-b"], ["a-z", "z-b"]])
        #expect(base.objective == 10 * 1 + 100 * 12)
        let closed = try allocate(network.activate(scenario: "z-closed-to-ore"))
        #expect(closed.demands[1].unserved == 100 && closed.objective == 10 + 100 * 50)
    }

    // MARK: - Column generation against the arc formulation

    /// Both methods solve the same program: equal objectives, and on the teaching network (whose optimum
    /// is unique) the same prices of every limit.
    @Test(arguments: ["baseline", "dostyk-queue", "ore-boom", "third-crossing"])
    func pathsAndArcsAgreeOnTheTeachingNetwork(_ scenario: String) throws {
        let network = try Self.bundled("two-way.json").activate(scenario: scenario)
        let arcs = try allocate(network, method: .arcs)
        let paths = try allocate(network, method: .paths)
        #expect(Self.close(paths.objective, arcs.objective))
        for (a, b) in zip(arcs.arcs, paths.arcs) {
            #expect(zip(a.limits, b.limits).allSatisfy { Self.close($0.shadowPrice, $1.shadowPrice) }, "\(a.linkID)")
            #expect(zip(a.flows, b.flows).allSatisfy { Self.close($0, $1) }, "\(a.linkID)")
        }
        #expect(paths.demands.map(\.served) == arcs.demands.map(\.served))
    }

    /// Every scenario of the bundled networks, and random two-commodity ones: the same optimum either way.
    @Test func pathsAndArcsAgreeOnTheBundledNetworks() throws {
        for name in ["tiny.json", "china-europe.json"] {
            let network = try Self.bundled(name)
            for scenario in [nil] + network.scenarios.map(\.id) {
                let active = try network.activate(scenario: scenario)
                let arcs = try allocate(active, method: .arcs)
                let paths = try allocate(active, method: .paths)
                #expect(abs(paths.objective - arcs.objective) <= 1e-9 * max(1, arcs.objective), "\(name) \(scenario ?? "baseline")")
                #expect(paths.served == arcs.served || abs(paths.served - arcs.served) <= 1e-6 * max(1, arcs.served))
            }
        }
    }

    /// A generated two-commodity, two-direction corridor of the benchmark's shape (Benchmarks/allocation),
    /// congested enough for many rounds of pricing and for idle paths to be dropped.
    @Test(arguments: [(400, 1200, 120, 7), (600, 1800, 150, 7)])
    func pathsAndArcsAgreeOnGeneratedCorridors(nodes: Int, links: Int, demands: Int, seed: Int) throws {
        let generator = Self.repository.appendingPathComponent("Benchmarks/allocation/generate.py").path
        let run = try ExternalProgram.run(
            "/usr/bin/env", ["python3", generator, "\(nodes)", "\(links)", "\(demands)", "--seed", "\(seed)", "--commodities", "2"])
        try #require(run.status == 0, "\(run.output.prefix(500))")
        let active = try Self.read(run.output).activate(scenario: nil)
        let arcs = try allocate(active, method: .arcs)
        let solver = try PathAllocationSolver(network: active)
        let paths = try solver.solve()
        #expect(solver.lastRun.rounds > 5)
        #expect(abs(paths.objective - arcs.objective) <= 1e-9 * max(1, abs(arcs.objective)))
        // The Lagrangian bound of the last pricing round closes the gap: a certificate of the optimum.
        #expect(abs(solver.lastRun.bound - arcs.objective) <= 1e-9 * max(1, abs(arcs.objective)))
        // Congested enough that limit rows broken on the way are dropped again.
        #expect(solver.lastRun.rowsDropped > 0)
    }

    @Test(arguments: 0..<40)
    func pathsAndArcsAgreeOnRandomNetworks(seed: UInt64) throws {
        let active = try Self.read(Self.randomNetwork(seed: 1000 + seed)).activate(scenario: nil)
        let arcs = try allocate(active, method: .arcs)
        let solver = try PathAllocationSolver(network: active)
        let paths = try solver.solve()
        #expect(abs(paths.objective - arcs.objective) <= 1e-9 * max(1, abs(arcs.objective)), "seed \(seed)")
        #expect(abs(solver.lastRun.bound - arcs.objective) <= 1e-9 * max(1, abs(arcs.objective)), "seed \(seed)")
    }

    /// Limits weighing one commodity a million times lighter than another (1e-6 per tonne beside 1 per
    /// TEU, quantities of 1e7): GLPK's dual simplex once called the arc program infeasible here, and the
    /// path program's simplex too; both now reach the optimum (everything unserved at the closed terminal).
    @Test(arguments: [AllocationMethod.arcs, .paths])
    func badlyScaledLimitsStillSolve(method: AllocationMethod) throws {
        let network = try Self.read("""
            {"format": "corridor-network/2", "name": "closed terminal", "unit": "TEU", "period": "day", "currency": "USD",
             "commodities": [{"id": "box", "unit": "TEU", "perTrain": 1}, {"id": "ore", "unit": "t", "perTrain": 1000000}],
             "nodes": [{"id": "a", "kind": "terminal"}, {"id": "b", "kind": "terminal", "capacity": {"trains": 0}}],
             "links": [{"id": "a-b", "from": "a", "to": "b", "mode": "rail"}],
             "demands": [{"id": "boxes", "commodity": "box", "origin": "a", "destination": "b", "quantity": 10000000},
                         {"id": "no-ore", "commodity": "ore", "origin": "a", "destination": "b", "quantity": 0}]}
            """)
        let allocation = try allocate(network.activate(scenario: nil), method: method)
        #expect(allocation.objective == 1e13)
        #expect(allocation.demands[0].unserved == 1e7)
    }

    /// Flows below 1e-9 of their own demands count as solver noise, never below 1e-9 of the whole file's:
    /// a demand of 1e9 that cannot be served once erased a demand of 1 TEU (objective 1,000,000, not 100).
    @Test(arguments: [AllocationMethod.arcs, .paths])
    func aHugeDemandDoesNotEraseASmallFlow(method: AllocationMethod) throws {
        let network = try Self.read("""
            {"format": "corridor-network/1", "name": "tolerance", "unit": "TEU", "period": "day", "currency": "USD",
             "nodes": [{"id": "a", "kind": "terminal"}, {"id": "b", "kind": "terminal"}, {"id": "c", "kind": "terminal"}],
             "links": [{"id": "a-b", "from": "a", "to": "b", "mode": "rail", "cost": 100}],
             "demands": [{"id": "big", "origin": "a", "destination": "c", "quantity": 1000000000, "unservedPenalty": 0},
                         {"id": "small", "origin": "a", "destination": "b", "quantity": 1}]}
            """)
        let allocation = try allocate(network.activate(scenario: nil), method: method)
        #expect(allocation.objective == 100)
        #expect(allocation.demands[1].served == 1 && allocation.demands[1].routes.count == 1)
    }

    // MARK: - Against an independent LP

    /// Random two-commodity, two-direction networks: corridor's objective equals the one HiGHS finds for
    /// the per-demand formulation that `scripts/oracles/allocation-highs` builds on its own from the file.
    @Test(arguments: 0..<12)
    func randomMulticommodityNetworksAgreeWithHiGHS(seed: UInt64) throws {
        let text = Self.randomNetwork(seed: seed)
        let path = try TemporaryFiles.file(text, name: "random-\(seed).json")
        let ours = try allocate(Self.read(text).activate(scenario: nil))
        let oracle = Self.repository.appendingPathComponent("scripts/oracles/allocation-highs").path
        let run = try ExternalProgram.run("/usr/bin/env", ["python3", oracle, path])
        try #require(run.status == 0, "\(run.output)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let theirs = try #require(document["objective"] as? Double)
        #expect(abs(ours.objective - theirs) <= 1e-7 * max(1, abs(theirs)), "seed \(seed): \(ours.objective) vs \(theirs)")
        let byPaths = try allocate(Self.read(text).activate(scenario: nil), method: .paths)
        #expect(abs(byPaths.objective - theirs) <= 1e-7 * max(1, abs(theirs)), "seed \(seed): paths \(byPaths.objective) vs \(theirs)")
        // The instances are meant to bind: some limit has a price, so agreement tests the limits' weights.
        let prices = ours.nodes.flatMap(\.limits) + ours.arcs.flatMap(\.limits)
        #expect(prices.contains { $0.shadowPrice > 0 }, "seed \(seed) binds nothing")
    }

    /// 7–10 nodes, containers (TEU, by train and road) and ore (t, by train only), rail links with limits
    /// in trains and TEU (some two-way with their own reverse limit), road links in vehicles taking
    /// containers only, nodes with TEU and train limits, some terminals refusing ore, demands both ways.
    static func randomNetwork(seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        let nodeCount = draw(7...10)
        let perTrain = (box: draw(40...90), ore: draw(1000...4000))
        let refusesOre = (0..<nodeCount).map { $0 > 1 && draw(0...4) == 0 }
        var nodes: [String] = []
        for n in 0..<nodeCount {
            var limits: [String] = []
            if draw(0...3) == 0 { limits.append("\"TEU\": \(draw(5...60))") }
            if draw(0...3) == 0 { limits.append("\"trains\": \(draw(1...4))") }
            let capacity = limits.isEmpty ? "" : ", \"capacity\": {\(limits.joined(separator: ", "))}"
            let accepts = refusesOre[n] ? ", \"accepts\": [\"box\"]" : ""
            nodes.append(
                "{ \"id\": \"n\(n)\", \"kind\": \"junction\", \"handlingCost\": \(draw(0...20)), \"dwellHours\": \(draw(0...10))"
                    + capacity + accepts
                    + ", \"perCommodity\": { \"box\": { \"handlingCost\": \(draw(0...40)) } } }")
        }
        var links: [String] = []
        for l in 0..<draw(14...24) {
            let from = draw(0...(nodeCount - 1))
            var to = draw(0...(nodeCount - 2))
            if to >= from { to += 1 }
            let isRoad = draw(0...4) == 0
            let twoWay = draw(0...2) == 0
            var text = "{ \"id\": \"l\(l)\", \"from\": \"n\(from)\", \"to\": \"n\(to)\", \"mode\": \"\(isRoad ? "road" : "rail")\""
            text += ", \"cost\": \(draw(10...100)), \"hours\": \(draw(1...30))"
            text += ", \"perCommodity\": { \"ore\": { \"cost\": \(Double(draw(1...30)) / 10), \"hours\": \(draw(5...60)) } }"
            if isRoad {
                text = text.replacingOccurrences(of: ", \"perCommodity\": { \"ore\"", with: ", \"accepts\": [\"box\"], \"perCommodity\": { \"box\"")
                if draw(0...1) == 0 { text += ", \"capacity\": { \"vehicles\": \(draw(2...20)) }" }
            } else if draw(0...2) > 0 {
                text += draw(0...1) == 0 ? ", \"capacity\": { \"trains\": \(draw(1...5)) }" : ", \"capacity\": { \"trains\": \(draw(1...5)), \"TEU\": \(draw(10...80)) }"
                if twoWay, draw(0...1) == 0 { text += ", \"reverseCapacity\": { \"trains\": \(draw(0...3)) }" }
            }
            if twoWay { text += ", \"bidirectional\": true" }
            links.append(text + " }")
        }
        var demands: [String] = []
        for k in 0..<draw(4...8) {
            let isOre = draw(0...2) == 0
            var origin = draw(0...(nodeCount - 1))
            var destination = draw(0...(nodeCount - 2))
            if destination >= origin { destination += 1 }
            if isOre {
                origin = refusesOre[origin] ? 0 : origin
                destination = refusesOre[destination] || destination == origin ? (origin == 1 ? 0 : 1) : destination
            }
            let quantity = isOre ? draw(500...9000) : draw(5...120)
            demands.append(
                "{ \"id\": \"d\(k)\", \"origin\": \"n\(origin)\", \"destination\": \"n\(destination)\", \"quantity\": \(quantity), "
                    + "\"commodity\": \"\(isOre ? "ore" : "box")\" }")
        }
        return """
            {
              "format": "corridor-network/2", "name": "random \(seed)", "unit": "TEU", "period": "day", "currency": "USD",
              "valueOfTimePerHour": 0.5, "unservedPenalty": 3000,
              "commodities": [
                { "id": "box", "unit": "TEU", "perTrain": \(perTrain.box), "perVehicle": 2 },
                { "id": "ore", "unit": "t", "perTrain": \(perTrain.ore), "valueOfTimePerHour": 0.01, "unservedPenalty": 40 }
              ],
              "nodes": [\(nodes.joined(separator: ",\n"))],
              "links": [\(links.joined(separator: ",\n"))],
              "demands": [\(demands.joined(separator: ",\n"))]
            }
            """
    }
}
