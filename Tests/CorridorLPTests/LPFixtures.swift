import CorridorLP
import CorridorTestSupport

/// Small programs with known answers, and a generator for larger ones.
enum LPFixtures {
    /// GLPK's examples/sample.c: maximise 10x1 + 6x2 + 4x3 subject to
    /// p: x1 + x2 + x3 ≤ 100, q: 10x1 + 4x2 + 5x3 ≤ 600, r: 2x1 + 2x2 + 6x3 ≤ 300, x ≥ 0.
    /// GLPK's documentation gives z = 733.33 at x1 = 33.33, x2 = 66.67, x3 = 0.
    static func sample() -> LinearProgram {
        var program = LinearProgram(sense: .maximize)
        let x1 = program.addColumn(name: "x1", objective: 10)
        let x2 = program.addColumn(name: "x2", objective: 6)
        let x3 = program.addColumn(name: "x3", objective: 4)
        program.addRow(name: "p", lower: nil, upper: 100, terms: [(x1, 1), (x2, 1), (x3, 1)])
        program.addRow(name: "q", lower: nil, upper: 600, terms: [(x1, 10), (x2, 4), (x3, 5)])
        program.addRow(name: "r", lower: nil, upper: 300, terms: [(x1, 2), (x2, 2), (x3, 6)])
        return program
    }

    static let sampleOptimum = 2200.0 / 3

    /// min x1 + 5x2 subject to x1 + x2 = 10, x1 ≤ 4 (row 1): optimum 34 at (4, 6); the dual of x1 ≤ 4 is −4.
    static func dualSign() -> LinearProgram {
        var program = LinearProgram()
        let x1 = program.addColumn(name: "x1", objective: 1)
        let x2 = program.addColumn(name: "x2", objective: 5)
        program.addRow(name: "total", lower: 10, upper: 10, terms: [(x1, 1), (x2, 1)])
        program.addRow(name: "cap_x1", lower: nil, upper: 4, terms: [(x1, 1)])
        return program
    }

    /// A balanced transportation problem with `sources × sinks` columns: supply rows `s<i>` (≤ supply), demand
    /// rows `d<j>` (≥ demand), costs random in 1...100. Total supply exceeds total demand by 10 %.
    static func transportation(sources: Int, sinks: Int, seed: UInt64) -> LinearProgram {
        var random = SeededGenerator(seed: seed)
        var program = LinearProgram()
        var column = [[Int]](repeating: [], count: sources)
        for source in 0 ..< sources {
            for sink in 0 ..< sinks {
                column[source].append(
                    program.addColumn(
                        name: "x_\(source)_\(sink)", objective: Double(Int.random(in: 1 ... 100, using: &random))))
            }
        }
        let demand = (0 ..< sinks).map { _ in Double(Int.random(in: 10 ... 50, using: &random)) }
        let supplyEach = (demand.reduce(0, +) * 1.1 / Double(sources)).rounded(.up)
        for source in 0 ..< sources {
            program.addRow(
                name: "s\(source)", lower: nil, upper: supplyEach,
                terms: (0 ..< sinks).map { (column[source][$0], 1) })
        }
        for sink in 0 ..< sinks {
            program.addRow(
                name: "d\(sink)", lower: demand[sink], upper: nil,
                terms: (0 ..< sources).map { (column[$0][sink], 1) })
        }
        return program
    }
}

/// Checks a claimed optimum the way a certificate would: bounds, rows and objective recomputed from the primal.
func expectFeasible(_ solution: LPSolution, of program: LinearProgram, tolerance: Double = 1e-7) -> Bool {
    guard solution.columnValues.count == program.columnCount, solution.rowActivities.count == program.rowCount
    else { return false }
    for column in 0 ..< program.columnCount {
        let value = solution.columnValues[column]
        let (lower, upper) = program.columnBounds(column)
        if let lower, value < lower - tolerance { return false }
        if let upper, value > upper + tolerance { return false }
    }
    for row in 0 ..< program.rowCount {
        let activity = program.activity(ofRow: row, at: solution.columnValues)
        if abs(activity - solution.rowActivities[row]) > tolerance * max(1, abs(activity)) { return false }
        let (lower, upper) = program.rowBounds(row)
        if let lower, activity < lower - tolerance { return false }
        if let upper, activity > upper + tolerance { return false }
    }
    let objective = program.objectiveValue(at: solution.columnValues)
    return abs(objective - solution.objective) <= tolerance * max(1, abs(objective))
}
