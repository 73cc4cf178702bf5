import CorridorServer
import CorridorService
import Foundation
import Testing

/// Every refusal is JSON with a fitting status and a message that says where and what; nothing a request
/// sends brings a 5xx.
@Suite(.serialized) struct ErrorTests {
    @Test func badRequestsGetTheirStatusAndAMessage() async throws {
        try await LiveServer.with { client in
            let cases: [(method: String, path: String, body: String, status: Int, message: String)] = [
                ("POST", "/networks/tiny/allocate", "{", 400, "body:1:2"),
                ("POST", "/networks/tiny/allocate", "[1]", 400, "expected an object of parameters"),
                ("POST", "/networks/tiny/allocate", #"{"scenari": "x"}"#, 400, #"unknown parameter "scenari" (did you mean "scenario"?)"#),
                ("POST", "/networks/tiny/allocate", #"{"scenario": 3}"#, 400, "scenario: expected a string, not a number"),
                ("POST", "/networks/tiny/route", #"{"from": "xian", "to": "duisburg", "k": 1.5}"#, 400, "k 1.5: expected a whole number"),
                ("GET", "/networks/tiny/sweep?demandScale=true&min=0x10&max=20&steps=2", "", 400, #"min "0x10": expected a finite decimal number"#),
                ("POST", "/networks/tiny/info?scenario=growth", "{}", 400, "a POST takes its parameters in the JSON body"),
                ("POST", "/networks/tiny/route", #"{"from": "xian"}"#, 400, "route needs the parameter to"),
                ("GET", "/networks/tiny/route?from=xian&to=duisburg&k=x", "", 400, #"k "x": expected a whole number"#),
                ("POST", "/networks/tiny/allocate", #"{"scenario": "third-crosing"}"#, 422, #"did you mean "third-crossing"?"#),
                ("POST", "/networks/tiny/route", #"{"from": "xian", "to": "duisbrg"}"#, 422, #"to duisbrg: no node has this id (did you mean "duisburg"?)"#),
                ("POST", "/networks/tiny/route", #"{"from": "xian", "to": "duisburg", "k": 0}"#, 422, "k must be from 1 to 1000, not 0"),
                ("POST", "/networks/tiny/sweep", #"{"demandScale": true, "min": 2, "max": 1, "steps": 3}"#, 422, "min 2 is above max 1"),
                ("POST", "/networks/tiny/sweep", #"{"demandScale": true, "min": 0, "max": 1, "steps": 1000000}"#, 422, "at most 1000 points"),
                ("POST", "/networks/tiny/uncertainty", #"{"baseline": "baseline", "scenario": "third-crossing", "draws": 999999}"#, 422, "at most 5000"),
                ("POST", "/networks/tiny/maxflow", #"{"from": ["xian"], "to": ["xian"]}"#, 422, "both a source and a sink; name disjoint sets with from and to"),
                ("POST", "/networks/nowhere/allocate", "{}", 404, #"no network "nowhere""#),
                ("POST", "/networks/..%2Fnetworks%2Ftiny/allocate", "{}", 404, "no network"),
                ("GET", "/networks/tiny/nothing", "", 404, "no such endpoint"),
                ("DELETE", "/networks/tiny", "", 404, "no such endpoint"),
            ]
            for item in cases {
                let answer = try await client.send(item.method, item.path, body: item.body.isEmpty ? nil : Data(item.body.utf8))
                #expect(answer.status == item.status, "\(item.method) \(item.path) \(item.body): \(answer.text.prefix(300))")
                #expect(answer.message.contains(item.message), "\(item.path) \(item.body): \(answer.message)")
                #expect(answer.headers["content-type"]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test func theLargestSeedAndPercentEncodedNamesAreTaken() async throws {
        try await LiveServer.with { client in
            let seed = try await client.post(
                "/networks/tiny/uncertainty", #"{"baseline": "baseline", "scenario": "growth", "draws": 1, "seed": 9007199254740991}"#)
            #expect(seed.status == 422 || seed.status == 200, "\(seed.text.prefix(200))")
            #expect(!seed.message.contains("seed"), "\(seed.message)")
            let encoded = try await client.get("/networks/tiny/route?fr%6Fm=xian&to=duisburg")
            #expect(encoded.status == 200, "\(encoded.text.prefix(200))")
        }
    }

    @Test func aPostedNetworkOverTheSizeCapIs422() async throws {
        var configuration = ServerConfiguration(networks: Repository.networks)
        configuration.limits.maximumPostedElements = 10
        let tiny = try Data(contentsOf: URL(fileURLWithPath: Repository.networks + "/tiny.json"))
        try await LiveServer.with(configuration) { client in
            let answer = try await client.post("/allocate", data: tiny)
            #expect(answer.status == 422)
            #expect(answer.message.contains("19 nodes, links and demands; this server solves posted networks of at most 10"))
        }
    }

    @Test func linksOutOfTheFolderAreNotServed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("outside.json").path, withDestinationPath: Repository.networks + "/tiny.json")
        try FileManager.default.copyItem(
            atPath: Repository.networks + "/tiny.json", toPath: folder.appendingPathComponent("inside.json").path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("alias.json").path, withDestinationPath: "inside.json")
        try await LiveServer.with(ServerConfiguration(networks: folder.path)) { client in
            #expect(try await client.post("/networks/outside/info", "{}").status == 404)
            #expect(try await client.post("/networks/inside/info", "{}").status == 200)
            #expect(try await client.post("/networks/alias/info", "{}").status == 200)
            let listing = try await client.get("/networks")
            #expect(!listing.text.contains(folder.path))
        }
    }

    @Test func aBodyOverTheCapIs413() async throws {
        var configuration = ServerConfiguration(networks: Repository.networks)
        configuration.maximumBodyBytes = 4096
        try await LiveServer.with(configuration) { client in
            let network = try Data(contentsOf: URL(fileURLWithPath: Repository.networks + "/china-europe.json"))
            let answer = try await client.post("/validate", data: network)
            #expect(answer.status == 413)
            #expect(answer.message.contains("4096 bytes"))
            let padded = try await client.post("/networks/tiny/allocate", "{" + String(repeating: " ", count: 5000) + "}")
            #expect(padded.status == 413)
        }
    }

    @Test func aFullQueueAndTheTimeLimitAre503() async throws {
        var full = ServerConfiguration(networks: Repository.networks)
        full.queueLimit = 0
        try await LiveServer.with(full) { client in
            let answer = try await client.post("/networks/tiny/allocate", "{}")
            #expect(answer.status == 503)
            #expect(answer.message.contains("every solver is busy"))
            #expect(try await client.get("/health").status == 200)
        }
        var slow = ServerConfiguration(networks: Repository.networks)
        slow.timeLimit = 0.05
        slow.cacheBytes = 0
        try await LiveServer.with(slow) { client in
            let answer = try await client.post(
                "/networks/china-europe/uncertainty", #"{"baseline": "baseline", "scenario": "third-crossing", "draws": 2000}"#)
            #expect(answer.status == 503)
            #expect(answer.message.contains("time limit of 0.05 s"))
        }
    }

    /// The model tests' invalid networks and the fuzzers' corpora and regressions, posted whole: invalid
    /// ones get 4xx with their problems, none gets 5xx.
    @Test func hostileNetworksPostedGetFourHundreds() async throws {
        let fileManager = FileManager.default
        let invalid = Repository.root.appendingPathComponent("Tests/CorridorModelTests/Fixtures/invalid")
        var files = try fileManager.contentsOfDirectory(atPath: invalid.path).sorted().map { (invalid.appendingPathComponent($0), true) }
        for folder in ["Fuzz/corpus/fuzz-allocate", "Fuzz/corpus/fuzz-network-reader", "Fuzz/regressions/fuzz-allocate",
                       "Fuzz/regressions/fuzz-network-reader"] {
            let url = Repository.root.appendingPathComponent(folder)
            for name in (try? fileManager.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
                files.append((url.appendingPathComponent(name), false))
            }
        }
        // A folder named like a network (one of the invalid fixtures) has no bytes to post.
        files.removeAll { file, _ in (try? file.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
        #expect(files.count > 100)
        let corpus = files
        try await LiveServer.with { client in
            for (file, isInvalid) in corpus {
                let data = try Data(contentsOf: file)
                for path in ["/validate", "/allocate"] {
                    let answer = try await client.post(path, data: data)
                    #expect(answer.status < 500, "\(path) \(file.lastPathComponent): \(answer.text.prefix(300))")
                    if isInvalid {
                        #expect((400..<500).contains(answer.status), "\(path) \(file.lastPathComponent)")
                        #expect(!answer.message.isEmpty)
                    }
                }
            }
            #expect(try await client.get("/health").status == 200)
        }
    }
}
