import CorridorLP
import Testing

/// The builder and its validation, without GLPK.
@Suite struct LinearProgramTests {
    @Test func duplicateTermsAreSummedAndZeroCellsDropped() throws {
        var program = LinearProgram()
        let x = program.addColumn(name: "x")
        let y = program.addColumn(name: "y")
        let z = program.addColumn(name: "z")
        // A self-loop contributes +1 and −1 to the same cell: it must vanish, not reach glp_load_matrix twice.
        let row = program.addRow(
            name: "r", lower: nil, upper: 5, terms: [(y, 2), (x, 1), (y, 3), (z, 1), (z, -1), (x, 0.5)])
        let terms = program.terms(ofRow: row)
        #expect(terms.map(\.column) == [y, x])
        #expect(terms.map(\.coefficient) == [5, 1.5])
        #expect(program.termCount == 2)
        try program.validate()
    }

    @Test func aValidProgramPassesAndReadsBack() throws {
        let program = LPFixtures.sample()
        try program.validate()
        #expect(program.columnCount == 3)
        #expect(program.rowCount == 3)
        #expect(program.rowName(1) == "q")
        #expect(program.columnBounds(0).lower == 0)
        #expect(program.columnBounds(0).upper == nil)
        #expect(program.rowBounds(2).upper == 300)
        #expect(program.objective(1) == 6)
    }

    @Test func everyProblemIsReportedWithItsRowOrColumn() {
        var program = LinearProgram()
        let x = program.addColumn(name: "x", lower: .nan)
        program.addColumn(name: "y", lower: 5, upper: 4)
        program.addColumn(name: "x", upper: -.infinity, objective: .infinity)
        program.addRow(name: "bad\u{1}name", lower: nil, upper: 1, terms: [(x, .infinity), (7, 1)])
        program.addRow(name: "", lower: 3, upper: 2, terms: [(-1, 0)])
        program.addRow(name: String(repeating: "a", count: 256), lower: nil, upper: nil, terms: [])
        program.addRow(name: "with space", lower: nil, upper: nil, terms: [])
        program.addRow(name: "café", lower: nil, upper: nil, terms: [])
        program.setRowBounds(9, lower: 0, upper: 1)
        program.setObjective(-2, 1)
        program.objectiveConstant = .nan
        #expect(throws: LinearProgramError.self) { try program.validate() }
        do {
            try program.validate()
        } catch {
            let lines = error.issues.map(\.description)
            #expect(
                lines == [
                    "setRowBounds: row 9 does not exist (there are 5 rows)",
                    "setObjective: column -2 does not exist (there are 3 columns)",
                    "objective: constant term is nan (must be finite)",
                    "column 0 \"x\": lower bound is nan (must be finite)",
                    "column 1 \"y\": lower bound 5.0 exceeds upper bound 4.0",
                    "column 2 \"x\": name already used by column 0",
                    "column 2 \"x\": upper bound is -inf (must be finite)",
                    "column 2 \"x\": objective coefficient is inf (must be finite)",
                    "row 0 \"bad\\u{01}name\": name contains a control character",
                    "row 0 \"bad\\u{01}name\": coefficient of column 0 \"x\" is inf (must be finite)",
                    "row 0 \"bad\\u{01}name\": term names column 7, but there are 3 columns",
                    "row 1 \"\": name is empty",
                    "row 1 \"\": lower bound 3.0 exceeds upper bound 2.0",
                    "row 1 \"\": term names column -1, but there are 3 columns",
                    "row 2 \"\(String(repeating: "a", count: 40))…\": name is 256 characters long (at most 255)",
                    "row 3 \"with space\": name contains a space",
                    "row 4 \"café\": name contains a non-ASCII character",
                ])
            #expect(error.description.hasPrefix("invalid linear program: setRowBounds: row 9"))
        }
    }

    @Test func aRowMayNameAColumnAddedLater() throws {
        var program = LinearProgram()
        program.addRow(name: "r", lower: 1, upper: nil, terms: [(0, 1)])
        program.addColumn(name: "x")
        try program.validate()
    }

    @Test func equalBoundsAndMissingBoundsAreValid() throws {
        var program = LinearProgram()
        program.addColumn(name: "fixed", lower: 0, upper: 0)
        program.addColumn(name: "free", lower: nil, upper: nil)
        program.addColumn(name: "upper_only", lower: nil, upper: 3)
        try program.validate()
    }
}
