import CorridorTestSupport
import Foundation
import Testing

/// `corridor calibrate`: the bundled backcast passes, JSON carries the documented keys, a row outside
/// its tolerance exits 1, and a missing or bad observations file exits 2 with the file named.
@Suite struct CalibrateCLITests {
    @Test func bundledBackcastPassesAndPrintsATable() throws {
        let result = try CLIRunner.run(["calibrate"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("xian-duisburg-days"))
        #expect(result.standardOutput.contains("judged rows are within their tolerance"))
    }

    @Test func jsonCarriesTheDocumentedKeys() throws {
        let result = try CLIRunner.run(["calibrate", CLIRunner.path("networks/china-europe.json"), "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "corridor-calibration/1")
        #expect(document["passes"] as? Bool == true)
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            for key in ["id", "name", "scenarios", "unit", "observed", "modelled", "errorPercent", "tolerancePercent", "judged", "withinTolerance", "source"] {
                #expect(row[key] != nil, "\(key) missing in \(row["id"] ?? "?")")
            }
        }
    }

    @Test func aRowOutsideItsToleranceExitsOne() throws {
        let observations = try TemporaryFiles.file(
            #"{"format": "corridor-observations/1", "observations": [{"id": "days", "name": "n", "observed": 5, "unit": "days", "source": "s", "transitDays": "xian-duisburg"}]}"#,
            name: "tight.observed.json")
        let result = try CLIRunner.run(["calibrate", CLIRunner.path("networks/two-way.json"), "--observed", observations])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("OUTSIDE"))
        #expect(result.standardOutput.contains("1 of 1 judged rows are outside their tolerance."))
    }

    @Test func aNetworkWithoutObservationsSaysWhichFileIsMissing() throws {
        let result = try CLIRunner.run(["calibrate", CLIRunner.path("networks/tiny.json")])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("tiny.observed.json"), "\(result.standardError)")
    }

    @Test func aBadObservationsFileExitsTwoWithTheProblemLocated() throws {
        let observations = try TemporaryFiles.file(
            #"{"format": "corridor-observations/1", "observations": [{"id": "a", "name": "n", "observed": 1, "unit": "u", "source": "s", "transitDays": "xian-dusiburg"}]}"#,
            name: "bad.observed.json")
        let result = try CLIRunner.run(["calibrate", CLIRunner.path("networks/two-way.json"), "--observed", observations])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains(#"observations[0].transitDays: no demand "xian-dusiburg""#), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }
}
