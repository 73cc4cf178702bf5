import CorridorModel
import CorridorOptimization
import CorridorServer
import CorridorService
import Foundation
import Testing

@Suite(.serialized) struct ExplorerTests {
    @Test func thePageNeedsNothingFromElsewhere() async throws {
        try await LiveServer.with { client in
            let page = try await client.get("/explorer")
            #expect(page.status == 200)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
            for external in ["src=\"http", "href=\"http", "url(http", "@import", "src=\"//", "href=\"//"] {
                #expect(!page.text.contains(external), "\(external)")
            }
            #expect(page.text.contains("/explore"))
        }
    }

    /// Without edits the explorer's comparison is `compare`'s; with edits it is `compare` of a scenario
    /// that says the same in the file.
    @Test func editsAreTheScenarioTheyDescribe() async throws {
        let path = Repository.networks + "/china-europe.json"
        let network = try NetworkReader.read(path: path)
        try await LiveServer.with { client in
            var network = network
            let plain = try await client.post("/networks/china-europe/explore", #"{"scenario": "third-crossing"}"#)
            #expect(plain.status == 200, "\(plain.text.prefix(300))")
            let compared = try await client.post("/networks/china-europe/compare", #"{"baseline": "baseline", "scenario": "third-crossing"}"#)
            let plainComparison = try JSONSerialization.data(withJSONObject: try plain.json()["comparison"] as Any, options: [.sortedKeys])
            let comparedObject = try JSONSerialization.data(withJSONObject: try compared.json(), options: [.sortedKeys])
            #expect(plainComparison == comparedObject)
            let summary = try plain.json()["summary"] as? [String: Any]
            #expect((summary?["saving"] as? Double).map { abs($0 - 12_604.272) < 0.01 } == true)

            let edit = #"{"scenario": "third-crossing", "capacity": {"dostyk": {"TEU": 500}}, "dwellHours": {"altynkol": 30}, "demandScale": 1.2}"#
            let edited = try await client.post("/networks/china-europe/explore", edit)
            #expect(edited.status == 200, "\(edited.text.prefix(300))")
            var scenario = try #require(network.scenarios.first { $0.id == "third-crossing" })
            let dostyk = try #require(network.activate(scenario).nodes.first { $0.id == "dostyk" })
            scenario.id = "explored"
            scenario.capacity.append(CapacityOverride(id: "dostyk", limits: dostyk.limits.setting(.networkUnit, to: 500)))
            scenario.dwellHours.append(ValueOverride(id: "altynkol", value: 30))
            scenario.demandScale *= 1.2
            network.scenarios.append(scenario)
            let expected = try CorridorImpact_compare(network, scenario: "explored")
            let objective = (try edited.json()["summary"] as? [String: Any])?["objective"] as? Double
            #expect(objective.map { abs($0 - expected) <= 1e-6 * expected } == true, "\(String(describing: objective)) vs \(expected)")
        }
    }

    /// A slider moved step by step: each answer is solved warm from the last basis and has the optimum a
    /// cold solve of the same edited scenario has.
    @Test func warmAnswersHaveTheColdOptimum() async throws {
        let network = try NetworkReader.read(path: Repository.networks + "/china-europe.json")
        let steps: [String] = [
            #"{"scenario": "third-crossing", "capacity": {"dostyk": {"TEU": 1400}}}"#,
            #"{"scenario": "third-crossing", "capacity": {"dostyk": {"TEU": 900}}}"#,
            #"{"scenario": "third-crossing", "capacity": {"dostyk": {"TEU": 400}, "altynkol": {"TEU": 1000}}}"#,
            #"{"scenario": "third-crossing", "capacity": {"dostyk": {"TEU": 400}}, "demandScale": 1.3}"#,
            #"{"scenario": "third-crossing", "capacity": {"bakhty": {"t": 20000}}, "demandScale": 0.7}"#,
            #"{"scenario": "third-crossing", "dwellHours": {"dostyk": 40}, "capacity": {"dostyk": {"TEU": 700}}}"#,
            #"{"scenario": "third-crossing", "dwellHours": {"dostyk": 40}, "capacity": {"dostyk": {"TEU": 1700}}}"#,
            #"{"scenario": "third-crossing", "capacity": {"dostyk": {"TEU": 1637}}}"#,
        ]
        var configuration = ServerConfiguration(networks: Repository.networks)
        configuration.solvers = 1
        try await LiveServer.with(configuration) { client in
            for body in steps {
                let answer = try await client.post("/networks/china-europe/explore", body)
                #expect(answer.status == 200, "\(body): \(answer.text.prefix(300))")
                let objective = try #require((try answer.json()["summary"] as? [String: Any])?["objective"] as? Double)
                let query = try ExplorerQuery(
                    try ServiceParameters(body: Array(body.utf8), accepted: ExplorerQuery.parameters))
                let cold = try allocate(try query.editedNetwork(network)).objective
                #expect(abs(objective - cold) <= 1e-7 * cold, "\(body): warm \(objective), cold \(cold)")
            }
        }
    }

    @Test func badEditsAre422() async throws {
        try await LiveServer.with { client in
            for (body, message) in [
                (#"{"capacity": {"xian": {"TEU": 5}}}"#, "capacity.xian: not an active crossing"),
                (#"{"capacity": {"dostyk": {"trains": 5}}}"#, "the crossing has no limit in trains"),
                (#"{"capacity": {"dostyk": {"TEU": -5}}}"#, "is not a capacity"),
                (#"{"dwellHours": {"dostyk": 1e9}}"#, "is not a number of hours"),
                (#"{"demandScale": 1000}"#, "expected 0, or 1e-6 to 100"),
                (#"{"demandScale": 1e-320}"#, "expected 0, or 1e-6 to 100"),
                (#"{"capacity": {"dostyk": 5}}"#, "capacity.dostyk: expected an object of numbers by measure"),
            ] {
                let answer = try await client.post("/networks/china-europe/explore", body)
                #expect((400..<500).contains(answer.status), "\(body)")
                #expect(answer.message.contains(message), "\(body): \(answer.message)")
            }
        }
    }
}

/// The optimum of `scenario` as the library allocates it.
private func CorridorImpact_compare(_ network: Network, scenario: String) throws -> Double {
    let parameters = try ServiceParameters(body: Array(#"{"scenario": "\#(scenario)"}"#.utf8), accepted: ServiceOperation.allocate.parameters)
    let text = try ServiceOperation.allocate.answer(on: network, source: "test", parameters: parameters)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    return object?["objective"] as? Double ?? .nan
}
