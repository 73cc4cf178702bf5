import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorReports
import CorridorRouting
import CorridorTestSupport
import Foundation
import Testing

// Known answers on networks/tiny.json, worked by hand (valueOfTimePerHour 0.5, penalty 5000).
// Unit costs c_a = cost + 0.5·hours, h_n = handling + 0.5·dwell:
//   xian→urumqi 300+25 = 325; chongqing→urumqi 350+30 = 380; aktogay→duisburg 1500+100 = 1600.
//   urumqi→aktogay via dostyk 106+70+62.5 = 238.5, via khorgos 85+45+157 = 287, via bakhty 95+60+73 = 228.
// Baseline: crossings hold 100 + 60 = 160 of 200. Chongqing's route costs 55 more than Xi'an's, so its
//   40 are left unserved: 100·238.5 + 60·287 + 120·325 + 40·380 + 160·1600 + 40·5000 = 551,270.
//   Shadow prices: one more unit serves a Chongqing unit instead of its penalty:
//   dostyk 5000 − (380 + 238.5 + 1600) = 2781.5; khorgos 5000 − (380 + 287 + 1600) = 2733.
// third-crossing: 210 of capacity for 200: bakhty 50, dostyk 100, khorgos 50:
//   50·228 + 100·238.5 + 50·287 + 120·325 + 80·380 + 200·1600 = 439,000.
//   Prices: khorgos slack → 0; bakhty 287 − 228 = 59; dostyk 287 − 238.5 = 48.5.
// Sweep of bakhty's capacity v under third-crossing: for v ≤ 40 each unit serves a Chongqing unit,
//   saving 5000 − (380 + 228 + 1600) = 2792: objective 551,270 − 2792·v (0, 10, 20, 30, 40 →
//   551,270, 523,350, 495,430, 467,510, 439,590). Above 40 each unit displaces khorgos at 287 − 228 = 59:
//   v = 50 → 439,590 − 590 = 439,000. Marginal value 2792 below 40, 59 above; at 40 (a kink) any value
//   in [59, 2792] is a valid dual.

func tiny(_ scenario: String? = nil) throws -> ActiveNetwork {
    try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: scenario)
}

func closeTo(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    abs(a - b) <= relative * max(1, abs(a), abs(b))
}

@Suite struct ComparisonTests {
    @Test func baselineAgainstThirdCrossing() throws {
        let comparison = try compare(baseline: tiny(), scenario: tiny("third-crossing"))
        #expect(closeTo(comparison.baseline.allocation.objective, 551_270))
        #expect(closeTo(comparison.scenario.allocation.objective, 439_000))
        let byID = Dictionary(uniqueKeysWithValues: comparison.crossings.map { ($0.id, $0) })
        #expect(comparison.crossings.map(\.id) == ["dostyk", "khorgos", "bakhty"])
        #expect(byID["bakhty"]?.before == nil)
        #expect(closeTo(byID["bakhty"]?.after?.flow ?? -1, 50))
        #expect(closeTo(byID["khorgos"]?.flowChange ?? 0, -10))
        #expect(closeTo(byID["dostyk"]?.before?.shadowPrice ?? 0, 2781.5))
        #expect(closeTo(byID["khorgos"]?.before?.shadowPrice ?? 0, 2733))
        #expect(closeTo(byID["dostyk"]?.after?.shadowPrice ?? 0, 48.5))
        #expect(closeTo(byID["bakhty"]?.after?.shadowPrice ?? 0, 59))
        #expect(byID["khorgos"]?.after?.shadowPrice == 0)
        #expect(closeTo(comparison.baseline.allocation.unserved, 40))
        #expect(comparison.scenario.allocation.unserved == 0)
        // Max-flow is the crossings' capacity: 160, then 210, cut by the crossings.
        #expect(comparison.baseline.maxFlow?.value == 160)
        #expect(comparison.scenario.maxFlow?.value == 210)
        #expect(Set(comparison.scenario.maxFlow?.cut.map(\.id) ?? []) == ["dostyk", "khorgos", "bakhty"])
        // Chongqing's 40 unserved are all served after; in total 50 units go through bakhty.
        let chongqing = try #require(comparison.changes.first { $0.id == "chongqing-duisburg" })
        let fromUnserved = chongqing.shifts.filter { $0.from == .unserved }.reduce(0) { $0 + $1.flow }
        #expect(closeTo(fromUnserved, 40))
        let toBakhty = comparison.changes.flatMap(\.shifts).filter { $0.to == .via(["bakhty"]) }.reduce(0) { $0 + $1.flow }
        #expect(closeTo(toBakhty, 50))
        #expect(zip(comparison.changes, comparison.changes.dropFirst()).allSatisfy { $0.size >= $1.size })
        // Mean transit: per-unit hours (arcs + dwell) are 50+12+20+5+200 = 287 via dostyk for Xi'an.
        let days = try #require(comparison.baseline.meanTransitDays)
        #expect(days > 0 && days < 20)
    }

    @Test func sameScenarioHasNoChanges() throws {
        let comparison = try compare(baseline: tiny("third-crossing"), scenario: tiny("third-crossing"))
        #expect(comparison.changes.isEmpty)
        #expect(comparison.crossings.allSatisfy { $0.flowChange == 0 })
    }
}

@Suite struct SweepTests {
    func bakhtySweep(shard: SweepShard? = nil, steps: Int = 6) throws -> SweepResult {
        try sweep(
            tiny("third-crossing"),
            SweepRequest(parameter: .capacity("bakhty"), minimum: 0, maximum: 50, steps: steps, shard: shard))
    }

    @Test func bakhtyCapacityKnownAnswers() throws {
        let result = try bakhtySweep()
        #expect(result.points.map(\.value) == [0, 10, 20, 30, 40, 50])
        let expected = [551_270.0, 523_350, 495_430, 467_510, 439_590, 439_000]
        for (point, objective) in zip(result.points, expected) {
            #expect(closeTo(point.objective, objective), "objective at \(point.value)")
        }
        for point in result.points where point.value < 40 {
            #expect(closeTo(point.marginalValue, 2792), "marginal value at \(point.value)")
            #expect(closeTo(point.unserved, 40 - point.value))
        }
        let kink = result.points[4].marginalValue
        #expect(kink >= 59 - 1e-9 && kink <= 2792 + 1e-9)
        #expect(closeTo(result.points[5].marginalValue, 59))
        #expect(result.points[5].crossings.map(\.flow) == [100, 50, 50])
        #expect(result.marginalValueReachesZero == nil)
    }

    @Test func marginalValueReachesZeroWhereMoreIsWorthless() throws {
        // Bakhty displaces khorgos up to 100 (59 each), then dostyk up to 200 (10.5 each); beyond 200
        // it carries all 200 TEU and more is worth nothing.
        let result = try sweep(
            tiny("third-crossing"), SweepRequest(parameter: .capacity("bakhty"), minimum: 195, maximum: 235, steps: 5))
        #expect(closeTo(result.points[0].marginalValue, 10.5))
        #expect(result.marginalValueReachesZero == 205)
    }

    @Test func pointEqualsPlainAllocation() throws {
        let result = try sweep(
            tiny("third-crossing"), SweepRequest(parameter: .capacity("bakhty"), minimum: 0, maximum: 77, steps: 12))
        let base = try NetworkReader.read(path: TestNetworks.tiny)
        for point in result.points {
            var scenario = try #require(base.scenarios.first { $0.id == "third-crossing" })
            scenario.capacity.append(CapacityOverride(id: "bakhty", capacity: point.value))
            let plain = try allocate(base.activate(scenario))
            #expect(closeTo(point.objective, plain.objective, relative: 1e-6), "at \(point.value)")
        }
    }

    @Test func costAndDemandScaleMarginals() throws {
        let cost = try sweep(tiny(), SweepRequest(parameter: .cost("urumqi-dostyk"), minimum: 0, maximum: 200, steps: 5))
        // dostyk stays full at any of these costs (it saves a penalty of 5000): objective moves 100 per unit.
        for point in cost.points {
            #expect(closeTo(point.objective, 551_270 + 100 * (point.value - 100)))
            #expect(point.marginalValue == -100)
        }
        // d objective / d scale at 1: Xi'an's extra 120 displace Chongqing units (4945 each: route + price),
        // Chongqing's extra 80 go unserved (5000): 120·4945 + 80·5000 = 993,400.
        let scale = try sweep(tiny(), SweepRequest(parameter: .demandScale, minimum: 1, maximum: 1.1, steps: 3))
        #expect(closeTo(scale.points[0].marginalValue, -993_400))
        #expect(closeTo(scale.points[1].objective, 551_270 + 0.05 * 993_400))
    }

    @Test func shardsMergeIntoTheUnshardedRun() throws {
        let whole = try sweep(
            tiny("third-crossing"), SweepRequest(parameter: .capacity("bakhty"), minimum: 0, maximum: 230, steps: 47))
        var parts: [(source: String, result: SweepResult)] = []
        for index in 1...3 {
            let shard = try sweep(
                tiny("third-crossing"),
                SweepRequest(
                    parameter: .capacity("bakhty"), minimum: 0, maximum: 230, steps: 47,
                    shard: SweepShard(index: index, count: 3)))
            let text = SweepJSONReport.document(shard).serialized()
            parts.append(("shard\(index)", try SweepJSONReport.read(Data(text.utf8), source: "shard\(index)")))
        }
        let merged = try mergeSweepShards(parts)
        #expect(SweepJSONReport.document(merged).serialized() == SweepJSONReport.document(whole).serialized())

        #expect(throws: ImpactError.self) { try mergeSweepShards(Array(parts.dropLast())) }
        #expect(throws: ImpactError.self) { try mergeSweepShards(parts + [parts[0]]) }
    }

    @Test func brokenShardNamesFileLineAndColumn() {
        let broken = Data("{\n  \"format\": \"corridor-sweep/1\",\n  \"min\": 1e999,\n  \"max\" 2\n}".utf8)
        #expect(throws: ImpactError.inconsistentShards("s.json:4:9: not JSON: unexpected '2'; expected ':' after the key")) {
            try SweepJSONReport.read(broken, source: "s.json")
        }
        let huge = Data(#"{"format": "corridor-sweep/1", "network": "n", "scenario": "s", "parameter": {"kind": "demandScale"}, "min": 1e999}"#.utf8)
        #expect(throws: ImpactError.inconsistentShards("h.json: \"min\" is out of range")) {
            try SweepJSONReport.read(huge, source: "h.json")
        }
    }

    @Test func badRequests() throws {
        #expect(throws: SweepRequestError.minimumAboveMaximum(2, 1)) {
            try SweepRequest(parameter: .demandScale, minimum: 2, maximum: 1, steps: 3)
        }
        #expect(throws: SweepRequestError.tooFewSteps(0)) { try SweepRequest(parameter: .demandScale, minimum: 0, maximum: 1, steps: 0) }
        #expect(throws: SweepRequestError.negative(.minimum, -1, noun: "demand scale")) {
            try SweepRequest(parameter: .demandScale, minimum: -1, maximum: 1, steps: 2)
        }
        #expect(throws: SweepRequestError.notFinite(.maximum, .infinity)) {
            try SweepRequest(parameter: .demandScale, minimum: 0, maximum: .infinity, steps: 2)
        }
        let request = try SweepRequest(parameter: .capacity("bakhty"), minimum: 0, maximum: 1, steps: 2)
        #expect(
            throws: ImpactError.element(
                ElementResolutionError(
                    id: "bakhty", role: .sweptCapacity, expected: .nodeOrLink, scenario: "baseline",
                    fault: .off(kind: "node", enabledBy: ["third-crossing", "third-crossing-small"])))
        ) { try sweep(tiny(), request) }
        let typo = try SweepRequest(parameter: .capacity("dostik"), minimum: 0, maximum: 1, steps: 2)
        do {
            _ = try sweep(tiny(), typo)
            Issue.record("an unknown id must be refused")
        } catch {
            #expect("\(error)".contains("did you mean \"dostyk\""))
        }
        #expect(try SweepRequest(parameter: .demandScale, minimum: 3, maximum: 9, steps: 1).value(at: 0) == 3)
    }
}

@Suite struct CriticalityTests {
    @Test func idleCrossingIsNotCritical() throws {
        // Bakhty with room for everything leaves khorgos idle (it is the dearest crossing).
        let base = try NetworkReader.read(path: TestNetworks.tiny)
        var scenario = try #require(base.scenarios.first { $0.id == "third-crossing" })
        scenario.capacity = [CapacityOverride(id: "bakhty", capacity: 300)]
        let result = try criticality(of: base.activate(scenario))
        let khorgos = try #require(result.ranking.first { $0.id == "khorgos" })
        #expect(khorgos.costIncrease == 0 && khorgos.unservedIncrease == 0)
        #expect(result.ranking.first?.id == "bakhty")
    }

    @Test func knownIncreases() throws {
        // Dostyk closed: khorgos carries 60 of Xi'an's: 60·(325+287+1600) + 140·5000 = 832,720.
        let result = try criticality(of: tiny())
        #expect(result.ranking.map(\.id) == ["dostyk", "khorgos"])
        #expect(closeTo(result.ranking[0].costIncrease, 832_720 - 551_270))
        #expect(closeTo(result.ranking[0].unservedIncrease, 100))
    }

    @Test func rankingIgnoresFileOrder() throws {
        let base = try NetworkReader.read(path: TestNetworks.tiny)
        var reversed = base
        reversed.nodes.reverse()
        reversed.links.reverse()
        reversed.demands.reverse()
        for scenario in ["baseline", "third-crossing", "dostyk-outage"] {
            let forward = try criticality(of: base.activate(scenario: scenario), includeLinks: true)
            let backward = try criticality(of: reversed.activate(scenario: scenario), includeLinks: true)
            #expect(forward.ranking.map(\.id) == backward.ranking.map(\.id), "\(scenario)")
            for (a, b) in zip(forward.ranking, backward.ranking) {
                #expect(closeTo(a.costIncrease, b.costIncrease, relative: 1e-9))
            }
        }
    }
}

// Exact breakpoints of the sweep (parametric re-solving, Sweep.swift): on tiny.json's third-crossing
// Bakhty's capacity is worth 2,792 a unit up to 40 (each serves a Chongqing unit), then 59 up to 100 (each
// displaces Khorgos, 287 − 228), then 10.5 up to 200 (each displaces Dostyk, 238.5 − 228), then nothing.
@Test func sweepFindsTinyBakhtyBreakpointsExactly() throws {
    let request = try SweepRequest(parameter: .capacity("bakhty"), minimum: 0, maximum: 300, steps: 7)
    let result = try sweep(tiny("third-crossing"), request)
    let expected = [(0.0, 551_270.0, 2_792.0), (40, 439_590, 59), (100, 436_050, 10.5), (200, 435_000, 0)]
    #expect(result.breakpoints.count == expected.count)
    for (found, (value, objective, slope)) in zip(result.breakpoints, expected) {
        #expect(found.value == value && found.objective == objective && found.marginalValue == slope, "\(found)")
    }
    #expect(result.zeroAt == 200)
}

/// The objective at `value` read off the piecewise-linear curve the breakpoints describe.
private func curve(_ breakpoints: [SweepBreakpoint], at value: Double) -> Double {
    let segment = breakpoints.last { $0.value <= value } ?? breakpoints[0]
    return segment.objective - segment.marginalValue * (value - segment.value)
}

/// Every grid point of a sweep lies on the exact curve, for capacities and costs, on the teaching networks
/// and on random corridors; and each breakpoint's objective is what a fresh solve at its value gives.
@Test(arguments: 0..<6) func gridPointsLieOnTheExactCurve(case index: Int) throws {
    let cases: [(ActiveNetwork, SweepParameter, Double, Double)] = try [
        (tiny("third-crossing"), .capacity("bakhty"), 0, 260),
        (tiny(), .cost("urumqi-khorgos"), 0, 400),
        (tiny(), .capacity("aktogay-duisburg"), 0, 300),
        (NetworkReader.read(path: TestNetworks.repositoryRoot.appendingPathComponent("networks/two-way.json").path)
            .activate(scenario: nil), .capacity("urumqi-dostyk", measure: "trains"), 0, 40),
        (RandomNetworks.corridor(seed: 7, nodeCount: 10, linkCount: 26, demandCount: 5).activate(Scenario(id: "baseline")),
            .capacity("n1"), 0, 120),
        (RandomNetworks.corridor(seed: 11, nodeCount: 10, linkCount: 26, demandCount: 5).activate(Scenario(id: "baseline")),
            .cost("l3"), 0, 60),
    ]
    let (network, parameter, minimum, maximum) = cases[index]
    let result = try sweep(network, try SweepRequest(parameter: parameter, minimum: minimum, maximum: maximum, steps: 27))
    #expect(!result.breakpoints.isEmpty)
    #expect(result.breakpoints.first?.value == minimum)
    for point in result.points {
        let onCurve = curve(result.breakpoints, at: point.value)
        #expect(abs(onCurve - point.objective) <= 1e-6 * max(1, abs(point.objective)), "case \(index) at \(point.value): \(onCurve) vs \(point.objective)")
    }
    for breakpoint in result.breakpoints {
        let single = try sweep(network, try SweepRequest(parameter: parameter, minimum: breakpoint.value, maximum: breakpoint.value, steps: 1))
        #expect(abs(single.points[0].objective - breakpoint.objective) <= 1e-6 * max(1, abs(breakpoint.objective)), "case \(index) at \(breakpoint.value)")
    }
    // Consecutive breakpoints change slope: a basis change that keeps the slope is not one.
    for (before, after) in zip(result.breakpoints, result.breakpoints.dropFirst()) {
        #expect(before.marginalValue != after.marginalValue && before.value < after.value)
    }
}

/// The first breakpoint is `min` as given, not rounded to 8 significant digits; only the values found
/// between grid points are rounded.
@Test func theFirstBreakpointIsMinExactly() throws {
    let minimum = 12.3456789
    let result = try sweep(tiny("third-crossing"), try SweepRequest(parameter: .capacity("bakhty"), minimum: minimum, maximum: 260.123456789, steps: 5))
    #expect(result.breakpoints.first?.value == minimum)
    for breakpoint in result.breakpoints.dropFirst() {
        #expect(breakpoint.value == breakpoint.value.rounded(significantDigits: 8) || breakpoint.value == 260.123456789)
    }
}
