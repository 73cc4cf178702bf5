import CorridorRouting
import Testing

private func readError(_ text: String) -> DIMACSError? {
    do {
        _ = try MaxFlowProblem.read(text: text, source: "bad.max")
        return nil
    } catch {
        return error
    }
}

@Test func readerKeepsWholeCapacitiesExactAndNodesZeroBased() throws {
    let problem = try MaxFlowProblem.read(
        text: "p max 3 2\nn 3 t\nn 1 s\na 1 2 9007199254740993\na 2 3 4\n", source: "big.max")
    #expect(problem.source == 0 && problem.sink == 2)
    #expect(problem.tails == [0, 1] && problem.heads == [1, 2])
    guard case .whole(let capacities) = problem.capacities else {
        Issue.record("expected whole capacities")
        return
    }
    #expect(capacities == [9_007_199_254_740_993, 4])
}

@Test func oneDecimalCapacityMakesTheProblemDecimal() throws {
    let problem = try MaxFlowProblem.read(text: "p max 3 2\nn 1 s\nn 3 t\na 1 2 3\na 2 3 2.5\n", source: "d.max")
    guard case .decimal(let capacities) = problem.capacities else {
        Issue.record("expected decimal capacities")
        return
    }
    #expect(capacities == [3, 2.5])
    #expect(try maximumFlow(on: problem).value == 2.5)
}

@Test(arguments: [
    ("p max 3 1\nn 1 s\na 1 3 5\n", "no sink"),
    ("p max 3 1\nn 3 t\na 1 3 5\n", "no source"),
    ("p max 3 1\nn 1 s\nn 1 t\na 1 3 5\n", "bad.max:3: the sink is the source (node 1)"),
    ("p max 3 1\nn 1 s\nn 3 t\na 1 4 5\n", "bad.max:4: an arc's head node 4 is outside 1…3"),
    ("p max 3 1\nn 1 s\nn 3 t\na 1 3 -5\n", "bad.max:4: a negative capacity"),
    ("p max 3 2\nn 1 s\nn 3 t\na 1 3 5\n", "announced 2 arcs but the file has 1"),
    ("p max 3 1\nn 1 s\nn 3 t\na 1 3 5\na 1 2 5\n", "bad.max:5: more arcs than the 1"),
    ("p max 3 1\nn 1 s\nn 3 t\na 1 x 5\n", "bad.max:4: expected an arc's head node, found \"x\""),
    ("p min 3 1\n", "bad.max:1: expected the problem type \"max\""),
    ("a 1 2 3\n", "bad.max:1: an arc line before the problem line"),
    ("p max 3 1\nn 1 s\nn 2 x\n", "bad.max:3: expected s or t"),
    ("p max 3 1\nn 1 s\nn 3 t\na 1 3 5 7\n", "bad.max:4: unexpected \"7\""),
    ("p max 3 1\nn 1 s\nn 3 t\nq\n", "bad.max:4: expected a line starting with p, n, a or c"),
    ("p max 3 1\nn 1 s\nn 3 t\na 1 3 99999999999999999999\n", "bad.max:4: a capacity is too large"),
    ("", "no problem line"),
])
func malformedFilesAreRefusedWithLineAndReason(text: String, expected: String) {
    let error = readError(text)
    #expect(error?.description.contains(expected) == true, "got \(String(describing: error))")
}
