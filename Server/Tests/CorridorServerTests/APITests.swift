import CorridorModel
import CorridorServer
import CorridorService
import Foundation
import Testing

/// Every operation over HTTP gives the bytes the service (and so the command line, see the core's
/// ServiceCLITests) gives for the same network and parameters.
@Suite(.serialized) struct APITests {
    /// One request per operation on the bundled network, with the parameters as a JSON body.
    static let requests: [(ServiceOperation, String)] = [
        (.info, #"{"scenario": "third-crossing"}"#),
        (.validate, ""),
        (.route, #"{"from": "xian", "to": "duisburg", "commodity": "containers", "k": 3}"#),
        (.maxflow, #"{"commodity": "containers", "scenario": "third-crossing", "from": ["xian", "chongqing"], "to": ["duisburg"]}"#),
        (.allocate, #"{"scenario": "third-crossing"}"#),
        (.allocate, #"{"sensitivity": true}"#),
        (.compare, #"{"baseline": "baseline", "scenario": "third-crossing"}"#),
        (.sweep, #"{"scenario": "third-crossing", "demandScale": true, "min": 0.5, "max": 1.5, "steps": 3}"#),
        (.criticality, #"{}"#),
        (.uncertainty, #"{"baseline": "baseline", "scenario": "third-crossing", "draws": 20, "seed": 7}"#),
    ]

    @Test func everyOperationAnswersAsTheServiceDoes() async throws {
        let network = try NetworkReader.read(path: Repository.networks + "/china-europe.json")
        try await LiveServer.with { client in
            for (operation, body) in Self.requests {
                let answer = try await client.post("/networks/china-europe/\(operation.rawValue)", body)
                #expect(answer.status == 200, "\(operation) \(body): \(answer.text.prefix(300))")
                #expect(answer.headers["content-type"]?.hasPrefix("application/json") == true)
                let parameters = try ServiceParameters(body: Array(body.utf8), accepted: operation.parameters)
                let expected = try operation.answer(on: network, source: "china-europe", parameters: parameters)
                #expect(answer.text == expected, "\(operation) \(body)")
                #expect(try answer.json()["format"] as? String == operation.documentFormat)
            }
        }
    }

    /// Every answer has what the OpenAPI document says it has: the `format` tag and the required members.
    @Test func answersMatchTheOpenAPIDocument() async throws {
        try await LiveServer.with { client in
            let document = try await client.get("/openapi.json")
            #expect(document.status == 200)
            let paths = try #require(try document.json()["paths"] as? [String: Any])
            for (operation, body) in Self.requests {
                let served = try #require(paths["/networks/{id}/\(operation.rawValue)"] as? [String: Any], "\(operation)")
                let post = try #require(served["post"] as? [String: Any])
                let parameters = try #require(post["parameters"] as? [[String: Any]])
                let ids = (parameters.first?["schema"] as? [String: Any])?["enum"] as? [String]
                #expect(ids?.contains("china-europe") == true)
                let responses = try #require(post["responses"] as? [String: Any])
                #expect(Set(responses.keys).isSuperset(of: ["200", "400", "404", "413", "422", "500", "503"]))
                let ok = try #require(responses["200"] as? [String: Any])
                let schema = try #require(
                    ((ok["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
                let required = try #require(schema["required"] as? [String])
                let tag = ((schema["properties"] as? [String: Any])?["format"] as? [String: Any])?["enum"] as? [String]
                let answer = try await client.post("/networks/china-europe/\(operation.rawValue)", body)
                let object = try answer.json()
                for member in required { #expect(object[member] != nil, "\(operation) lacks \(member)") }
                #expect(tag == [object["format"] as? String ?? ""], "\(operation)")
                let declared = Set((post["requestBody"] as? [String: Any]).flatMap {
                    ((($0["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])?["properties"]
                        as? [String: Any]
                }?.keys.map { $0 } ?? [])
                #expect(declared == Set(operation.parameters.map(\.name)), "\(operation)")
            }
        }
    }

    @Test func queryParametersAndPostedNetworksGiveTheSameAnswer() async throws {
        let file = try Data(contentsOf: URL(fileURLWithPath: Repository.networks + "/tiny.json"))
        try await LiveServer.with { client in
            let byBody = try await client.post("/networks/tiny/allocate", #"{"scenario": "third-crossing"}"#)
            let byQuery = try await client.get("/networks/tiny/allocate?scenario=third-crossing")
            let posted = try await client.post("/allocate?scenario=third-crossing", data: file)
            #expect(byBody.status == 200)
            #expect(byQuery.text == byBody.text)
            #expect(posted.text == byBody.text)
            let route = try await client.get("/networks/tiny/route?from=xian&to=duisburg&k=2&by=time")
            #expect(route.status == 200, "\(route.text)")
        }
    }

    @Test func healthVersionAndNetworks() async throws {
        try await LiveServer.with { client in
            let health = try await client.get("/health")
            #expect(health.status == 200)
            #expect(try health.json()["status"] as? String == "ok")
            let version = try await client.get("/version")
            #expect(try version.json()["corridor"] as? String == CorridorVersion.current)
            #expect(try version.json()["glpk"] as? String == CorridorVersion.glpk)
            let networks = try await client.get("/networks")
            let ids = (try networks.json()["networks"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == (try NetworkLibrary(folder: Repository.networks)).ids())
            #expect(ids?.contains("china-europe") == true)
        }
    }

    @Test func repeatedQuestionsComeFromTheCacheAndAnEditedFileIsReadAgain() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("net.json")
        let original = try String(contentsOfFile: Repository.networks + "/tiny.json", encoding: .utf8)
        try original.write(to: file, atomically: true, encoding: .utf8)
        try await LiveServer.with(ServerConfiguration(networks: folder.path)) { client in
            let first = try await client.post("/networks/net/allocate", "{}")
            let second = try await client.post("/networks/net/allocate", " { } ")
            #expect(first.headers["x-corridor-cache"] == nil)
            #expect(second.headers["x-corridor-cache"] == "hit")
            #expect(first.text == second.text)
            // Another name and another size: a new version of the file, answered afresh.
            let renamed = original.replacingOccurrences(of: #""name": ""#, with: #""name": "Renamed "#)
            #expect(renamed != original)
            try renamed.write(to: file, atomically: true, encoding: .utf8)
            let third = try await client.post("/networks/net/allocate", "{}")
            #expect(third.headers["x-corridor-cache"] == nil)
            #expect(third.text.contains("Renamed "))
        }
    }

    @Test func concurrentRequestsAllGetTheirAnswer() async throws {
        var configuration = ServerConfiguration(networks: Repository.networks)
        configuration.cacheBytes = 0
        try await LiveServer.with(configuration) { client in
            let scenarios = ["baseline", "third-crossing", "dostyk-outage", "growth-2030"]
            let answers = try await withThrowingTaskGroup(of: (String, Answer).self) { group in
                for index in 0..<16 {
                    let scenario = scenarios[index % scenarios.count]
                    group.addTask { (scenario, try await client.post("/networks/china-europe/allocate", #"{"scenario": "\#(scenario)"}"#)) }
                }
                var answers: [(String, Answer)] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            #expect(answers.count == 16)
            for scenario in scenarios {
                let texts = Set(answers.filter { $0.0 == scenario }.map(\.1.text))
                #expect(texts.count == 1, "\(scenario)")
                #expect(answers.filter { $0.0 == scenario }.allSatisfy { $0.1.status == 200 })
            }
        }
    }
}
