import CorridorTestSupport
import Foundation
import Testing

private let tiny = CLIRunner.path("networks/tiny.json")

private func temporaryFolder() throws -> URL { try TemporaryFiles.folder("corridor-allocate") }

/// Parses RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks.
private func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? scalars.next() {
        pending = nil
        if quoted {
            if scalar == "\"" {
                let next = scalars.next()
                if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
            } else {
                field.unicodeScalars.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"": quoted = true
        case ",": row.append(field); field = ""
        case "\r": break
        case "\n": row.append(field); rows.append(row); row = []; field = ""
        default: field.unicodeScalars.append(scalar)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

@Test func allocateTableShowsTheSummaryCrossingsAndDemands() throws {
    let result = try CLIRunner.run(["allocate", tiny])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("551,270"))
    #expect(result.standardOutput.contains("2,781.5"))
    #expect(result.standardOutput.contains("Served 160 of 200 TEU per day"))
    #expect(result.standardOutput.contains("chongqing-duisburg"))
    #expect(result.standardError.isEmpty)
}

@Test func allocateJSONCarriesDesignsKeys() throws {
    let result = try CLIRunner.run(["allocate", tiny, "--scenario", "third-crossing", "--format", "json"])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.hasPrefix("{\n  \"format\": \"corridor-allocation/1\",\n  \"network\": "))
    let document = try jsonObject(result.standardOutput)
    #expect(document["scenario"] as? String == "third-crossing")
    #expect(document["status"] as? String == "optimal")
    #expect(document["objective"] as? Double == 439_000)
    #expect(document["served"] as? Double == 200)
    let parts = try #require(document["objectiveParts"] as? [String: Double])
    #expect(parts.keys.sorted() == ["handling", "timeValue", "transport", "unservedPenalty"])
    let crossings = try #require(document["crossings"] as? [[String: Any]])
    #expect(crossings.map { $0["id"] as? String } == ["dostyk", "khorgos", "bakhty"])
    #expect(crossings.map { $0["shadowPrice"] as? Double } == [48.5, 0, 59])
    let demands = try #require(document["demands"] as? [[String: Any]])
    let routes = try #require(demands.first?["routes"] as? [[String: Any]])
    #expect(Set(routes.first?.keys.map { $0 } ?? []) == ["nodes", "links", "flow", "share", "hours", "cost", "crossings"])
    let links = try #require(document["links"] as? [[String: Any]])
    #expect(links.contains { $0["id"] as? String == "urumqi-khorgos" && $0["direction"] as? String == "reverse" })
    #expect(links.allSatisfy { $0["utilisation"] != nil && $0["shadowPrice"] != nil })
    // Same input, same bytes.
    let again = try CLIRunner.run(["allocate", tiny, "--scenario", "third-crossing", "--format", "json"])
    #expect(again.standardOutput == result.standardOutput)
}

@Test func allocateCSVWritesAFolderOfTidyTables() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("tables").path
    for _ in 0..<2 {  // the second run replaces the folder whole
        let result = try CLIRunner.run(["allocate", tiny, "--format", "csv", "--output", output])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
    #expect(
        names == [
            "corridor-manifest.json", "crossing_demands.csv", "crossings.csv", "demands.csv", "dictionary.csv",
            "links.csv", "nodes.csv", "routes.csv", "summary.csv",
        ])
    func table(_ name: String) throws -> [[String]] {
        parseCSV(try String(contentsOfFile: output + "/" + name, encoding: .utf8))
    }
    let nodes = try table("nodes.csv")
    #expect(nodes.first == ["id", "name", "kind", "flow", "capacity", "utilisation", "shadow_price"])
    #expect(nodes.count == 8)
    #expect(nodes.contains(["dostyk", "Dostyk–Alashankou", "crossing", "100", "100", "1", "2781.5"]))
    #expect(nodes.contains { $0.first == "urumqi" && $0[4] == "" })
    let summary = try table("summary.csv")
    #expect(summary.contains(["objective", "551270", "USD/day"]))
    #expect(summary.contains(["time_value", "23070", "USD/day"]))
    let links = try table("links.csv")
    #expect(links.count == 9 && links.allSatisfy { $0.count == 8 })
    let routes = try table("routes.csv")
    #expect(routes.first == ["demand", "rank", "flow", "share", "hours", "cost", "crossings", "nodes", "links"])
    let chongqing = routes.filter { $0.first == "chongqing-duisburg" }
    #expect(chongqing.reduce(0) { $0 + (Double($1[2]) ?? 0) } == 40)
    // One row per crossing; the crossing × demand observations in their own file, adding up to it.
    let crossings = try table("crossings.csv")
    #expect(crossings.first == ["id", "name", "flow", "share", "capacity", "utilisation", "shadow_price"])
    #expect(Set(crossings.dropFirst().map(\.[0])).count == crossings.count - 1)
    let users = try table("crossing_demands.csv")
    #expect(users.first == ["crossing", "demand", "flow"])
    for crossing in crossings.dropFirst() {
        let carried = users.filter { $0.first == crossing[0] }.reduce(0) { $0 + (Double($1[2]) ?? 0) }
        #expect(carried == Double(crossing[2]), "\(crossing[0])")
    }
    // Which demand takes khorgos is a tie; together they send its 60.
    #expect(users.filter { $0.first == "khorgos" }.reduce(0) { $0 + (Double($1[2]) ?? 0) } == 60)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
}

@Test func allocateCSVNeedsAnOutputFolder() throws {
    let result = try CLIRunner.run(["allocate", tiny, "--format", "csv"])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("--output DIR"))
}

@Test func allocateRejectsUnknownScenariosAndUnwritablePaths() throws {
    let unknown = try CLIRunner.run(["allocate", tiny, "--scenario", "thrid-crossing"])
    #expect(unknown.exitCode == 2)
    #expect(unknown.standardError.contains("did you mean \"third-crossing\""))
    let unwritable = try CLIRunner.run(["allocate", tiny, "--format", "json", "--output", "/nonexistent/dir/a.json"])
    #expect(unwritable.exitCode == 2)
    #expect(unwritable.standardError == "corridor: /nonexistent/dir/a.json: cannot write: no folder /nonexistent/dir\n")
    let noParent = try CLIRunner.run(["allocate", tiny, "--format", "csv", "--output", "/nonexistent/dir"])
    #expect(noParent.exitCode == 2)
    #expect(noParent.standardError == "corridor: /nonexistent/dir: cannot write: no folder /nonexistent\n")
    let noLPFolder = try CLIRunner.run(["allocate", tiny, "--write-lp", "/nonexistent/dir/a.lp"])
    #expect(noLPFolder.exitCode == 2)
    #expect(noLPFolder.standardError == "corridor: /nonexistent/dir/a.lp: cannot write: no folder /nonexistent/dir\n")
}

@Test func allocateWritesAnLPFileGlpsolSolvesToTheSameOptimum() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lp = folder.appendingPathComponent("tiny.lp").path
    let mps = folder.appendingPathComponent("tiny.mps").path
    let result = try CLIRunner.run([
        "allocate", tiny, "--scenario", "growth", "--format", "json", "--write-lp", lp, "--write-mps", mps,
    ])
    #expect(result.exitCode == 0, "\(result.standardError)")
    let objective = try #require(try jsonObject(result.standardOutput)["objective"] as? Double)
    #expect(FileManager.default.fileExists(atPath: mps))
    let report = folder.appendingPathComponent("report.txt").path
    _ = try ExternalProgram.run(ExternalProgram.glpsol, ["--lp", lp, "-o", report])
    let text = try String(contentsOfFile: report, encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
    let value = line.split(separator: "=").last?.split(separator: " ").first.flatMap { Double($0) }
    #expect(value.map { abs($0 - objective) <= 1e-6 * objective } == true, "\(line) vs \(objective)")
}

/// Numbers at the validator's limit, zero capacities and a zero demand, in every output format:
/// an answer or a clear refusal, never a crash or an internal error.
@Test(arguments: ["table", "json", "geojson", "csv", "gpkg"]) func allocateSurvivesHostileNumbers(format: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let network = """
        { "format": "corridor-network/1", "name": "hostile", "valueOfTimePerHour": 1e15, "unservedPenalty": 1e15,
          "nodes": [
            { "id": "a", "name": "A", "kind": "terminal", "capacity": 1e15, "handlingCost": 1e15, "dwellHours": 1e15 },
            { "id": "b", "name": "B \\"quoted\\", with comma", "kind": "crossing", "capacity": 0 },
            { "id": "c", "name": "C", "kind": "terminal", "lat": 0, "lon": 0 } ],
          "links": [
            { "id": "ab", "from": "a", "to": "b", "mode": "rail", "lengthKm": 1e15, "hours": 1e15, "cost": 1e15,
              "capacity": 1e15, "bidirectional": true },
            { "id": "bc", "from": "b", "to": "c", "mode": "rail", "lengthKm": 0, "hours": 0, "capacity": 0 },
            { "id": "ac", "from": "a", "to": "c", "mode": "road", "lengthKm": 1, "hours": 1e15, "cost": 1e15 } ],
          "demands": [
            { "id": "ac1", "origin": "a", "destination": "c", "quantity": 1e15 },
            { "id": "ac0", "origin": "a", "destination": "c", "quantity": 0 } ] }
        """
    let file = folder.appendingPathComponent("hostile.json")
    try network.write(to: file, atomically: true, encoding: .utf8)
    var arguments = ["allocate", file.path, "--format", format]
    if format == "csv" || format == "geojson" || format == "gpkg" {
        arguments += ["--output", folder.appendingPathComponent("out").path]
    }
    let result = try CLIRunner.run(arguments)
    #expect(result.exitCode == 0 || result.exitCode == 2, "\(result.standardError)")
    #expect(!result.standardError.contains("internal error"), "\(result.standardError)")
    if result.exitCode == 2 { #expect(!result.standardError.isEmpty) }
}

@Test func allocateTableListsTheLargestDemandsWhenAsked() throws {
    let tiny = CLIRunner.path("networks/tiny.json")
    let one = try CLIRunner.run(["allocate", tiny, "--demands", "1"])
    #expect(one.exitCode == 0)
    #expect(one.standardOutput.contains("  xian-duisburg "))  // 120 TEU/day, the larger of the two
    #expect(!one.standardOutput.contains("  chongqing-duisburg "))
    #expect(one.standardOutput.contains("… and 1 smaller demands (all of them without --demands)"))
    #expect(try CLIRunner.run(["allocate", tiny, "--demands", "-3"]).exitCode == 2)
}

/// `allocate --sensitivity`: the JSON's `sensitivity` rows and the CSV folder's sensitivity.csv, and the
/// formats and methods it refuses.
@Suite struct AllocateSensitivityCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func jsonListsEveryLimitAndLinkCostWithItsRange() throws {
        let result = try CLIRunner.run(["allocate", tiny, "--sensitivity", "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let rows = try #require(root["sensitivity"] as? [[String: Any]])
        let dostyk = try #require(rows.first { $0["id"] as? String == "dostyk" })
        #expect(dostyk["kind"] as? String == "capacity" && dostyk["lower"] as? Double == 60 && dostyk["upper"] as? Double == 140)
        #expect(dostyk["shadowPrice"] as? Double == 2781.5)
        #expect(rows.filter { $0["kind"] as? String == "cost" }.count == 7)  // the 7 active links
        let plain = try CLIRunner.run(["allocate", tiny, "--format", "json"])
        #expect(!plain.standardOutput.contains("\"sensitivity\""))
    }

    @Test func csvFolderGetsASensitivityTable() throws {
        let folder = try TemporaryFiles.folder("sensitivity").appendingPathComponent("out").path
        let result = try CLIRunner.run(["allocate", tiny, "--sensitivity", "--format", "csv", "--output", folder])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let text = try String(contentsOfFile: folder + "/sensitivity.csv", encoding: .utf8)
        #expect(text.hasPrefix("kind,element,id,direction,measure,value,slope,lower,upper\r\n"))
        #expect(text.contains("capacity,node,dostyk,,TEU,100,2781.5,60,140\r\n"))
    }

    @Test func refusesTablesAndColumnGeneration() throws {
        let table = try CLIRunner.run(["allocate", tiny, "--sensitivity"])
        #expect(table.exitCode == 2 && table.standardError.contains("--sensitivity adds ranges to --format json or csv"))
        let paths = try CLIRunner.run(["allocate", tiny, "--sensitivity", "--format", "json", "--method", "paths"])
        #expect(paths.exitCode == 2 && paths.standardError.contains("--method arcs or auto"))
    }
}
