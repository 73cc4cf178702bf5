import CorridorModel
import CorridorService
import Foundation
import Testing

/// The command line's `--format json` and the service (what the HTTP server returns) give the same bytes
/// for the same file and options: one code path, two front ends.
@Test(arguments: [
    (["info", "--scenario", "third-crossing"], #"{"scenario": "third-crossing"}"#),
    (["validate"], ""),
    (["route", "--from", "xian", "--to", "duisburg", "--k", "3", "--by", "time"], #"{"from": "xian", "to": "duisburg", "k": 3, "by": "time"}"#),
    (["maxflow", "--from", "xian,chongqing", "--to", "duisburg"], #"{"from": ["xian", "chongqing"], "to": ["duisburg"]}"#),
    (["allocate", "--scenario", "third-crossing", "--sensitivity"], #"{"scenario": "third-crossing", "sensitivity": true}"#),
    (["compare", "--baseline", "baseline", "--scenario", "growth"], #"{"baseline": "baseline", "scenario": "growth"}"#),
    (["sweep", "--capacity", "dostyk", "--min", "0", "--max", "200", "--steps", "5"], #"{"capacity": "dostyk", "min": 0, "max": 200, "steps": 5}"#),
    (["criticality", "--links"], #"{"links": true}"#),
    (["uncertainty", "--baseline", "baseline", "--scenario", "third-crossing", "--draws", "30", "--seed", "4"],
     #"{"baseline": "baseline", "scenario": "third-crossing", "draws": 30, "seed": 4}"#),
])
func theCommandLineAndTheServiceGiveTheSameDocument(arguments: [String], body: String) throws {
    let operation = try #require(ServiceOperation(rawValue: arguments[0]))
    let file = arguments[0] == "uncertainty" ? "networks/china-europe.json" : "networks/tiny.json"
    var command = [arguments[0], CLIRunner.path(file)] + arguments.dropFirst() + ["--format", "json"]
    if arguments[0] == "uncertainty" { command = Array(arguments) + [CLIRunner.path(file), "--format", "json"] }
    let result = try CLIRunner.run(command)
    #expect(result.exitCode == 0, "\(result.standardError)")
    let network = try NetworkReader.read(path: CLIRunner.path(file))
    let parameters = try ServiceParameters(body: Array(body.utf8), accepted: operation.parameters)
    let answer = try operation.answer(on: network, source: file, parameters: parameters)
    #expect(answer == result.standardOutput)
}

/// The same failure worded for each front end: options with `--` on the command line, parameter names
/// in a request.
@Test func failuresNameTheParameterAsEachFrontEndSpellsIt() throws {
    let result = try CLIRunner.run(["route", CLIRunner.path("networks/tiny.json"), "--from", "xian", "--to", "duisbrg"])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains(#"--to duisbrg: no node has this id (did you mean "duisburg"?)"#))
    let network = try NetworkReader.read(path: CLIRunner.path("networks/tiny.json"))
    let parameters = try ServiceParameters(body: Array(#"{"from": "xian", "to": "duisbrg"}"#.utf8), accepted: ServiceOperation.route.parameters)
    do {
        _ = try ServiceOperation.route.answer(on: network, source: "tiny", parameters: parameters)
        Issue.record("expected an error")
    } catch {
        let refusal = ServiceError(error)
        #expect(refusal.status == 422)
        #expect(refusal.message == #"to duisbrg: no node has this id (did you mean "duisburg"?)"#)
    }
}
