/// The program as text for other solvers: free MPS and CPLEX LP, every number in the shortest form that
/// reads back as the same `Double` (GLPK's own writers round to 12 significant digits, which makes a
/// program with quantities of 1e9 and capacities of 1e15 infeasible once read back).
///
/// Both files carry the objective constant as a column `objective_constant` fixed at 1, since CPLEX LP has
/// no constant and MPS readers disagree on the sign of one. Names are written as given: the caller keeps
/// them within both formats' rules (letters, digits and `_.~`, at most 255 characters, not starting with
/// a digit or a period; see `ModelNames` for the allocation's).
/// A row bounded on both sides by different values becomes a ranged row in MPS and two rows in CPLEX LP,
/// `NAME_lo` and `NAME_hi`.
extension LinearProgram {
    /// The name of the column that carries ``objectiveConstant`` in the files: `objective_constant`, with a
    /// numeric suffix if a column of the program already has that name.
    var constantColumnName: String {
        let names = Set(columnNames)
        var name = "objective_constant"
        var suffix = 0
        while names.contains(name) {
            suffix += 1
            name = "objective_constant_\(suffix)"
        }
        return name
    }

    /// Free MPS (as `glpsol --freemps` and HiGHS read it). MPS has no objective sense: a maximisation is
    /// marked in the `NAME` line's comment and must be read back as one (`glpsol --max`).
    public func mpsText(name: String = "corridor") -> String {
        var lines = ["* \(sense == .minimize ? "minimise" : "maximise") the row obj", "NAME \(name)", "ROWS", " N obj"]
        for row in 0..<rowCount {
            let kind: String
            switch (rowLower[row], rowUpper[row]) {
            case (nil, nil): kind = "N"
            case (.some(let lower), .some(let upper)) where lower == upper: kind = "E"
            case (_, .some): kind = "L"
            case (.some, nil): kind = "G"
            }
            lines.append(" \(kind) \(rowNames[row])")
        }
        lines.append("COLUMNS")
        var entries = [[(row: String, value: Double)]](repeating: [], count: columnCount)
        for column in 0..<columnCount where objectiveCoefficients[column] != 0 {
            entries[column].append(("obj", objectiveCoefficients[column]))
        }
        for row in 0..<rowCount {
            for term in rowTermStart[row]..<rowTermStart[row + 1] {
                entries[termColumns[term]].append((rowNames[row], termCoefficients[term]))
            }
        }
        for column in 0..<columnCount {
            // A column in no row and not in the objective still needs a line to exist.
            for entry in entries[column].isEmpty ? [("obj", 0.0)] : entries[column] {
                lines.append(" \(columnNames[column]) \(entry.row) \(Self.number(entry.value))")
            }
        }
        if objectiveConstant != 0 { lines.append(" \(constantColumnName) obj \(Self.number(objectiveConstant))") }
        lines.append("RHS")
        var ranges: [String] = []
        for row in 0..<rowCount {
            switch (rowLower[row], rowUpper[row]) {
            case (nil, nil): continue
            case (.some(let lower), .some(let upper)) where lower != upper:
                lines.append(" RHS \(rowNames[row]) \(Self.number(upper))")
                ranges.append(" RNG \(rowNames[row]) \(Self.number(upper - lower))")
            case (_, .some(let bound)), (.some(let bound), nil):
                if bound != 0 { lines.append(" RHS \(rowNames[row]) \(Self.number(bound))") }
            }
        }
        if !ranges.isEmpty { lines += ["RANGES"] + ranges }
        lines.append("BOUNDS")
        for column in 0..<columnCount {
            let name = columnNames[column]
            switch (columnLower[column], columnUpper[column]) {
            case (nil, nil): lines.append(" FR BND \(name)")
            case (nil, .some(let upper)): lines += [" MI BND \(name)", " UP BND \(name) \(Self.number(upper))"]
            case (.some(let lower), .some(let upper)) where lower == upper:
                lines.append(" FX BND \(name) \(Self.number(lower))")
            case (.some(let lower), let upper):
                // Written even at 0 when an upper bound follows: some readers take a negative UP alone as −∞.
                if lower != 0 || upper != nil { lines.append(" LO BND \(name) \(Self.number(lower))") }
                if let upper { lines.append(" UP BND \(name) \(Self.number(upper))") }
            }
        }
        if objectiveConstant != 0 { lines.append(" FX BND \(constantColumnName) 1") }
        lines.append("ENDATA")
        return lines.joined(separator: "\n") + "\n"
    }

    /// CPLEX LP (as `glpsol --lp`, CPLEX and HiGHS read it).
    public func lpText() -> String {
        var lines = [sense == .minimize ? "Minimize" : "Maximize"]
        var objective = (0..<columnCount).compactMap { column in
            objectiveCoefficients[column] == 0 ? nil : (objectiveCoefficients[column], columnNames[column])
        }
        if objectiveConstant != 0 { objective.append((objectiveConstant, constantColumnName)) }
        lines += Self.expression("obj:", objective.isEmpty ? [(0, columnNames.first ?? constantColumnName)] : objective)
        lines.append("Subject To")
        for row in 0..<rowCount {
            var terms = (rowTermStart[row]..<rowTermStart[row + 1]).map { (termCoefficients[$0], columnNames[termColumns[$0]]) }
            if terms.isEmpty { terms = [(0, columnNames.first ?? constantColumnName)] }
            let name = rowNames[row]
            switch (rowLower[row], rowUpper[row]) {
            case (nil, nil): continue
            case (.some(let lower), .some(let upper)) where lower == upper:
                lines += Self.expression("\(name):", terms, "= \(Self.number(lower))")
            case (.some(let lower), .some(let upper)):
                lines += Self.expression("\(name)_lo:", terms, ">= \(Self.number(lower))")
                lines += Self.expression("\(name)_hi:", terms, "<= \(Self.number(upper))")
            case (nil, .some(let upper)): lines += Self.expression("\(name):", terms, "<= \(Self.number(upper))")
            case (.some(let lower), nil): lines += Self.expression("\(name):", terms, ">= \(Self.number(lower))")
            }
        }
        lines.append("Bounds")
        for column in 0..<columnCount {
            let name = columnNames[column]
            switch (columnLower[column], columnUpper[column]) {
            case (nil, nil): lines.append(" \(name) free")
            case (nil, .some(let upper)): lines.append(" -inf <= \(name) <= \(Self.number(upper))")
            case (.some(let lower), .some(let upper)) where lower == upper: lines.append(" \(name) = \(Self.number(lower))")
            case (.some(let lower), .some(let upper)):
                lines.append(" \(Self.number(lower)) <= \(name) <= \(Self.number(upper))")
            case (.some(let lower), nil) where lower != 0: lines.append(" \(name) >= \(Self.number(lower))")
            case (.some, nil): continue
            }
        }
        if objectiveConstant != 0 { lines.append(" \(constantColumnName) = 1") }
        lines.append("End")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `label + 3 x - 2.5 y …` over as many lines as needed (8 terms a line), then `relation`.
    private static func expression(_ label: String, _ terms: [(Double, String)], _ relation: String? = nil) -> [String] {
        var lines: [String] = []
        var line = " " + label
        for (index, term) in terms.enumerated() {
            if index > 0, index.isMultiple(of: 8) {
                lines.append(line)
                line = "   "
            }
            let sign = term.0 < 0 || (term.0 == 0 && term.0.sign == .minus) ? "-" : "+"
            line += " \(sign) \(number(abs(term.0))) \(term.1)"
        }
        if let relation { line += " " + relation }
        return lines + [line]
    }

    /// The shortest text that reads back as the same `Double` (`2000000008.25`, `1e+15`, `-0.5`).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
