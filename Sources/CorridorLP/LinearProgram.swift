/// A linear program as a plain value: named columns (variables) and rows (constraints), bounds, an objective
/// and a sparse matrix whose `(row, column)` cells are merged as they are added.
///
/// Building and checking a program never touches GLPK; ``GLPKSolver`` loads a validated program in one call.
/// Indices are 0-based everywhere in this API. `nil` bounds mean "unbounded on that side"; every number given
/// must be finite — ``validate()`` reports anything GLPK would reject or abort on.
///
/// ```swift
/// var program = LinearProgram(sense: .minimize)
/// let x1 = program.addColumn(name: "x1", objective: 1)
/// let x2 = program.addColumn(name: "x2", objective: 5)
/// program.addRow(name: "total", lower: 10, upper: 10, terms: [(x1, 1), (x2, 1)])
/// program.addRow(name: "cap_x1", lower: nil, upper: 4, terms: [(x1, 1)])
/// let solution = try GLPKSolver(program).solve()   // objective 34, x = [4, 6]
/// ```
public struct LinearProgram: Sendable {
    /// The direction of optimisation.
    public enum Sense: Sendable, Equatable {
        case minimize
        case maximize
    }

    public var sense: Sense
    /// A constant added to the objective (GLPK's coefficient of column 0).
    public var objectiveConstant: Double = 0

    private(set) var columnNames: [String] = []
    private(set) var columnLower: [Double?] = []
    private(set) var columnUpper: [Double?] = []
    private(set) var objectiveCoefficients: [Double] = []

    private(set) var rowNames: [String] = []
    private(set) var rowLower: [Double?] = []
    private(set) var rowUpper: [Double?] = []
    /// Row `i`'s merged terms are `termColumns[rowTermStart[i] ..< rowTermStart[i + 1]]` (compressed rows).
    private(set) var rowTermStart: [Int] = [0]
    private(set) var termColumns: [Int] = []
    private(set) var termCoefficients: [Double] = []

    /// Calls that named a row or column that does not exist; reported by ``validate()``.
    private(set) var misuses: [LinearProgramIssue] = []

    public init(sense: Sense = .minimize) {
        self.sense = sense
    }

    public var columnCount: Int { columnNames.count }
    public var rowCount: Int { rowNames.count }
    /// The number of stored (merged, non-zero) matrix coefficients.
    public var termCount: Int { termColumns.count }

    /// Adds a column (variable) `lower ≤ x ≤ upper` with an objective coefficient.
    /// - Parameters:
    ///   - lower: `nil` for −∞.
    ///   - upper: `nil` for +∞.
    /// - Returns: The column's 0-based index.
    @discardableResult
    public mutating func addColumn(name: String, lower: Double? = 0, upper: Double? = nil, objective: Double = 0) -> Int {
        columnNames.append(name)
        columnLower.append(lower)
        columnUpper.append(upper)
        objectiveCoefficients.append(objective)
        return columnNames.count - 1
    }

    /// Adds a row (constraint) `lower ≤ Σ coefficient · x[column] ≤ upper`.
    ///
    /// Terms naming the same column are summed (a self-loop link contributes +1 and −1 to one cell; GLPK aborts
    /// on duplicate cells); cells that sum to zero are dropped. Column indices are checked by ``validate()``,
    /// so a row may mention a column added later.
    /// - Returns: The row's 0-based index.
    @discardableResult
    public mutating func addRow(
        name: String, lower: Double?, upper: Double?, terms: [(column: Int, coefficient: Double)]
    ) -> Int {
        var slotOfColumn: [Int: Int] = [:]
        var columns: [Int] = []
        var coefficients: [Double] = []
        for term in terms {
            if let slot = slotOfColumn[term.column] {
                coefficients[slot] += term.coefficient
            } else {
                slotOfColumn[term.column] = columns.count
                columns.append(term.column)
                coefficients.append(term.coefficient)
            }
        }
        for (column, coefficient) in zip(columns, coefficients) {
            // A zero cell is harmless unless its index is wrong; keep those so validate() can name them.
            let isKnownColumn = column >= 0 && column < columnCount
            if coefficient != 0 || !isKnownColumn {
                termColumns.append(column)
                termCoefficients.append(coefficient)
            }
        }
        rowTermStart.append(termColumns.count)
        rowNames.append(name)
        rowLower.append(lower)
        rowUpper.append(upper)
        return rowNames.count - 1
    }

    /// Replaces a row's bounds (`nil` = unbounded on that side).
    public mutating func setRowBounds(_ row: Int, lower: Double?, upper: Double?) {
        guard rowNames.indices.contains(row) else {
            misuses.append(.indexOutOfRange(operation: "setRowBounds", kind: .row, index: row, count: rowCount))
            return
        }
        rowLower[row] = lower
        rowUpper[row] = upper
    }

    /// Replaces a column's bounds (`nil` = unbounded on that side).
    public mutating func setColumnBounds(_ column: Int, lower: Double?, upper: Double?) {
        guard columnNames.indices.contains(column) else {
            misuses.append(
                .indexOutOfRange(operation: "setColumnBounds", kind: .column, index: column, count: columnCount))
            return
        }
        columnLower[column] = lower
        columnUpper[column] = upper
    }

    /// Replaces a column's objective coefficient.
    public mutating func setObjective(_ column: Int, _ coefficient: Double) {
        guard objectiveCoefficients.indices.contains(column) else {
            misuses.append(
                .indexOutOfRange(operation: "setObjective", kind: .column, index: column, count: columnCount))
            return
        }
        objectiveCoefficients[column] = coefficient
    }

    // MARK: Reading back

    public func columnName(_ column: Int) -> String { columnNames[column] }
    public func rowName(_ row: Int) -> String { rowNames[row] }
    public func columnBounds(_ column: Int) -> (lower: Double?, upper: Double?) {
        (columnLower[column], columnUpper[column])
    }
    public func rowBounds(_ row: Int) -> (lower: Double?, upper: Double?) { (rowLower[row], rowUpper[row]) }
    public func objective(_ column: Int) -> Double { objectiveCoefficients[column] }

    /// A row's merged terms in first-mention order.
    public func terms(ofRow row: Int) -> [(column: Int, coefficient: Double)] {
        (rowTermStart[row] ..< rowTermStart[row + 1]).map { (termColumns[$0], termCoefficients[$0]) }
    }

    /// The value of the row's linear form at `values` (one per column) — for checking a solution.
    public func activity(ofRow row: Int, at values: [Double]) -> Double {
        (rowTermStart[row] ..< rowTermStart[row + 1]).reduce(0) { sum, term in
            sum + termCoefficients[term] * values[termColumns[term]]
        }
    }

    /// The objective's value at `values` (one per column), constant included.
    public func objectiveValue(at values: [Double]) -> Double {
        zip(objectiveCoefficients, values).reduce(objectiveConstant) { $0 + $1.0 * $1.1 }
    }
}
