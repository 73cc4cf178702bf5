import CLibFuzzer
import CorridorImpact
import CorridorModel
import Foundation

/// The network the companion files are read against: tiny.json with capacity-only scenarios for projects
/// (Tests/Fixtures/tiny-projects.json).
private let network: Network = {
    do {
        return try NetworkReader.read(data: Data(networkText.utf8), source: "tiny-projects.json")
    } catch {
        fatalError("the harness's own network does not read: \(error)")
    }
}()

/// Bytes → `ObservationsReader` and `ProjectsReader` against that network; observations that read are
/// backcast, projects that read (at most 4 projects over at most 3 years) are solved by `invest`. Located
/// errors are expected; a trap, or a plan that breaks its budget, is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let observations = try? ObservationsReader.read(bytes: bytes, source: "fuzz", for: network) {
        if let calibration = try? calibrate(network, against: observations) {
            precondition(calibration.rows.count == observations.rows.count, "a row went missing")
        }
    } else {
        do { _ = try ObservationsReader.read(bytes: bytes, source: "fuzz", for: network) } catch { _ = error.description }
    }
    do {
        let problem = try ProjectsReader.read(bytes: bytes, source: "fuzz", for: network)
        if problem.projects.count <= 4, problem.years.count <= 3, let plan = try? invest(network, problem, timeLimit: 5) {
            precondition(plan.capitalSpent <= (problem.budget ?? .infinity) * (1 + 1e-9) + 1e-6, "the plan breaks its budget")
        }
    } catch {
        _ = error.description
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running ``fuzz(_:_:)`` on each input.
@_cdecl("fuzz_companion_files_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    corridor_fuzz_main(argc, argv)
}

private let networkText = #"""
{
  "format": "corridor-network/1",
  "name": "Tiny teaching corridor with projects",
  "unit": "TEU",
  "period": "day",
  "currency": "USD",
  "valueOfTimePerHour": 0.5,
  "unservedPenalty": 5000,
  "meta": {
    "purpose": "A network small enough to solve by hand; README.md and the tests use it.",
    "sources": "Invented numbers shaped like the China–Europe corridor; not data."
  },
  "nodes": [
    { "id": "xian", "name": "Xi'an", "kind": "terminal", "country": "CN", "lat": 34.41, "lon": 109.06 },
    { "id": "chongqing", "name": "Chongqing", "kind": "terminal", "country": "CN", "lat": 29.56, "lon": 106.55 },
    { "id": "urumqi", "name": "Urumqi", "kind": "junction", "country": "CN", "lat": 43.83, "lon": 87.62 },
    { "id": "dostyk", "name": "Dostyk–Alashankou", "kind": "crossing", "country": "KZ", "lat": 45.25, "lon": 82.48,
      "capacity": 100, "handlingCost": 60, "dwellHours": 20 },
    { "id": "khorgos", "name": "Altynkol–Khorgos", "kind": "crossing", "country": "KZ", "lat": 44.16, "lon": 80.3,
      "capacity": 60, "handlingCost": 40, "dwellHours": 10 },
    { "id": "bakhty", "name": "Bakhty–Tacheng", "kind": "crossing", "country": "KZ", "lat": 46.68, "lon": 82.79,
      "capacity": 50, "handlingCost": 50, "dwellHours": 20, "status": "proposed" },
    { "id": "aktogay", "name": "Aktogay", "kind": "junction", "country": "KZ", "lat": 46.95, "lon": 79.67 },
    { "id": "duisburg", "name": "Duisburg", "kind": "terminal", "country": "DE", "lat": 51.4, "lon": 6.72 }
  ],
  "links": [
    { "id": "xian-urumqi", "from": "xian", "to": "urumqi", "mode": "rail", "lengthKm": 2565, "hours": 50, "cost": 300 },
    { "id": "chongqing-urumqi", "from": "chongqing", "to": "urumqi", "mode": "rail", "lengthKm": 2724, "hours": 60, "cost": 350 },
    { "id": "urumqi-dostyk", "from": "urumqi", "to": "dostyk", "mode": "rail", "lengthKm": 466, "hours": 12, "cost": 100 },
    { "id": "urumqi-khorgos", "from": "urumqi", "to": "khorgos", "mode": "rail", "lengthKm": 744, "hours": 10, "cost": 80,
      "bidirectional": true },
    { "id": "urumqi-bakhty", "from": "urumqi", "to": "bakhty", "mode": "rail", "lengthKm": 560, "hours": 10, "cost": 90,
      "status": "proposed" },
    { "id": "dostyk-aktogay", "from": "dostyk", "to": "aktogay", "mode": "rail", "lengthKm": 304, "hours": 5, "cost": 60 },
    { "id": "khorgos-aktogay", "from": "khorgos", "to": "aktogay", "mode": "rail", "lengthKm": 800, "hours": 14, "cost": 150 },
    { "id": "bakhty-aktogay", "from": "bakhty", "to": "aktogay", "mode": "rail", "lengthKm": 414, "hours": 6, "cost": 70,
      "status": "proposed" },
    { "id": "aktogay-duisburg", "from": "aktogay", "to": "duisburg", "mode": "rail", "lengthKm": 5900, "hours": 200,
      "cost": 1500, "capacity": 250 }
  ],
  "demands": [
    { "id": "xian-duisburg", "origin": "xian", "destination": "duisburg", "quantity": 120 },
    { "id": "chongqing-duisburg", "origin": "chongqing", "destination": "duisburg", "quantity": 80 }
  ],
  "scenarios": [
    { "id": "third-crossing", "name": "Bakhty–Tacheng open",
      "enable": ["bakhty", "urumqi-bakhty", "bakhty-aktogay"] },
    { "id": "third-crossing-small", "name": "Bakhty–Tacheng open at 20 TEU/day",
      "enable": ["bakhty", "urumqi-bakhty", "bakhty-aktogay"], "capacity": { "bakhty": 20 } },
    { "id": "dostyk-outage", "name": "Dostyk closed", "disable": ["dostyk"] },
    { "id": "growth", "name": "Chongqing at 100, then everything +50 %",
      "demand": { "chongqing-duisburg": 100 }, "demandScale": 1.5 },
    { "id": "khorgos-upgrade", "name": "Khorgos at 100", "capacity": { "khorgos": 100 } },
    { "id": "dostyk-upgrade", "name": "Dostyk at 140", "capacity": { "dostyk": 140 } },
    { "id": "line-upgrade", "name": "Aktogay–Duisburg at 400", "capacity": { "aktogay-duisburg": 400 } },
    { "id": "khorgos-unlimited", "name": "Khorgos without limit, cheaper line",
      "capacity": { "khorgos": null }, "cost": { "khorgos-aktogay": 100 } }
  ]
}
"""#
