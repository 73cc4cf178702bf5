import CorridorModel
import CorridorOptimization
import CorridorRouting
import CorridorTestSupport
import Foundation
import Testing

/// Format /2's first keys — a two-way link's own reverse capacity, scenario overrides of hours and dwell —
/// on networks small enough to solve by hand.
@Suite struct FormatTwoTests {
    /// West and east terminals joined through a border crossing by a two-way link that carries 28 a day
    /// westbound and 20 eastbound; 30 wanted each way, unserved at 1,000 each.
    static let crossing = """
        {
          "format": "corridor-network/2", "name": "Two-way border", "unit": "trains", "period": "day",
          "currency": "USD", "valueOfTimePerHour": 10, "unservedPenalty": 1000,
          "nodes": [
            { "id": "east", "kind": "terminal" },
            { "id": "border", "kind": "crossing", "dwellHours": 5, "handlingCost": 50 },
            { "id": "west", "kind": "terminal" }
          ],
          "links": [
            { "id": "east-border", "from": "east", "to": "border", "mode": "rail", "hours": 10, "cost": 100,
              "bidirectional": true },
            { "id": "border-west", "from": "border", "to": "west", "mode": "rail", "hours": 20, "cost": 200,
              "capacity": 28, "reverseCapacity": 20, "bidirectional": true }
          ],
          "demands": [
            { "id": "westbound", "origin": "east", "destination": "west", "quantity": 30 },
            { "id": "eastbound", "origin": "west", "destination": "east", "quantity": 30 }
          ],
          "scenarios": [
            { "id": "queue", "dwellHours": { "border": 15 } },
            { "id": "faster", "hours": { "border-west": 12 } },
            { "id": "eastbound-widened", "reverseCapacity": { "border-west": 25 } },
            { "id": "both-ways-32", "capacity": { "border-west": 32 } }
          ]
        }
        """

    func network() throws -> Network { try NetworkReader.read(data: Data(Self.crossing.utf8), source: "border.json") }

    /// Per train: links 100 + 10·10 and 200 + 10·20, the border 50 + 10·5; end terminals cost nothing.
    /// A served train costs 200 + 400 + 100 = 700 either way; 28 go west and 20 east; 2 and 10 are
    /// unserved at 1,000: 48·700 + 12·1,000 = 45,600.
    @Test func eachDirectionHasItsOwnCapacity() throws {
        let allocation = try allocate(network().activate(scenario: nil))
        #expect(allocation.objective == 45_600)
        let served = Dictionary(uniqueKeysWithValues: allocation.demands.map { ($0.id, $0.served) })
        #expect(served == ["westbound": 28, "eastbound": 20])
        let borderWest = allocation.arcs.filter { $0.linkID == "border-west" }
        #expect(borderWest.map(\.capacity) == [28, 20])
        #expect(borderWest.map(\.shadowPrice) == [300, 300])  // 1,000 − 700 per extra train each way
    }

    /// A queue of 10 more hours at the border adds 10 · 10 = 100 per train: 48 · 800 + 12,000 = 50,400.
    @Test func aScenarioQueueIsADwellOverride() throws {
        #expect(try allocate(network().activate(scenario: "queue")).objective == 50_400)
        // 8 hours less on border-west saves 80 a train: 48 · 620 + 12,000 = 41,760.
        #expect(try allocate(network().activate(scenario: "faster")).objective == 41_760)
    }

    /// The reverse override widens eastbound only; a capacity override sets both directions.
    @Test func capacityOverridesApplyByDirection() throws {
        let widened = try allocate(network().activate(scenario: "eastbound-widened"))
        #expect(widened.objective == 53 * 700 + 7 * 1000)
        let both = try allocate(network().activate(scenario: "both-ways-32"))
        #expect(both.objective == 60 * 700)
        let active = try network().activate(scenario: "both-ways-32")
        #expect(active.arcs.filter { $0.linkID == "border-west" }.map(\.capacity) == [32, 32])
    }

    /// Max-flow reads each direction's capacity: 28 west, 20 east.
    @Test func maxFlowRespectsEachDirection() throws {
        let active = try network().activate(scenario: nil)
        let west = try maximumFlow(in: active, from: [active.node("east")], to: [active.node("west")])
        let east = try maximumFlow(in: active, from: [active.node("west")], to: [active.node("east")])
        #expect(west.value == 28 && east.value == 20)
    }

    /// A /1 network reads exactly as before: the bundled networks give the same allocations whichever
    /// format tag they carry, since /2 only adds keys.
    @Test func aFormatOneFileReadsTheSameAsFormatTwo() throws {
        let text = try String(contentsOfFile: TestNetworks.tiny, encoding: .utf8)
        let one = try NetworkReader.read(data: Data(text.utf8), source: "tiny.json")
        let two = try NetworkReader.read(
            data: Data(text.replacingOccurrences(of: "corridor-network/1", with: "corridor-network/2").utf8),
            source: "tiny2.json")
        #expect(one.formatVersion == 1 && two.formatVersion == 2)
        for scenario in [nil] + one.scenarios.map(\.id) {
            #expect(try allocate(one.activate(scenario: scenario)) == allocate(two.activate(scenario: scenario)))
        }
    }
}
