import CorridorImpact
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

// Known answers on networks/two-way.json, from its hand solution (networks/two-way.md):
//   baseline: xian-duisburg 1,000 TEU via Dostyk (310 h, money 1,960 + 105 = 2,065), 250 via Khorgos
//   (310 h, 2,080 + 85 = 2,165), 150 by road (300 h, 2,295 + 75 = 2,370); duisburg-xian 400 TEU via
//   Dostyk; ore 24,000 t via Dostyk, 12,000 t via Khorgos.
//   dostyk-queue: ore 36,000 t via Dostyk.
// So, through the Dostyk node: 1,000 + 400 = 1,400 TEU a day, 511,000 a year; Dostyk's eastbound
// (reverse) arc: 400 / 50 + 24,000 / 4,000 = 14 trains; Khorgos's share of ore: 12,000 / 36,000 =
// 33.33 %; xian-duisburg's mean time (1,000·310 + 250·310 + 150·300) / 1,400 / 24 = 12.8720 days and
// mean money cost (1,000·2,065 + 250·2,165 + 150·2,370) / 1,400 = 2,115.5357 USD/TEU; ore through
// Dostyk weighted 1 baseline : 3 dostyk-queue = (24,000 + 3·36,000) / 4 = 33,000 t.

private func twoWay() throws -> Network { try NetworkReader.read(path: TestNetworks.repositoryRoot.appendingPathComponent("networks/two-way.json").path) }

private func observations(_ rows: String, for network: Network) throws -> Observations {
    let text = #"{"format": "corridor-observations/1", "observations": ["# + rows + "]}"
    return try ObservationsReader.read(bytes: Array(text.utf8), source: "test.observed.json", for: network)
}

private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

@Test func twoWayBackcastReadsTheHandSolution() throws {
    let network = try twoWay()
    let rows = #"""
        {"id": "dostyk-teu", "name": "n", "observed": 511000, "unit": "TEU/yr", "source": "s",
         "flow": {"nodes": ["dostyk"], "weights": {"containers": 1}, "periods": 365}},
        {"id": "dostyk-east-trains", "name": "n", "observed": 14, "unit": "trains", "source": "s",
         "flow": {"links": [{"id": "urumqi-dostyk", "direction": "reverse"}], "count": "trains"}},
        {"id": "khorgos-ore-share", "name": "n", "observed": 30, "unit": "%", "source": "s", "tolerancePercent": 10,
         "share": {"part": {"nodes": ["khorgos"], "weights": {"ore": 1}}, "whole": {"nodes": ["dostyk", "khorgos"], "weights": {"ore": 1}}}},
        {"id": "days", "name": "n", "observed": 12, "unit": "days", "source": "s", "transitDays": "xian-duisburg"},
        {"id": "tariff", "name": "n", "observed": 2000, "unit": "USD/TEU", "source": "s", "costPerUnit": "xian-duisburg"},
        {"id": "ore-mixed", "name": "n", "observed": 33000, "unit": "t", "source": "s",
         "scenarios": [{"id": "baseline", "weight": 1}, {"id": "dostyk-queue", "weight": 3}],
         "flow": {"nodes": ["dostyk"], "weights": {"ore": 1}}}
        """#
    let calibration = try calibrate(network, against: observations(rows, for: network))
    let modelled = Dictionary(uniqueKeysWithValues: calibration.rows.map { ($0.observation.id, $0.modelled) })
    #expect(close(modelled["dostyk-teu"]!, 511_000))
    #expect(close(modelled["dostyk-east-trains"]!, 14))
    #expect(close(modelled["khorgos-ore-share"]!, 100.0 / 3))
    #expect(close(modelled["days"]!, 432_500.0 / 1_400 / 24))
    #expect(close(modelled["tariff"]!, 2_961_750.0 / 1_400))
    #expect(close(modelled["ore-mixed"]!, 33_000))
    // 100/3 against 30 is +11.1 %, outside that row's 10 %; every other row is inside the default 15 %.
    let errors = Dictionary(uniqueKeysWithValues: calibration.rows.map { ($0.observation.id, $0.errorPercent) })
    #expect(close(errors["khorgos-ore-share"]!, 100 * (100.0 / 3 - 30) / 30))
    #expect(calibration.rows.filter(\.fails).map(\.observation.id) == ["khorgos-ore-share"])
    #expect(!calibration.passes)
}

/// A row that does not decide the backcast is still computed and shown, but cannot fail it.
@Test func anUnjudgedRowDoesNotFailTheBackcast() throws {
    let network = try twoWay()
    let rows = #"""
        {"id": "far", "name": "n", "observed": 1, "unit": "trains", "source": "s", "judged": false, "note": "why",
         "flow": {"links": [{"id": "urumqi-dostyk", "direction": "both"}], "count": "trains"}}
        """#
    let calibration = try calibrate(network, against: observations(rows, for: network))
    #expect(close(calibration.rows[0].modelled, 20 + 14))
    #expect(!calibration.rows[0].isWithinTolerance && !calibration.rows[0].fails && calibration.passes)
}

/// The bundled network's backcast (networks/china-europe.observed.json) holds within every judged
/// row's tolerance; a failing row is named with its figures.
@Test func bundledBackcastPassesWithinItsTolerances() throws {
    let network = try NetworkReader.read(path: TestNetworks.chinaEurope)
    let observations = try ObservationsReader.read(path: TestNetworks.chinaEuropeObservations, for: network)
    let calibration = try calibrate(network, against: observations)
    for row in calibration.rows where row.fails {
        Issue.record(
            "\(row.observation.id): observed \(row.observation.observed), modelled \(row.modelled), error \(row.errorPercent) % beyond ±\(row.observation.tolerancePercent) %")
    }
    #expect(calibration.rows.filter(\.observation.isJudged).count >= 15)
}

/// Each bad observations file gets one located message (path and what is wrong), never a crash.
@Test(arguments: [
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": {"nodes": ["dostik"], "count": "trains"}}]}"#,
     #"observations[0].flow.nodes[0]: no node "dostik" in network "Two-way teaching corridor" (did you mean "dostyk"?)"#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "scenario": "nope", "transitDays": "xian-duisburg"}]}"#,
     #"observations[0].scenario: no scenario "nope""#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s"}]}"#,
     #"observations[0]: needs one of "flow", "share", "transitDays", "costPerUnit""#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "transitDays": "xian-duisburg", "costPerUnit": "xian-duisburg"}]}"#,
     #"give exactly one measure"#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 0, "unit": "u", "source": "s", "transitDays": "xian-duisburg"}]}"#,
     #"observations[0].observed: must be at least 1e-9, found 0: errors are in per cent of it"#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1e-320, "unit": "u", "source": "s", "transitDays": "xian-duisburg"}]}"#,
     #"observations[0].observed: must be at least 1e-9, found 1e-320"#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": {"nodes": ["dostyk", "dostyk"], "count": "trains"}}]}"#,
     #"observations[0].flow.nodes[1]: duplicate node "dostyk"; first given at"#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": {"links": [{"id": "karaganda-aktogay"}, {"id": "karaganda-aktogay"}], "weights": {"ore": 1}}}]}"#,
     #"observations[0].flow.links[1]: duplicate link "karaganda-aktogay"; first given at"#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": {"nodes": ["dostyk"], "count": "trains", "commodities": ["containers", "containers"]}}]}"#,
     #"observations[0].flow.commodities[1]: duplicate commodity "containers""#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "judged": false, "transitDays": "xian-duisburg"}]}"#,
     #"needs a "note""#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": {"nodes": ["nur-zholy"], "count": "trains", "commodities": ["coal"]}}]}"#,
     #"observations[0].flow.commodities[0]: no commodity "coal""#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": {"nodes": ["dostyk"], "weights": {"coal": 1}}}]}"#,
     #"observations[0].flow.weights.coal: no commodity "coal""#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": {"links": [{"id": "karaganda-aktogay", "direction": "reverse"}], "weights": {"ore": 1}}}]}"#,
     #"observations[0].flow.links[0].direction: link "karaganda-aktogay" is one-way"#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": {"weights": {"containers": 1}}}]}"#,
     #"needs at least one of "nodes" and "links""#),
    (#"{"format": "corridor-observations/2", "observations": []}"#, #"format: expected "corridor-observations/1""#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "transitDays": "xian-duisburg"}, {"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "transitDays": "xian-duisburg"}]}"#,
     #"observations[1].id: duplicate id "a""#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "scenario": "baseline", "scenarios": [{"id": "baseline", "weight": 1}], "transitDays": "xian-duisburg"}]}"#,
     #"has "scenario" and "scenarios""#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "scenarios": [{"id": "baseline", "weight": 0}], "transitDays": "xian-duisburg"}]}"#,
     #"observations[0].scenarios[0].weight: must be between"#),
    (#"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "tolerance": 5, "transitDays": "xian-duisburg"}]}"#,
     #"observations[0].tolerance: unknown key"#),
    (#"{"format": "corridor-observations/1", "observations": [}"#, "test.observed.json:1:"),
    ("", "the file is empty"),
])
func badObservationsAreLocated(_ text: String, _ expected: String) throws {
    let network = try twoWay()
    do {
        _ = try ObservationsReader.read(bytes: Array(text.utf8), source: "test.observed.json", for: network)
        Issue.record("accepted: \(text)")
    } catch {
        #expect(error.description.contains(expected), "\(error.description)")
    }
}

/// An id that names nothing is reported once, where it is: not also as a flow that names no node or link.
@Test(arguments: [
    #"{"nodes": ["dostik"], "count": "trains"}"#,
    #"{"links": [{"id": "nowhere"}], "count": "trains"}"#,
])
func anUnknownFlowElementIsTheOnlyMessage(_ flow: String) throws {
    let network = try twoWay()
    let text = #"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": \#(flow)}]}"#
    do {
        _ = try ObservationsReader.read(bytes: Array(text.utf8), source: "test.observed.json", for: network)
        Issue.record("accepted: \(text)")
    } catch {
        #expect(error.description.contains("no node \"dostik\"") || error.description.contains("no link \"nowhere\""), "\(error.description)")
        #expect(!error.description.contains("needs at least one"), "\(error.description)")
    }
}

/// Counting trains over a commodity that has no train load is refused at `count`, naming the commodity
/// (the bundled network's road freight moves by truck only).
@Test func countingTrainsNeedsATrainLoad() throws {
    let network = try NetworkReader.read(path: TestNetworks.chinaEurope)
    let text = #"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "flow": {"nodes": ["dostyk"], "count": "trains"}}]}"#
    #expect {
        _ = try ObservationsReader.read(bytes: Array(text.utf8), source: "t.json", for: network)
    } throws: { error in
        "\(error)".contains(#"observations[0].flow.count: counts trains, but commodity "road" has no "perTrain""#)
    }
}
