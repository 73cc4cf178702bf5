import CorridorLP
import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Testing

// networks/tiny.json solved by hand (valueOfTimePerHour 0.5, unservedPenalty 5000).
//
// Unit costs c_a = cost + 0.5·hours:  xian→urumqi 325, chongqing→urumqi 380, urumqi→dostyk 106,
// urumqi↔khorgos 85, dostyk→aktogay 62.5, khorgos→aktogay 157, aktogay→duisburg 1600 (cap 250),
// urumqi→bakhty 95, bakhty→aktogay 73.  Node costs h_n = handling + 0.5·dwell: dostyk 70 (cap 100),
// khorgos 45 (cap 60), bakhty 70 (cap 50); every other node 0.
//
// From urumqi to aktogay: via dostyk 106 + 70 + 62.5 = 238.5, via khorgos 85 + 45 + 157 = 287,
// via bakhty 95 + 60 + 73 = 228 (bakhty's h is 50 + 0.5·20 = 60).
//
// Baseline: crossings hold 100 + 60 = 160 < 200 demanded, so 40 go unserved. Leaving a unit
// unserved saves its whole route: xian 325 + … < chongqing 380 + …, so chongqing is the one cut.
//   transport+time+handling = 120·325 + 40·380 + 100·238.5 + 60·287 + 160·1600
//                           = 39,000 + 15,200 + 23,850 + 17,220 + 256,000 = 351,270
//   penalty = 40·5000 = 200,000;  objective = 551,270.
// One more unit at dostyk serves one more chongqing unit: 5000 − (380 + 238.5 + 1600) = 2,781.5;
// at khorgos: 5000 − (380 + 287 + 1600) = 2,733.
//
// third-crossing (bakhty on, 50): capacity 210 ≥ 200, all served; cheapest first: bakhty 50,
// dostyk 100, khorgos 50 (khorgos has slack, so its price is 0).
//   120·325 + 80·380 + 50·228 + 100·238.5 + 50·287 + 200·1600
//   = 39,000 + 30,400 + 11,400 + 23,850 + 14,350 + 320,000 = 439,000.
// A unit more at bakhty moves one unit off khorgos: 287 − 228 = 59; at dostyk: 287 − 238.5 = 48.5.

private func tiny(_ scenario: String? = nil) throws -> ActiveNetwork {
    try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: scenario)
}

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

@Test func tinyBaselineMatchesTheHandSolution() throws {
    let allocation = try allocate(tiny())
    #expect(allocation.status == .optimal)
    #expect(close(allocation.objective, 551_270))
    #expect(close(allocation.objectiveParts.unservedPenalty, 200_000))
    #expect(close(allocation.served, 160))
    #expect(close(allocation.unserved, 40))
    let demands = Dictionary(uniqueKeysWithValues: allocation.demands.map { ($0.id, $0) })
    #expect(close(demands["xian-duisburg"]?.served ?? -1, 120))
    #expect(close(demands["chongqing-duisburg"]?.served ?? -1, 40))
    #expect(close(demands["chongqing-duisburg"]?.unserved ?? -1, 40))
    let crossings = Dictionary(uniqueKeysWithValues: allocation.crossings.map { ($0.id, $0) })
    #expect(crossings.keys.sorted() == ["dostyk", "khorgos"])
    #expect(close(crossings["dostyk"]?.flow ?? -1, 100))
    #expect(close(crossings["khorgos"]?.flow ?? -1, 60))
    #expect(close(crossings["dostyk"]?.shadowPrice ?? -1, 2_781.5))
    #expect(close(crossings["khorgos"]?.shadowPrice ?? -1, 2_733))
    #expect(close(crossings["dostyk"]?.share ?? -1, 100.0 / 160))
    #expect(close(crossings["dostyk"]?.utilisation ?? -1, 1))
    // The line to Duisburg has slack: no value in more of it.
    let line = allocation.arcs.first { $0.linkID == "aktogay-duisburg" }
    #expect(line?.shadowPrice == 0)
    #expect(close(line?.flow ?? -1, 160))
}

@Test func tinyThirdCrossingMatchesTheHandSolution() throws {
    let allocation = try allocate(tiny("third-crossing"))
    #expect(close(allocation.objective, 439_000))
    #expect(close(allocation.served, 200))
    #expect(allocation.unserved.magnitude < 1e-6)
    let crossings = Dictionary(uniqueKeysWithValues: allocation.crossings.map { ($0.id, $0) })
    #expect(close(crossings["bakhty"]?.flow ?? -1, 50))
    #expect(close(crossings["dostyk"]?.flow ?? -1, 100))
    #expect(close(crossings["khorgos"]?.flow ?? -1, 50))
    #expect(close(crossings["bakhty"]?.shadowPrice ?? -1, 59))
    #expect(close(crossings["dostyk"]?.shadowPrice ?? -1, 48.5))
    #expect(crossings["khorgos"]?.shadowPrice == 0)
    #expect(close(crossings["bakhty"]?.share ?? -1, 0.25))
}

@Test func tinyRoutesCarryEachDemandAlongWholePaths() throws {
    let allocation = try allocate(tiny("third-crossing"))
    for demand in allocation.demands {
        #expect(close(demand.routes.reduce(0) { $0 + $1.flow }, demand.served))
        #expect(close(demand.routes.reduce(0) { $0 + $1.share }, 1))
        for route in demand.routes {
            #expect(route.nodes.first == demand.origin)
            #expect(route.nodes.last == demand.destination)
            #expect(route.links.count == route.nodes.count - 1)
            #expect(route.crossings.count == 1)
        }
        #expect(zip(demand.routes, demand.routes.dropFirst()).allSatisfy { $0.flow >= $1.flow })
    }
    // Which origin uses which crossing is a tie, so check every route against its own parts:
    // origin leg (xian 325 / 50 h, chongqing 380 / 60 h) + crossing leg (bakhty 228 / 36 h,
    // dostyk 238.5 / 37 h, khorgos 287 / 34 h) + aktogay→duisburg 1600 / 200 h.
    let leg = ["xian": (325.0, 50.0), "chongqing": (380.0, 60.0)]
    let crossingLeg = ["bakhty": (228.0, 36.0), "dostyk": (238.5, 37.0), "khorgos": (287.0, 34.0)]
    for route in allocation.demands.flatMap(\.routes) {
        let origin = try #require(leg[route.nodes[0]])
        let crossing = try #require(crossingLeg[route.crossings[0]])
        #expect(close(route.cost, origin.0 + crossing.0 + 1600))
        #expect(close(route.hours, origin.1 + crossing.1 + 200))
    }
    let bakhty = allocation.crossings.first { $0.id == "bakhty" }
    #expect(close(bakhty?.demands.reduce(0) { $0 + $1.flow } ?? -1, 50))
}

@Test func tinyAllocationIsDeterministic() throws {
    let first = try allocate(tiny("third-crossing"))
    let second = try allocate(tiny("third-crossing"))
    #expect(first == second)
}

@Test func tinyModelHasTheExpectedShape() throws {
    let model = try AllocationModel(network: tiny())
    let program = model.program
    // Two origins × 7 usable arcs (chongqing→urumqi is useless to xian and vice versa), 2 unserved,
    // and the column fixed at 1 that carries the objective's constant.
    #expect(program.columnCount == 17)
    // Two origins × 6 nodes with a balance row, + dostyk, khorgos throughput + aktogay-duisburg line.
    #expect(program.rowCount == 15)
    func column(_ name: String) -> Int? { (0..<program.columnCount).first { program.columnName($0) == name } }
    func row(_ name: String) -> Int? { (0..<program.rowCount).first { program.rowName($0) == name } }
    // Throughput of dostyk: both commodities' flow on urumqi-dostyk.
    let dostykRow = try #require(row("cap_dostyk"))
    #expect(program.rowBounds(dostykRow).upper == 100)
    let dostykTerms = program.terms(ofRow: dostykRow).map { program.columnName($0.column) }.sorted()
    #expect(dostykTerms == ["x_chongqing_urumqi.dostyk", "x_xian_urumqi.dostyk"])
    // x on urumqi-dostyk pays c_a + h(dostyk) = 106 + 70; u pays the penalty.
    #expect(program.objective(try #require(column("x_xian_urumqi.dostyk"))) == 176)
    #expect(program.objective(try #require(column("u_xian.duisburg"))) == 5000)

    // The hand solution satisfies every row and costs 551,270 in the program too.
    var values = [Double](repeating: 0, count: program.columnCount)
    values[program.columnCount - 1] = 1
    func set(_ name: String, _ value: Double) throws { values[try #require(column(name))] = value }
    // Xian sends 100 via dostyk, 20 via khorgos; Chongqing 40 via khorgos, and 40 stay unserved.
    for (name, value) in [
        ("x_xian_xian.urumqi", 120.0), ("x_xian_urumqi.dostyk", 100), ("x_xian_dostyk.aktogay", 100),
        ("x_xian_urumqi.khorgos", 20), ("x_xian_khorgos.aktogay", 20), ("x_xian_aktogay.duisburg", 120),
        ("x_chongqing_chongqing.urumqi", 40), ("x_chongqing_urumqi.khorgos", 40), ("x_chongqing_khorgos.aktogay", 40),
        ("x_chongqing_aktogay.duisburg", 40), ("u_chongqing.duisburg", 40),
    ] { try set(name, value) }
    for r in 0..<program.rowCount {
        let activity = program.activity(ofRow: r, at: values)
        let bounds = program.rowBounds(r)
        #expect(activity >= (bounds.lower ?? -.infinity) - 1e-9, "\(program.rowName(r))")
        #expect(activity <= (bounds.upper ?? .infinity) + 1e-9, "\(program.rowName(r))")
    }
    #expect(close(program.objectiveValue(at: values), 551_270))
}

@Test func demandWithAnEndOffIsWhollyUnservedWithItsPenalty() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny)
    let allocation = try allocate(network.activate(Scenario(id: "no-xian", disable: ["xian"])))
    let xian = try #require(allocation.demands.first { $0.id == "xian-duisburg" })
    #expect(!xian.isServable)
    #expect(xian.served == 0 && xian.unserved == 120 && xian.routes.isEmpty)
    // Chongqing alone fits through dostyk (80 ≤ 100): the only penalty is xian's.
    #expect(close(allocation.objectiveParts.unservedPenalty, 120 * 5000))
    #expect(close(allocation.served, 80))
}

@Test func dostykOutageLeavesKhorgosAlone() throws {
    let allocation = try allocate(tiny("dostyk-outage"))
    #expect(close(allocation.served, 60))
    #expect(allocation.crossings.map(\.id) == ["khorgos"])
    #expect(close(allocation.objectiveParts.unservedPenalty, 140 * 5000))
}
