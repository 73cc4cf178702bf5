import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

/// Networks as folders of CSV files: written and read back without loss, and every bad cell reported
/// at its file, cell and column.
@Suite struct NetworkCSVTests {
    private static func path(_ relative: String) -> String {
        TestNetworks.repositoryRoot.appendingPathComponent(relative).path
    }

    private static func texts(_ files: [(name: String, contents: String)]) -> [String: String] {
        Dictionary(files.map { ($0.name, $0.contents) }, uniquingKeysWith: { first, _ in first })
    }

    /// A parsed JSON document without its empty lists and objects (`"disable": []`), which a CSV
    /// folder writes as no rows and reads back as left out: the same network.
    private static func pruned(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { entry in
                !((entry.value as? [Any])?.isEmpty ?? false) && !((entry.value as? [String: Any])?.isEmpty ?? false)
            }.mapValues(pruned)
        }
        if let array = value as? [Any] { return array.map(pruned) }
        return value
    }

    @Test(arguments: [
        "networks/tiny.json", "networks/two-way.json", "networks/china-europe.json", "docs/examples/one-way.json",
        "Tests/CorridorModelTests/Fixtures/valid/edge-cases.json", "Tests/CorridorModelTests/Fixtures/valid/fixture-base.json",
    ])
    func roundTripIsLossless(file: String) throws {
        let original = try NetworkReader.read(path: Self.path(file))
        let files = try NetworkCSV.files(ofNetworkAt: Self.path(file))
        let (network, document) = try NetworkCSV.read(files: Self.texts(files), source: "folder")
        #expect(network == original)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.path(file)))
        let written = try #require(Self.pruned(try JSONSerialization.jsonObject(with: bytes)) as? NSDictionary)
        let read = try #require(
            Self.pruned(try JSONSerialization.jsonObject(with: Data(document.serialized().utf8))) as? NSDictionary)
        #expect(read == written, "the document read back says what the file says")
        // Written again, the files are the same bytes.
        let again = try NetworkCSV.files(of: document)
        #expect(again.map(\.name) == files.map(\.name))
        for (first, second) in zip(files, again) { #expect(first.contents == second.contents, "\(first.name)") }
    }

    @Test func formulaLikeTextSurvivesTheApostropheRule() throws {
        for text in ["=SUM(A1)", "'=x", "''=x", "'plain", "-dash", "@at", "+plus", "'-12.5"] {
            #expect(CSVField.text(ofField: Self.unquoted(CSVField.field(text))) == text, "\(text)")
        }
    }

    private static func unquoted(_ field: String) -> String {
        guard field.hasPrefix("\"") else { return field }
        return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    private static let network = "key,value\nformat,corridor-network/1\nname,T\nunit,TEU\nperiod,day\ncurrency,USD\n"

    private func problems(_ files: [String: String]) -> [String] {
        do {
            _ = try NetworkCSV.read(files: files, source: "in")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func everyBadCellIsReportedAtItsPlace() {
        let found = problems([
            "network.csv": Self.network + "value_of_time,2\n",
            "nodes.csv": "id,kind,lat,lon,capacity,colour\na,terminal,\"1,5\",2,10,red\nb,crossing,3,4,trains=x,\nc,junktion,5,6,,\n",
            "links.csv": "id,from,to,mode,bidirectional\nab,a,b,rail,yes\nbc,b,d,rail,\n",
            "demands.csv": "id,origin,destination,quantity\nk,a,c,10,extra\n",
            "scenarios.csv": "id,name,meta\ns,S,{not json}\n",
            "scenario_changes.csv": "scenario,change,id,value\ns,capacity,a,abc\nt,enable,a,\ns,enabel,a,\ns,cost,ab,\n",
        ])
        #expect(
            found == [
                "demands.csv:2: 5 cells, but the header names 4 columns",
                "network.csv:A7 (key): unknown key \"value_of_time\"",
                "nodes.csv:F1: unknown column \"colour\"",
                "nodes.csv:C2 (lat): not a number: \"1,5\" (write decimals with a point)",
                "nodes.csv:E3 (capacity): not a capacity: \"trains=x\" (a number, or limits like trains=28;TEU=1500)",
                "links.csv:E2 (bidirectional): not true or false: \"yes\"",
                "scenarios.csv:C2 (meta): not JSON: unexpected 'n'; expected a key in double quotes at character 2",
                "scenario_changes.csv:D2 (value): not a capacity: \"abc\" (a number, or limits like trains=28;TEU=1500)",
                "scenario_changes.csv:A3 (scenario): unknown scenario \"t\" (not in scenarios.csv) (did you mean \"s\"?)",
                "scenario_changes.csv:B4 (change): unknown change \"enabel\" (did you mean \"enable\"?)",
                "scenario_changes.csv:D5 (value): a cost change needs a value",
            ], "\(found)")
    }

    @Test func theValidatorsFindingsAreTracedToCells() {
        let found = problems([
            "network.csv": Self.network,
            "nodes.csv": "id,kind\na,terminal\nb,crossing\nc,junktion\n",
            "links.csv": "id,from,to,mode\nab,a,b,rail\nbd,b,dd,rail\n",
            "scenarios.csv": "id\ns\n",
            "scenario_changes.csv": "scenario,change,id,value\ns,capacity,zz,5\n",
        ])
        #expect(
            found == [
                "nodes.csv:B4 (kind): unknown kind \"junktion\" (did you mean \"junction\"?)",
                "links.csv:C3 (to): unknown node \"dd\"",
                "scenario_changes.csv:D2 (value): unknown node or link \"zz\"",
            ], "\(found)")
    }

    @Test func brokenFilesAreNamed() {
        #expect(problems(["nodes.csv": "id,kind\n"]) == ["network.csv: missing: every network needs network.csv (key,value)"])
        #expect(
            problems(["network.csv": Self.network, "nodes.csv": "id,kind\n\"a,terminal\n"]) == [
                "nodes.csv:2: a quoted field is never closed"
            ])
        #expect(
            problems(["network.csv": Self.network, "nodes.csv": "id,id\na,b\n"]) == ["nodes.csv:B1: the column \"id\" appears twice"])
    }

    @Test func spreadsheetHabitsAreAccepted() throws {
        // A byte order mark, CRLF, TRUE in capitals, trailing empty cells dropped, a blank row.
        let (network, _) = try NetworkCSV.read(
            files: [
                "network.csv": "\u{FEFF}" + Self.network.replacingOccurrences(of: "\n", with: "\r\n"),
                "nodes.csv": "id,kind,lat,lon\r\na,terminal\r\n,,,\r\nb,terminal, 1 ,2\r\n",
                "links.csv": "id,from,to,mode,bidirectional\nab,a,b,rail,TRUE\n",
            ], source: "in")
        #expect(network.nodes.map(\.id) == ["a", "b"])
        #expect(network.nodes[1].lat == 1 && network.links[0].bidirectional)
    }

    /// Hundreds of damaged copies of the two-way network's files (characters replaced, deleted or
    /// repeated, commas and quotes among them): each reads as a network or as located problems, never
    /// a crash.
    @Test func damagedFilesNeverCrashTheReader() throws {
        let files = Self.texts(try NetworkCSV.files(ofNetworkAt: Self.path("networks/two-way.json")))
        var random = SeededGenerator(seed: 14)
        let alphabet = Array(",\";=\n\r x0-.e9'{}[]")
        for _ in 0..<500 {
            var damaged = files
            let name = files.keys.sorted()[Int(random.next() % UInt64(files.count))]
            var characters = Array(damaged[name] ?? "")
            for _ in 0..<(1 + Int(random.next() % 4)) where !characters.isEmpty {
                let at = Int(random.next() % UInt64(characters.count))
                switch random.next() % 3 {
                case 0: characters[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 1: characters.remove(at: at)
                default: characters.insert(characters[at], at: at)
                }
            }
            damaged[name] = String(characters)
            do {
                _ = try NetworkCSV.read(files: damaged, source: "in")
            } catch {
                #expect(!error.diagnostics.isEmpty)
            }
        }
    }
}

/// GMNS node and link tables read into a network, units converted, problems at GMNS's rows and columns.
@Suite struct GMNSImportTests {
    private let nodes = "node_id,name,x_coord,y_coord,node_type,zone_id\n1,Xian,109.06,34.41,terminal,\n2,Dostyk,82.48,45.25,crossing,\n3,Duisburg,6.72,51.4,,\n"
    private let demands = "id,origin,destination,quantity\nxd,1,3,100\n"

    @Test func nodesLinksAndUnitsAreRead() throws {
        let (network, _) = try GMNSImport.read(
            files: [
                "node.csv": nodes,
                "link.csv": "link_id,from_node_id,to_node_id,directed,length,free_speed,allowed_uses,capacity\n"
                    + "12,1,2,false,100,50,rail,1800\n23,2,3,true,10,40,,1800\n",
                "config.csv": "dataset_name,long_length,speed,crs\nTest corridor,mi,mph,EPSG:4326\n",
                "demands.csv": demands,
            ], source: "gmns")
        #expect(network.name == "Test corridor")
        #expect(network.nodes.map(\.kind) == [.terminal, .crossing, .junction])
        #expect(network.nodes[0].lat == 34.41 && network.nodes[0].lon == 109.06 && network.nodes[0].name == "Xian")
        let link = network.links[0]
        #expect(link.bidirectional && link.mode == .rail && link.lengthKm == 160.9344 && link.hours == 2)
        #expect(!network.links[1].bidirectional && network.links[1].mode == .road && network.links[1].capacity == nil)
        #expect(network.demands.map(\.id) == ["xd"])
    }

    @Test func problemsAreAtGMNSRowsAndColumns() {
        func problems(_ files: [String: String]) -> [String] {
            do {
                _ = try GMNSImport.read(files: files, source: "gmns")
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        #expect(
            problems(["node.csv": nodes, "link.csv": "link_id,from_node_id,to_node_id,directed,length\n12,1,2,maybe,abc\n"]) == [
                "link.csv:2 (length): not a number: \"abc\"", "link.csv:2 (directed): not true or false: \"maybe\"",
            ])
        #expect(
            problems(["node.csv": nodes, "link.csv": "link_id,from_node_id,to_node_id,directed\n12,1,9,true\n"]) == [
                "link.csv:2 (to_node_id): unknown node \"9\" (did you mean \"1\"?)"
            ])
        #expect(
            problems(["node.csv": nodes, "config.csv": "crs,long_length\nEPSG:3857,furlong\n"]) == [
                "config.csv:2 (long_length): unknown length unit \"furlong\" (km, mi, m or ft)",
                "config.csv:2 (crs): coordinates must be longitude and latitude (EPSG:4326), not \"EPSG:3857\"",
            ])
        #expect(problems(["link.csv": "link_id\n"]) == ["node.csv: missing: a GMNS network needs node.csv"])
    }
}
