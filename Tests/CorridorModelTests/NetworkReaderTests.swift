import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

/// Every network shipped in `networks/` loads; the list is read at test time, so networks added
/// later are covered without touching this file.
@Test(arguments: bundledNetworkFiles())
func bundledNetworkPassesValidation(_ name: String) throws {
    let path = TestNetworks.repositoryRoot.appendingPathComponent("networks").appendingPathComponent(name).path
    let network = try NetworkReader.read(path: path)
    #expect(!network.nodes.isEmpty)
    for scenario in [Scenario.baselineID] + network.scenarios.map(\.id) {
        _ = try network.activate(scenario: scenario)
    }
}

func bundledNetworkFiles() -> [String] {
    let folder = TestNetworks.repositoryRoot.appendingPathComponent("networks").path
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let companions = [".schema.json", ".observed.json", ".projects.json"]
    return files.filter { file in file.hasSuffix(".json") && !companions.contains { file.hasSuffix($0) } }.sorted()
}

@Test func validFixturesLoad() throws {
    let base = try NetworkReader.read(path: Fixtures.valid.appendingPathComponent("fixture-base.json").path)
    #expect(base.nodes.count == 5 && base.links.count == 5 && base.demands.count == 1 && base.scenarios.count == 2)
}

@Test func edgeCasesAreReadAsWritten() throws {
    let network = try NetworkReader.read(path: Fixtures.valid.appendingPathComponent("edge-cases.json").path)
    #expect(network.name == "Edge cases: Étude 🚂 \"quoted\" / slash")
    #expect(network.period == "week" && network.currency == "EUR")
    #expect(network.valueOfTimePerHour == 1.25)
    #expect(network.unservedPenalty == 1e9)
    #expect(network.meta?["capacty"] == .string("not checked in meta"))
    #expect(
        network.meta?["anything"]
            == .array([
                .number(1), .string("two"), .null, .bool(true),
                .object([("nested", .object([("deeper", .array([]))]))]),
            ]))

    let southPole = Node(id: "south-pole", kind: .city, lat: -90, lon: -180, capacity: 0)
    let northPole = Node(
        id: "north-pole", name: "Nord", kind: .dryPort, lat: 90, lon: 180, capacity: 0.5, handlingCost: 0.001,
        status: .proposed, meta: .object([]))
    #expect(network.nodes == [southPole, northPole, Node(id: "Bahnhof Köln", kind: .port, country: "DE")])
    #expect(network.nodes[0].name == "south-pole")
    #expect(
        network.links == [
            Link(id: "polar", from: "south-pole", to: "north-pole", mode: .ferry, capacity: 1e15),
            Link(
                id: "to-köln", name: "Road", from: "north-pole", to: "Bahnhof Köln", mode: .road, hours: 12.5, cost: 7),
        ])
    #expect(
        network.demands == [
            Demand(id: "d1", origin: "south-pole", destination: "Bahnhof Köln", quantity: 0, unservedPenalty: 12)
        ])
    #expect(
        network.scenarios == [
            Scenario(
                id: "open", enable: ["north-pole"],
                capacity: [
                    CapacityOverride(id: "polar", capacity: nil), CapacityOverride(id: "Bahnhof Köln", capacity: 5),
                    CapacityOverride(id: "north-pole", capacity: 3),
                ],
                cost: [ValueOverride(id: "to-köln", value: 0)], demand: [ValueOverride(id: "d1", value: 4)],
                demandScale: 0)
        ])
}

@Test func pathsQuoteKeysThatAreNotPlainWords() throws {
    let text = """
        {"format": "corridor-network/1", "name": "n", "unit": "TEU", "period": "day", "currency": "USD",
         "nodes": [{"id": "a b", "kind": "city"}],
         "scenarios": [{"id": "s", "capacity": {"a b": -1, "a.b": 1}}]}
        """
    #expect(
        throws: NetworkValidationError(
            source: "x.json",
            diagnostics: [
                Diagnostic(path: #"scenarios[0].capacity["a b"]"#, message: "must not be negative, found -1"),
                Diagnostic(
                    path: #"scenarios[0].capacity["a.b"]"#, message: #"unknown node or link "a.b""#, suggestion: "a b"),
            ])
    ) {
        try NetworkReader.read(data: Data(text.utf8), source: "x.json")
    }
}

@Test(arguments: [
    ("0", 0.0), ("-0", -0.0), ("150", 150), ("-12.5", -12.5), ("1e3", 1000), ("1E-2", 0.01), ("2.5e+2", 250),
    ("123456789012345678", 123_456_789_012_345_680), ("0.1", 0.1), ("1e-400", 0),  // …680: the nearest Double
])
func numbersParseExactly(_ text: String, _ value: Double) throws {
    let tree = try JSONParser.parse(Array("[\(text)]".utf8))
    guard case .array(let items) = tree.value, case .number(let number, _) = items.first?.value else {
        Issue.record("not a number: \(tree)")
        return
    }
    #expect(number == value && number.sign == value.sign)
}

@Test(arguments: [
    ("[01]", "invalid number: leading zeros are not allowed"), ("[1.]", "invalid number: expected a digit after '.'"),
    ("[.5]", "unexpected '.'"), ("[1e]", "invalid number: expected a digit in the exponent"),
    ("[-]", "invalid number: expected a digit"), ("[Infinity]", "Infinity is not a JSON number"),
    ("[-Infinity]", "-Infinity is not a JSON number"), ("[tru]", "unexpected word \"tru\"; strings need double quotes"),
    ("[\"\\x\"]", "invalid escape \"\\x\""), ("[\"\\u12\"]", "invalid \\u escape: expected four hex digits"),
    ("[\"\\udc00\"]", "lone surrogate \\uDC00 in a string"), ("[1 2]", "unexpected '2'; expected ',' or ']'"),
    ("{\"a\" 1}", "unexpected '1'; expected ':' after the key"), ("{\"a\":1,}", "trailing comma before '}'"),
    ("[1,]", "trailing comma before ']'"), ("[", "unexpected end of file; expected a value"),
])
func syntaxErrorsSayWhatIsWrong(_ text: String, _ message: String) {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    do {
        _ = try JSONParser.parse(Array(text.utf8))
    } catch {
        #expect(error.message == message)
    }
}

@Test func nestingIsCappedWithoutExhaustingTheStack() {
    let limit = JSONParser.maximumDepth
    #expect(throws: Never.self) {
        try JSONParser.parse(Array((String(repeating: "[", count: limit) + String(repeating: "]", count: limit)).utf8))
    }
    let tooDeep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONSyntaxError(offset: limit, message: "nesting deeper than \(limit) levels")) {
        try JSONParser.parse(Array(tooDeep.utf8))
    }
}

/// A network of about 1 MB: the whole read (parse, validate, build) is timed and must stay far
/// below a second even in a debug build on a busy machine (the budget is 100 ms; measured figures
/// are in the model report).
@Test func aOneMegabyteNetworkLoadsQuickly() throws {
    var nodes: [String] = []
    var links: [String] = []
    for index in 0..<3000 {
        nodes.append(
            #"{"id": "n\#(index)", "name": "Node \#(index)", "kind": "junction", "country": "KZ", "lat": 45.\#(index % 97), "lon": 80.\#(index % 89), "capacity": \#(100 + index), "handlingCost": 12.5, "dwellHours": 3}"#
        )
    }
    for index in 0..<5000 {
        links.append(
            #"{"id": "l\#(index)", "from": "n\#(index % 3000)", "to": "n\#((index * 7 + 1) % 3000)", "mode": "rail", "lengthKm": \#(300 + index % 700), "hours": 12, "cost": 95.5, "capacity": 3000, "bidirectional": true}"#
        )
    }
    let text =
        #"{"format": "corridor-network/1", "name": "big", "unit": "TEU", "period": "day", "currency": "USD", "nodes": [\#(nodes.joined(separator: ",\n"))], "links": [\#(links.joined(separator: ",\n"))]}"#
    let data = Data(text.utf8)
    #expect(data.count > 1_000_000)
    // Thread CPU time, not wall time: other builds and tests share the machine's two cores.
    func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let start = cpuSeconds()
    let tree = try JSONParser.parse([UInt8](data))
    let parsed = cpuSeconds()
    let network = try NetworkReader.read(data: data, source: "big.json")
    let elapsed = cpuSeconds() - parsed
    print("1 MB network: parse \(parsed - start) s, whole read \(elapsed) s (thread CPU time)")
    guard case .object(let members) = tree.value else {
        Issue.record("not an object")
        return
    }
    #expect(members.count == 7)
    #expect(network.links.count == 5000)
    #expect(elapsed < 1)
}

/// The example on the format page must stay a valid network.
@Test func formatPageExampleIsValid() throws {
    let page = try String(
        contentsOf: TestNetworks.repositoryRoot.appendingPathComponent("networks/FORMAT.md"), encoding: .utf8)
    let example = try #require(
        page.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
    let network = try NetworkReader.read(data: Data(example.utf8), source: "FORMAT.md example")
    #expect(network.nodes.count == 4 && network.scenarios.count == 3)
    #expect(try network.activate(scenario: "bakhty-open").arcs.count == 4)
}
