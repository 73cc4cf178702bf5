extension LinearProgram {
    /// The longest row or column name GLPK accepts (`glp_set_row_name` aborts beyond it).
    public static let maximumNameLength = 255

    /// Checks everything GLPK would reject or abort on, and reports every problem at once.
    ///
    /// Checked: every number is finite (bounds, objective coefficients and constant, matrix coefficients);
    /// every row term names an existing column; `lower ≤ upper` where both are given; names are 1–255 printable
    /// ASCII characters without spaces and unique among rows and among columns (so LP/MPS exports stay
    /// faithful); no setter was called with an index out of range.
    /// - Throws: ``LinearProgramError`` listing each problem with the row or column it concerns.
    /// - Complexity: O(rows + columns + terms).
    public func validate() throws(LinearProgramError) {
        var issues: [LinearProgramIssue] = misuses
        if !objectiveConstant.isFinite {
            issues.append(.nonFinite(.objectiveConstant, quantity: .objectiveConstant, value: objectiveConstant))
        }
        var firstColumnNamed: [String: Int] = [:]
        for column in columnNames.indices {
            let place = LinearProgramIssue.Place.column(column, name: columnNames[column])
            Self.checkName(columnNames[column], at: place, firstIndexNamed: &firstColumnNamed, into: &issues)
            Self.checkBounds(columnLower[column], columnUpper[column], at: place, into: &issues)
            let objective = objectiveCoefficients[column]
            if !objective.isFinite {
                issues.append(.nonFinite(place, quantity: .objectiveCoefficient, value: objective))
            }
        }
        var firstRowNamed: [String: Int] = [:]
        for row in rowNames.indices {
            let place = LinearProgramIssue.Place.row(row, name: rowNames[row])
            Self.checkName(rowNames[row], at: place, firstIndexNamed: &firstRowNamed, into: &issues)
            Self.checkBounds(rowLower[row], rowUpper[row], at: place, into: &issues)
            for term in rowTermStart[row] ..< rowTermStart[row + 1] {
                let column = termColumns[term]
                let coefficient = termCoefficients[term]
                guard columnNames.indices.contains(column) else {
                    issues.append(.columnOutOfRange(place, column: column, columnCount: columnCount))
                    continue
                }
                if !coefficient.isFinite {
                    issues.append(
                        .nonFinite(
                            place, quantity: .coefficient(column: column, name: columnNames[column]),
                            value: coefficient))
                }
            }
        }
        if !issues.isEmpty {
            throw LinearProgramError(issues: issues)
        }
    }

    static func checkBounds(
        _ lower: Double?, _ upper: Double?, at place: LinearProgramIssue.Place, into issues: inout [LinearProgramIssue]
    ) {
        if let lower, !lower.isFinite {
            issues.append(.nonFinite(place, quantity: .lowerBound, value: lower))
        }
        if let upper, !upper.isFinite {
            issues.append(.nonFinite(place, quantity: .upperBound, value: upper))
        }
        if let lower, let upper, lower.isFinite, upper.isFinite, lower > upper {
            issues.append(.crossedBounds(place, lower: lower, upper: upper))
        }
    }

    private static func checkName(
        _ name: String, at place: LinearProgramIssue.Place, firstIndexNamed: inout [String: Int],
        into issues: inout [LinearProgramIssue]
    ) {
        let bytes = name.utf8
        if bytes.isEmpty {
            issues.append(.invalidName(place, reason: "is empty"))
        } else if bytes.count > maximumNameLength {
            issues.append(.invalidName(place, reason: "is \(bytes.count) characters long (at most \(maximumNameLength))"))
        } else if let bad = bytes.first(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            let what = bad == 0x20 ? "a space" : bad >= 0x80 ? "a non-ASCII character" : "a control character"
            issues.append(.invalidName(place, reason: "contains \(what)"))
        }
        if let first = firstIndexNamed[name] {
            issues.append(.duplicateName(place, firstIndex: first))
        } else {
            firstIndexNamed[name] = place.index
        }
    }
}
