import CorridorRouting
import Testing

private func read(_ text: String) throws(DIMACSError) -> MinCostProblemFile {
    try MinCostProblemReader.read(DIMACSScanner(text: text, source: "t.min"))
}

private func expectError(
    _ text: String, line: Int, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(throws: DIMACSError(source: "t.min", line: line, message: message), sourceLocation: sourceLocation) {
        _ = try read(text)
    }
}

@Test func readerRenumbersNodesAndKeepsBounds() throws {
    let file = try read("c x\np min 3 2\nn 1 4\nn 3 -4\na 1 2 1 5 7\na 2 3 0 9 -2\n")
    let problem = file.problem
    #expect(problem.nodeCount == 3)
    #expect(problem.supplies == [4, 0, -4])
    #expect(problem.tails == [0, 1])
    #expect(problem.heads == [1, 2])
    #expect(problem.lowerBounds == [1, 0])
    #expect(problem.capacities == [5, 9])
    #expect(problem.costs == [7, -2])
    #expect(file.flowDecimals == 0 && file.costDecimals == 0)
}

@Test func decimalDataAreScaledToExactIntegers() throws {
    // Supplies/capacities need one decimal, costs two: cost 1.5 × 0.25 + 1.5 × 0.5 = 1.125.
    let file = try read("p min 3 2\nn 1 1.5\nn 3 -1.5\na 1 2 0 2 0.25\na 2 3 0 2.5 0.5\n")
    #expect(file.flowDecimals == 1)
    #expect(file.costDecimals == 2)
    #expect(file.problem.capacities == [20, 25])
    #expect(file.problem.costs == [25, 50])
    guard case .optimal(let solution) = try minimumCostFlow(file.problem) else {
        Issue.record("expected optimal")
        return
    }
    #expect(file.costText(solution.cost) == "1.125")
    #expect(file.costValue(solution.cost) == 1.125)
}

@Test func readerErrorsNameTheLineAndWhatWasExpected() {
    expectError("p max 2 1\n", line: 1, "expected the problem type \"min\", found \"max\"")
    expectError("a 1 2 0 1 1\n", line: 1, "expected the problem line \"p min NODES ARCS\" first")
    expectError("p min 2 1\na 1 3 0 1 1\n", line: 2, "head node 3 is out of range 1...2")
    expectError("p min 2 0\nn 0 5\n", line: 2, "node 0 is out of range 1...2")
    expectError("p min 2 1\na 1 2 5 3 1\n", line: 2, "capacity 3 is below the lower bound 5")
    expectError("p min 2 1\na 1 2 0 x 1\n", line: 2, "expected an arc's capacity, found \"x\"")
    expectError(
        "p min 2 1\nc\na 1 2 0 4 1\na 2 1 0 4 1\n", line: 4, "more arcs than the 1 declared on the problem line")
    expectError("p min 2 2\na 1 2 0 4 1\n           \n", line: 3, "the problem line declares 2 arcs but the file has 1")
    // More arcs than the file has bytes for: refused at the problem line, before anything is allocated.
    expectError(
        "p min 2 3\na 1 2 0 4 1\n", line: 1,
        "the problem line announces 3 arcs, but the 12 bytes after it hold at most 1 arc line(s) of 12 bytes or more")
    expectError(
        "p min 3000000 0\n", line: 1, "the problem line announces 3000000 nodes; a file of 16 bytes may announce at most 1048576")
    expectError(
        "p min 2 1\nn 1 5\nn 2 -4\na 1 2 0 9 1\n", line: 0,
        "the supplies sum to 1, not zero: supply and demand must balance")
    expectError("p min 2 0\nn 1 5\nn 1 -5\n", line: 3, "a second \"n\" line for node 1; each node has one supply")
    expectError("p min 2 0\nx 1\n", line: 2, "unknown line type \"x\"; expected p, n, a or c")
    expectError(
        "p min 2 1\na 1 2 0 1e-12 1\n", line: 0,
        "decimal data need more than 9 decimal places (or 2^53) to be represented exactly")
    expectError("", line: 0, "no problem line \"p min NODES ARCS\"")
}
