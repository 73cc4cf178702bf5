import CorridorImpact
import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Testing

// Known answers on networks/tiny.json (see ImpactTests.swift): under third-crossing, bakhty's capacity v
// up to 40 each serves a Chongqing unit, so the objective is 551,270 − 2792·v; the baseline (bakhty
// off) stays at 551,270 whatever v. The difference baseline − third-crossing is therefore exactly
// 2792·v for v in [0, 40], and at the scenario's own 50 it is 551,270 − 439,000 = 112,270.

/// tiny.json with one uncertain input.
private func tinyNetwork(_ inputs: [UncertainInput]) throws -> Network {
    var network = try NetworkReader.read(path: TestNetworks.tiny)
    network.uncertainty = inputs
    return network
}

private let bakhty = UncertainInput(id: "bakhty-capacity", target: .capacity("bakhty", measure: nil, direction: nil), distribution: .uniform(low: 0, high: 40))

@Suite struct UncertaintyTests {
    @Test func differenceIsLinearInTheDrawnCapacity() throws {
        let request = try UncertaintyRequest(baseline: "baseline", scenario: "third-crossing", draws: 150, seed: 42)
        let result = try runUncertainty(try tinyNetwork([bakhty]), request)
        #expect(result.draws.count == 150)
        for draw in result.draws {
            let value = 40 * UncertaintyDraws.uniform(seed: 42, draw: draw.index, position: 0)
            #expect(draw.values == [value])
            #expect(closeTo(draw.baseline, 551_270))
            #expect(closeTo(draw.difference, 2792 * value, relative: 1e-9), "draw \(draw.index)")
        }
        #expect(closeTo(result.base.baseline - result.base.scenario, 112_270))
        // The summary of 2792·v is 2792 × the summary of v (type 7 quantiles commute with increasing linear maps).
        let summary = try #require(result.summary)
        let values = UncertaintySummary(differences: result.draws.map { $0.values[0] })
        #expect(closeTo(summary.mean, 2792 * values.mean, relative: 1e-9))
        #expect(closeTo(summary.p5, 2792 * values.p5, relative: 1e-9))
        #expect(closeTo(summary.p50, 2792 * values.p50, relative: 1e-9))
        #expect(closeTo(summary.p95, 2792 * values.p95, relative: 1e-9))
        #expect(summary.probabilityPositive == 1)
        let bar = try #require(result.tornado.first)
        #expect(bar.differenceAtLow == 0)
        #expect(closeTo(bar.differenceAtHigh, 111_680))
    }

    @Test func warmDrawsEqualColdSolves() throws {
        // Each draw's optimum against a fresh solve of the same program: the warm blocks change nothing.
        let cost = UncertainInput(
            id: "dostyk-route", target: .cost("urumqi-dostyk"), distribution: .triangular(low: 0.5, mode: 1, high: 2), isFactor: true)
        let scale = UncertainInput(id: "demand", target: .demandScale, distribution: .uniform(low: 0.8, high: 1.3))
        let network = try tinyNetwork([bakhty, cost, scale])
        let result = try runUncertainty(network, try UncertaintyRequest(baseline: "baseline", scenario: "third-crossing", draws: 12, seed: 5))
        for draw in result.draws {
            var optima: [Double] = []
            for id in ["baseline", "third-crossing"] {
                let active = try network.activate(scenario: id)
                let adjustable = active.nodeIndex(of: "bakhty") == nil ? [] : [active.element("bakhty")]
                let solver = try AllocationSolver(model: try AllocationModel(network: active, adjustableCapacities: adjustable))
                if !adjustable.isEmpty { try solver.updateCapacity(of: adjustable[0], to: draw.values[0]) }
                let link = try #require(active.linkReference(of: "urumqi-dostyk"))
                try solver.updateCost(of: link, to: active.arcs[link.arcs[0]].cost * draw.values[1])
                try solver.updateDemandScale(draw.values[2])
                optima.append(try solver.optimum())
            }
            #expect(closeTo(draw.baseline, optima[0], relative: 1e-9))
            #expect(closeTo(draw.scenario, optima[1], relative: 1e-9))
        }
    }

    @Test func quantilesAndDistributions() {
        let summary = UncertaintySummary(differences: [3, -1, 5, 2, 4])
        #expect(summary.mean == 2.6)
        #expect(closeTo(summary.p5, -1 + 0.2 * 3))
        #expect(summary.p50 == 3)
        #expect(closeTo(summary.p95, 4.8))
        #expect(summary.probabilityPositive == 0.8)
        #expect((summary.minimum, summary.maximum) == (-1, 5))
        let triangle = UncertainInput.Distribution.triangular(low: 0, mode: 1, high: 2)
        #expect(triangle.quantile(0.5) == 1)
        #expect(triangle.quantile(0.125) == 0.5)
        #expect(triangle.quantile(0) == 0 && triangle.quantile(1) == 2)
        #expect(UncertainInput.Distribution.uniform(low: 2, high: 6).quantile(0.25) == 3)
    }

    @Test func shardsTakeWholeBlocksAndMergeToTheWholeRun() throws {
        let network = try tinyNetwork([bakhty])
        let whole = try runUncertainty(network, try UncertaintyRequest(baseline: "baseline", scenario: "third-crossing", draws: 250, seed: 9))
        var parts: [(source: String, result: UncertaintyResult)] = []
        for index in 1...3 {
            let shard = try SweepShard(index: index, count: 3)
            let request = try UncertaintyRequest(baseline: "baseline", scenario: "third-crossing", draws: 250, seed: 9, shard: shard)
            #expect(request.drawRange.lowerBound % UncertaintyRequest.blockLength == 0)
            parts.append(("s\(index)", try runUncertainty(network, request)))
        }
        #expect(try mergeUncertaintyShards(parts) == whole)
        #expect(throws: ImpactError.self) { try mergeUncertaintyShards(Array(parts.dropLast())) }
        #expect(throws: ImpactError.self) { try mergeUncertaintyShards(parts + [parts[0]]) }
    }

    @Test func badRequestsAreRefused() throws {
        #expect(throws: UncertaintyError.tooFewDraws(0)) {
            try UncertaintyRequest(baseline: "baseline", scenario: "third-crossing", draws: 0, seed: 1)
        }
        #expect(throws: UncertaintyError.tooManyShards(try SweepShard(index: 1, count: 3), draws: 150, blocks: 2, blockLength: 100)) {
            try UncertaintyRequest(baseline: "baseline", scenario: "third-crossing", draws: 150, seed: 1, shard: try SweepShard(index: 1, count: 3))
        }
        let network = try tinyNetwork([bakhty])
        let unknown = try UncertaintyRequest(baseline: "baseline", scenario: "third-crossing", draws: 1, seed: 1, inputs: ["bakty-capacity"])
        #expect(throws: ImpactError.uncertainty(.unknownInput("bakty-capacity", suggestion: "bakhty-capacity", known: ["bakhty-capacity"]))) {
            try runUncertainty(network, unknown)
        }
        let off = try UncertaintyRequest(baseline: "baseline", scenario: "dostyk-outage", draws: 1, seed: 1)
        #expect(throws: ImpactError.uncertainty(.inapplicable(input: "bakhty-capacity", reason: "its element is off in both scenarios"))) {
            try runUncertainty(network, off)
        }
        let none = try UncertaintyRequest(baseline: "baseline", scenario: "third-crossing", draws: 1, seed: 1)
        #expect(throws: ImpactError.uncertainty(.noInputs(network: "Tiny teaching corridor"))) {
            try runUncertainty(try tinyNetwork([]), none)
        }
    }
}
