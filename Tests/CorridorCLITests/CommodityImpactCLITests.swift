import CorridorTestSupport
import Foundation
import Testing

// compare, sweep, criticality and report on networks/two-way.json, against the answers networks/two-way.md
// works by hand (and a few more derived the same way, noted where used), and on networks/tiny.json, whose
// outputs must not change now that the commands speak per commodity.

/// A number in a parsed JSON document.
private func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

/// Equal to about 1e-6 relative: train loads of 1/50 and 1/4,000 are not exact in binary.
private func near(_ value: Any?, _ expected: Double) -> Bool {
    guard let actual = number(value) else { return false }
    return abs(actual - expected) <= 1e-6 * max(1, abs(expected))
}

/// The objects of a JSON list whose `key` is `value`.
private func entry(_ list: Any?, _ key: String, _ value: String) -> [String: Any]? {
    (list as? [[String: Any]])?.first { $0[key] as? String == value }
}

@Suite struct CommodityCompareCLITests {
    let twoWay = CLIRunner.path("networks/two-way.json")

    func compareJSON(_ scenario: String) throws -> [String: Any] {
        let result = try CLIRunner.run(["compare", twoWay, "--baseline", "baseline", "--scenario", scenario, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        return try jsonObject(result.standardOutput)
    }

    /// The limit in `measure` of one side (`before`/`after`) of a link direction at a crossing.
    func limit(_ root: [String: Any], crossing: String, link: String, direction: String, side: String, measure: String) -> [String: Any]? {
        let links = entry(root["crossings"], "id", crossing)?["links"] as? [[String: Any]]
        let found = links?.first { $0["id"] as? String == link && $0["direction"] as? String == direction }
        return entry((found?[side] as? [String: Any])?["limits"], "measure", measure)
    }

    @Test func thirdCrossingMovesRoadContainersToBakhty() throws {
        let root = try compareJSON("third-crossing")
        #expect(root["format"] as? String == "corridor-comparison/1")
        #expect((root["commodities"] as? [[String: Any]])?.map { $0["unit"] as? String } == ["TEU", "t"])
        let totals = try #require(root["totals"] as? [String: Any])
        let before = try #require(totals["before"] as? [String: Any])
        let after = try #require(totals["after"] as? [String: Any])
        #expect(near(before["objective"], 4_798_000) && near(after["objective"], 4_786_000))
        #expect(near((after["objectiveParts"] as? [String: Any])?["transport"], 4_000_750))
        // Units differ, so there is no single max-flow or mean transit; per commodity instead.
        #expect(after["maxFlow"] is NSNull && after["meanTransitDays"] is NSNull)
        let ore = try #require(entry(after["commodities"], "id", "ore"))
        #expect(near(ore["served"], 36_000) && near(ore["unserved"], 0))
        // Ore's max-flow into Urumqi: Dostyk eastbound 14 trains and Khorgos 6 trains of 4,000 t, then
        // Bakhty's 2 more: 80,000 → 88,000 t.
        #expect(near((entry(before["commodities"], "id", "ore")?["maxFlow"] as? [String: Any])?["value"], 80_000))
        #expect(near((ore["maxFlow"] as? [String: Any])?["value"], 88_000))
        #expect(near(entry((totals["change"] as? [String: Any])?["commodities"], "id", "ore")?["maxFlow"], 8_000))

        // Road westbound 150 → 50 TEU, Bakhty 100 TEU westbound at 2 trains worth 6,000 each.
        let road = try #require(entry(root["crossings"], "id", "nur-zholy"))
        let roadWest = try #require(entry(road["links"], "id", "urumqi-nur-zholy"))
        #expect(near((roadWest["before"] as? [String: Any]).flatMap { ($0["flows"] as? [String: Any])?["containers"] }, 150))
        #expect(near((roadWest["after"] as? [String: Any]).flatMap { ($0["flows"] as? [String: Any])?["containers"] }, 50))
        let bakhty = try #require(entry(root["crossings"], "id", "bakhty"))
        #expect(bakhty["before"] is NSNull)
        #expect(near(((bakhty["after"] as? [String: Any])?["flows"] as? [String: Any])?["containers"], 100))
        let bakhtyWest = limit(root, crossing: "bakhty", link: "urumqi-bakhty", direction: "forward", side: "after", measure: "trains")
        #expect(near(bakhtyWest?["used"], 2) && near(bakhtyWest?["shadowPrice"], 6_000))
        // Dostyk's trains: 15,000 a train westbound, 4,000 eastbound, in both scenarios.
        for side in ["before", "after"] {
            let west = limit(root, crossing: "dostyk", link: "urumqi-dostyk", direction: "forward", side: side, measure: "trains")
            let east = limit(root, crossing: "dostyk", link: "urumqi-dostyk", direction: "reverse", side: side, measure: "trains")
            #expect(near(west?["used"], 20) && near(west?["shadowPrice"], 15_000), "\(side)")
            #expect(near(east?["used"], 14) && near(east?["shadowPrice"], 4_000), "\(side)")
        }
        let dostykNode = entry((entry(root["crossings"], "id", "dostyk")?["after"] as? [String: Any])?["limits"], "measure", "TEU")
        #expect(near(dostykNode?["used"], 1_400) && near(dostykNode?["capacity"], 1_500))

        let change = try #require((root["changes"] as? [[String: Any]])?.first)
        #expect(change["id"] as? String == "xian-duisburg")
        #expect(change["commodity"] as? String == "containers" && change["unit"] as? String == "TEU")
        let shift = try #require((change["shifts"] as? [[String: Any]])?.first)
        #expect(shift["from"] as? String == "nur-zholy" && shift["to"] as? String == "bakhty" && near(shift["flow"], 100))
    }

    @Test func dostykQueueFlipsTheEastboundPriority() throws {
        let root = try compareJSON("dostyk-queue")
        let after = try #require((root["totals"] as? [String: Any])?["after"] as? [String: Any])
        #expect(near(after["objective"], 4_838_500))
        // Ore takes all 9 eastbound trains it wants; 150 TEU of containers go via Khorgos instead.
        let dostyk = try #require(entry(root["crossings"], "id", "dostyk"))
        let flowChange = ((dostyk["change"] as? [String: Any])?["flows"] as? [String: Any])
        #expect(near(flowChange?["ore"], 12_000) && near(flowChange?["containers"], -150))
        let east = limit(root, crossing: "dostyk", link: "urumqi-dostyk", direction: "reverse", side: "after", measure: "trains")
        let west = limit(root, crossing: "dostyk", link: "urumqi-dostyk", direction: "forward", side: "after", measure: "trains")
        #expect(near(east?["shadowPrice"], 3_500) && near(west?["shadowPrice"], 13_500))
        let moved = try #require(entry(root["changes"], "id", "duisburg-xian"))
        #expect(moved["unit"] as? String == "TEU")
        #expect(near(moved["size"], 150))
    }

    @Test func oreBoomLeavesOreUnservedAndPricesTheSharedRoad() throws {
        let root = try compareJSON("ore-boom")
        let after = try #require((root["totals"] as? [String: Any])?["after"] as? [String: Any])
        #expect(near(after["objective"], 6_185_000))
        #expect(near(entry(after["commodities"], "id", "ore")?["unserved"], 22_000))
        let road = entry((entry(root["crossings"], "id", "nur-zholy")?["after"] as? [String: Any])?["limits"], "measure", "vehicles")
        #expect(near(road?["used"], 200) && near(road?["shadowPrice"], 1_000))
        let khorgosEast = limit(root, crossing: "khorgos", link: "urumqi-khorgos", direction: "reverse", side: "after", measure: "trains")
        #expect(near(khorgosEast?["used"], 6) && near(khorgosEast?["shadowPrice"], 36_000))
        let khorgosWest = limit(root, crossing: "khorgos", link: "urumqi-khorgos", direction: "forward", side: "after", measure: "TEU")
        #expect(near(khorgosWest?["shadowPrice"], 700))
    }

    @Test func tableSpeaksPerCommodity() throws {
        let result = try CLIRunner.run(["compare", twoWay, "--baseline", "baseline", "--scenario", "third-crossing"])
        #expect(result.exitCode == 0)
        let text = result.standardOutput
        #expect(text.hasPrefix("Two-way teaching corridor: baseline → third-crossing (flows per day: containers in TEU, ore in t;"))
        let lines = text.split(separator: "\n").map(String.init)
        func line(_ prefix: String) -> [String]? {
            lines.first { $0.hasPrefix(prefix) }?.split(separator: " ").map(String.init)
        }
        #expect(line("  nur-zholy  containers") == ["nur-zholy", "containers", "150", "50", "-100"])
        #expect(line("  bakhty     containers") == ["bakhty", "containers", "—", "100", "+100"])
        #expect(line("             urumqi → dostyk") == ["urumqi", "→", "dostyk", "trains", "20", "20", "20", "15,000", "15,000"])
        #expect(text.contains("  cut after, ore:  urumqi-dostyk (reverse) 56,000, urumqi-khorgos (reverse) 24,000, urumqi-bakhty (reverse) 8,000"))
        #expect(line("  xian-duisburg (containers, xian → duisburg)")?.suffix(4) == ["nur-zholy", "bakhty", "100", "TEU"])
        #expect(!text.contains("mean transit (days)    91"))  // TEU and t hours are never averaged together
    }

    @Test func csvFolderHasLimitsAndFlowsPerDirection() throws {
        let folder = try TemporaryFiles.folder("compare-two-way").appendingPathComponent("out").path
        let result = try CLIRunner.run([
            "compare", twoWay, "--baseline", "baseline", "--scenario", "third-crossing", "--format", "csv", "--output", folder,
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        func file(_ name: String) throws -> String { try String(contentsOfFile: folder + "/" + name, encoding: .utf8) }
        #expect(try file("limits.csv").contains("\r\ndostyk,link,urumqi-dostyk,forward,trains,20,20,20,20,15000,15000,0\r\n"))
        #expect(try file("limits.csv").contains("\r\nbakhty,link,urumqi-bakhty,forward,trains,,2,,2,,6000,6000\r\n"))
        #expect(try file("flows.csv").contains("\r\nnur-zholy,urumqi-nur-zholy,forward,urumqi,nur-zholy,containers,TEU,150,50,-100\r\n"))
        #expect(try file("totals.csv").contains("\r\nmax_flow_ore,80000,88000,8000,t/day\r\n"))
        #expect(try !file("totals.csv").contains("\r\nmax_flow,"))
        #expect(try file("changes.csv").contains("\r\nxian-duisburg,xian,duisburg,nur-zholy,bakhty,100,containers,TEU\r\n"))
        #expect(try file("crossings.csv").hasPrefix(
            "id,name,flow_before,flow_after,flow_change,share_before,share_after,share_change,utilisation_before,"
                + "utilisation_after,shadow_price_before,shadow_price_after,shadow_price_change,flow_before_containers,"
                + "flow_after_containers,flow_change_containers,flow_before_ore,flow_after_ore,flow_change_ore\r\n"))
    }
}

@Suite struct CommoditySweepCLITests {
    let twoWay = CLIRunner.path("networks/two-way.json")

    /// Dostyk's rail link, both directions set to 10, 20, 30 and 40 trains a day. At 20 eastbound has room
    /// for all 17 trains it wants, so the 12,000 t via Khorgos move over (−12,000); westbound's price stays
    /// 15,000. At 30 the Dostyk node's 1,500 TEU binds (westbound's road containers move over, 50 eastbound
    /// TEU give way to Khorgos: −45,000 + 5,000), and more trains are worth nothing.
    @Test func dostykTrainsByDefault() throws {
        let result = try CLIRunner.run([
            "sweep", twoWay, "--capacity", "urumqi-dostyk", "--min", "10", "--max", "40", "--steps", "4", "--format", "json",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let root = try jsonObject(result.standardOutput)
        #expect((root["parameter"] as? [String: Any])?["measure"] as? String == "trains")
        #expect((root["commodities"] as? [[String: Any]])?.map { $0["id"] as? String } == ["containers", "ore"])
        #expect(near(root["marginalValueReachesZero"], 30))
        let points = try #require(root["points"] as? [[String: Any]])
        #expect(near(points[1]["objective"], 4_786_000) && near(points[1]["marginalValue"], 15_000))
        #expect(near(points[2]["objective"], 4_746_000) && near(points[2]["marginalValue"], 0))
        #expect(near(entry(points[1]["commodities"], "id", "ore")?["served"], 36_000))
        let dostyk = entry(points[1]["crossings"], "id", "dostyk")?["flows"] as? [String: Any]
        #expect(near(dostyk?["ore"], 36_000) && near(dostyk?["containers"], 1_400))
        let explicit = try CLIRunner.run([
            "sweep", twoWay, "--capacity", "urumqi-dostyk", "--measure", "trains", "--min", "10", "--max", "40", "--steps", "4",
            "--format", "json",
        ])
        #expect(explicit.standardOutput == result.standardOutput)
        let table = try CLIRunner.run(["sweep", twoWay, "--capacity", "urumqi-dostyk", "--min", "10", "--max", "40", "--steps", "4"])
        #expect(table.standardOutput.contains("capacity of urumqi-dostyk in trains from 10 to 40 in 4 step(s)"))
        #expect(table.standardOutput.contains("marginal value is 0 from 23 on"))
    }

    @Test func measureWithoutALimitIsRefusedNamingTheLimits() throws {
        let common = ["--min", "0", "--max", "10", "--steps", "2"]
        let node = try CLIRunner.run(["sweep", twoWay, "--capacity", "dostyk", "--measure", "trains"] + common)
        #expect(node.exitCode == 2)
        #expect(node.standardError.contains("--measure trains: \"dostyk\" has no limit in trains; its limits: 1500 TEU."))
        let link = try CLIRunner.run(["sweep", twoWay, "--capacity", "urumqi-khorgos", "--measure", "vehicles"] + common)
        #expect(link.exitCode == 2)
        #expect(link.standardError.contains("its limits: 6 trains, 250 TEU each way"))
        let misplaced = try CLIRunner.run(["sweep", twoWay, "--cost", "xian-urumqi", "--measure", "trains"] + common)
        #expect(misplaced.exitCode == 2)
    }

    /// At scale 1 one more unit of each demand costs its route plus the limits it uses (two-way.md's
    /// prices): westbound 2,220 + 15,000/50, eastbound 2,220 + 4,000/50, ore 20 + 4,000/4,000:
    /// 1,400 × 2,520 + 400 × 2,300 + 36,000 × 21 = 5,204,000. A link cost counts only the commodities
    /// that pay it: ore has its own on urumqi-dostyk, so the containers' 1,400 TEU.
    @Test func demandScaleAndCostMarginalsWeighLimitsPerCommodity() throws {
        let scale = try jsonObject(
            try CLIRunner.run(["sweep", twoWay, "--demand-scale", "--min", "1", "--max", "1", "--steps", "1", "--format", "json"])
                .standardOutput)
        #expect(near((scale["points"] as? [[String: Any]])?.first?["marginalValue"], -5_204_000))
        let cost = try jsonObject(
            try CLIRunner.run([
                "sweep", twoWay, "--cost", "urumqi-dostyk", "--min", "0", "--max", "100", "--steps", "2", "--format", "json",
            ]).standardOutput)
        let points = try #require(cost["points"] as? [[String: Any]])
        #expect(near(points[0]["marginalValue"], -1_400) && near(points[0]["objective"], 4_798_000 - 100 * 1_400))
    }

    @Test func shardsMergeByteIdentical() throws {
        let folder = try TemporaryFiles.folder("sweep-two-way")
        let common = [
            "sweep", twoWay, "--scenario", "ore-boom", "--capacity", "urumqi-dostyk", "--min", "0", "--max", "40",
            "--steps", "25", "--format", "json",
        ]
        let whole = try CLIRunner.run(common)
        var files: [String] = []
        for index in 1...2 {
            let path = folder.appendingPathComponent("s\(index).json").path
            try CLIRunner.run(common + ["--shard", "\(index)/2"]).standardOutput.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let merged = try CLIRunner.run(["sweep", "--format", "json", "--merge"] + files)
        #expect(merged.exitCode == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == whole.standardOutput)
        let csv = try CLIRunner.run(["sweep", "--format", "csv", "--merge"] + files)
        #expect(csv.standardOutput.hasPrefix(
            "parameter,element,measure,index,value,objective,unserved,marginal_value,flow_dostyk,flow_khorgos,flow_nur-zholy,served_containers,"
                + "unserved_containers,served_ore,unserved_ore,flow_dostyk_containers,flow_dostyk_ore,"))
    }
}

@Suite struct CommodityCriticalityCLITests {
    let twoWay = CLIRunner.path("networks/two-way.json")

    /// Closing an element stops every commodity: Karaganda's only link leaves all 36,000 t unserved at
    /// 30 USD/t instead of the 732,000 they cost to carry (+348,000), which a TEU-only closure would miss.
    @Test func closingStopsEveryCommodity() throws {
        let result = try CLIRunner.run(["criticality", twoWay, "--links", "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let root = try jsonObject(result.standardOutput)
        let baseline = try #require(root["baseline"] as? [String: Any])
        #expect(near(baseline["objective"], 4_798_000))
        #expect(near(entry(baseline["commodities"], "id", "ore")?["served"], 36_000))
        let karaganda = try #require(entry(root["ranking"], "id", "karaganda-aktogay"))
        #expect(near(karaganda["costIncrease"], 348_000))
        #expect(near((karaganda["servedChange"] as? [String: Any])?["ore"], -36_000))
        #expect(near((karaganda["servedChange"] as? [String: Any])?["containers"], 0))
        let dostyk = try #require(entry(root["ranking"], "id", "dostyk"))
        #expect(near((dostyk["servedChange"] as? [String: Any])?["ore"], -32_000))
        let table = try CLIRunner.run(["criticality", twoWay, "--links"])
        #expect(table.standardOutput.contains("served containers TEU  served ore t"))
    }

    /// A closed element answers as the scenario that disables it: the same objective.
    @Test func closureEqualsDisabling() throws {
        let closed = ["dostyk", "khorgos", "nur-zholy", "urumqi-dostyk", "karaganda-aktogay"]
        var network = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: twoWay))) as? [String: Any])
        var scenarios = try #require(network["scenarios"] as? [[String: Any]])
        for id in closed { scenarios.append(["id": "without-\(id)", "disable": [id]]) }
        network["scenarios"] = scenarios
        let file = try TemporaryFiles.file(
            String(decoding: try JSONSerialization.data(withJSONObject: network), as: UTF8.self), name: "two-way.json")
        let ranking = try #require(
            try jsonObject(try CLIRunner.run(["criticality", file, "--links", "--format", "json"]).standardOutput)["ranking"])
        for id in closed {
            let allocation = try jsonObject(
                try CLIRunner.run(["allocate", file, "--scenario", "without-\(id)", "--format", "json"]).standardOutput)
            let increase = try #require(number(entry(ranking, "id", id)?["costIncrease"]))
            #expect(near(allocation["objective"], 4_798_000 + increase), "\(id)")
        }
    }
}

@Suite struct CommodityReportCLITests {
    @Test func mapsCountTrainsAndTablesArePerCommodity() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID()).html").path
        let result = try CLIRunner.run([
            "report", CLIRunner.path("networks/two-way.json"), "--baseline", "baseline", "--scenario", "third-crossing",
            "--sweep", "urumqi-dostyk", "--steps", "5", "-o", file,
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("Flow (trains/day; each commodity ÷ its load per train)"))
        #expect(html.contains("Map flows are in trains per day"))
        #expect(html.contains("Max-flow, Iron ore (t/day)") && html.contains("88,000"))
        #expect(html.contains("Limits at crossings") && html.contains("15,000"))
        #expect(html.contains("Capacity of urumqi-dostyk (trains/day)") && html.contains("USD per train of capacity"))
        // Dostyk carries 28 container trains (1,400 TEU) and 6 ore trains (24,000 t) a day: 34 on the chart.
        #expect(html.contains("34 trains/day"))
    }
}

/// Outputs on a network without commodities are those from before commodities reached these commands.
@Suite struct SingleCommodityOutputsUnchangedCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func compareTable() throws {
        let result = try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "third-crossing"])
        #expect(
            result.standardOutput == """
                Tiny teaching corridor: baseline → third-crossing (flows in TEU/day, money in USD/day)

                Crossings (— off in that scenario)
                  crossing  flow before  flow after  change  share before  share after  util. before  util. after  price before  price after
                  --------  -----------  ----------  ------  ------------  -----------  ------------  -----------  ------------  -----------
                  dostyk            100         100       0        62.5 %       50.0 %       100.0 %      100.0 %       2,781.5         48.5
                  khorgos            60          50     -10        37.5 %       25.0 %       100.0 %       83.3 %         2,733            0
                  bakhty              —          50     +50             —       25.0 %             —      100.0 %             —           59

                Totals
                                        before    after    change
                  -------------------  -------  -------  --------
                  total cost           551,270  439,000  -112,270
                    transport          319,800  399,500   +79,700
                    handling             8,400   10,500    +2,100
                    time value          23,070   29,000    +5,930
                    unserved penalty   200,000        0  -200,000
                  served                   160      200       +40
                  unserved                  40        0       -40
                  mean transit (days)    12.02    12.08     +0.07
                  max-flow                 160      210       +50
                  cut before: dostyk 100, khorgos 60
                  cut after:  dostyk 100, khorgos 60, bakhty 50

                Demands that moved (largest first)
                  demand                                     from      to      flow
                  -----------------------------------------  --------  ------  ----
                  chongqing-duisburg (chongqing → duisburg)  unserved  bakhty    40
                                                             dostyk    bakhty    10
                  xian-duisburg (xian → duisburg)            khorgos   dostyk    10

                """)
    }

    @Test func criticalityTable() throws {
        let result = try CLIRunner.run(["criticality", tiny, "--scenario", "third-crossing"])
        #expect(
            result.standardOutput == """
                Tiny teaching corridor, scenario third-crossing: objective 439,000, unserved 0 with everything open
                Each element closed in turn (capacity 0), worst first:

                rank  id       kind      cost increase  unserved increase
                ----  -------  --------  -------------  -----------------
                   1  dostyk   crossing       +251,370                +90
                   2  khorgos  crossing       +136,650                +50
                   3  bakhty   crossing       +112,270                +40

                """)
    }

    @Test func sweepCSVAndNoCommodityKeys() throws {
        let csv = try CLIRunner.run([
            "sweep", tiny, "--scenario", "third-crossing", "--capacity", "bakhty", "--min", "0", "--max", "20", "--steps", "3",
            "--format", "csv",
        ])
        #expect(
            csv.standardOutput == """
                parameter,element,measure,index,value,objective,unserved,marginal_value,flow_dostyk,flow_khorgos,flow_bakhty
                capacity,bakhty,,0,0,551270,40,2792,100,60,0
                capacity,bakhty,,1,10,523350,30,2792,100,60,10
                capacity,bakhty,,2,20,495430,20,2792,100,60,20

                """)
        // A network without commodities gets none of the keys they add, even with --measure in its unit.
        let sweep = try CLIRunner.run([
            "sweep", tiny, "--scenario", "third-crossing", "--capacity", "bakhty", "--measure", "TEU", "--min", "0", "--max",
            "20", "--steps", "3", "--format", "json",
        ])
        let root = try jsonObject(sweep.standardOutput)
        #expect(root["commodities"] == nil)
        #expect((root["parameter"] as? [String: Any])?["measure"] == nil)
        #expect(((root["points"] as? [[String: Any]])?.first?["crossings"] as? [[String: Any]])?.first?["flows"] == nil)
        let compare = try jsonObject(
            try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "growth", "--format", "json"]).standardOutput)
        #expect(compare["commodities"] == nil)
        #expect((compare["crossings"] as? [[String: Any]])?.allSatisfy { $0["links"] == nil } == true)
        #expect(((compare["totals"] as? [String: Any])?["after"] as? [String: Any])?["maxFlow"] is [String: Any])
        let criticality = try jsonObject(try CLIRunner.run(["criticality", tiny, "--format", "json"]).standardOutput)
        #expect((criticality["ranking"] as? [[String: Any]])?.allSatisfy { $0["servedChange"] == nil } == true)
    }
}
