/// A DIMACS minimum-cost flow file (`p min`) read into a ``MinCostFlowProblem``.
///
/// Decimal data are made exact by scaling: supplies, lower bounds and capacities are multiplied by the
/// smallest power of ten (up to 10⁹) that makes every one of them whole, and costs by their own. The
/// problem is then solved in integers and the total cost divided back, so `0.5` and `0.25` give exact
/// answers while a value such as `1e-12` is rejected rather than rounded.
public struct MinCostProblemFile: Sendable {
    /// The problem, with nodes renumbered from 0 and any decimal data scaled to integers.
    public let problem: MinCostFlowProblem
    /// Supplies, lower bounds and capacities were multiplied by 10^flowDecimals.
    public let flowDecimals: Int
    /// Costs were multiplied by 10^costDecimals.
    public let costDecimals: Int

    /// A total cost of the scaled problem in the file's units, as exact decimal text.
    public func costText(_ scaledCost: Int64) -> String {
        Self.decimalText(scaledCost, digits: flowDecimals + costDecimals)
    }

    /// `value / 10^digits` as exact decimal text without trailing zeros.
    public static func decimalText(_ value: Int64, digits: Int) -> String {
        guard digits > 0 else { return String(value) }
        let magnitude = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, digits + 1 - magnitude.count)) + magnitude
        var fraction = String(padded.suffix(digits))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = String(padded.dropLast(digits))
        let sign = value < 0 ? "-" : ""
        return fraction.isEmpty ? sign + whole : sign + whole + "." + fraction
    }

    /// A total cost of the scaled problem in the file's units (exact when it fits a `Double`).
    public func costValue(_ scaledCost: Int64) -> Double {
        let digits = flowDecimals + costDecimals
        return digits == 0 ? Double(scaledCost) : Double(costText(scaledCost)) ?? Double(scaledCost)
    }
}

/// Reads DIMACS `p min` files: `p min NODES ARCS`, then `n ID SUPPLY` and `a TAIL HEAD LOW CAP COST`
/// lines in any order; `c` lines are comments.
///
/// - Complexity: O(file size), one pass; about 33 bytes per arc.
public enum MinCostProblemReader {
    /// Reads the file at `path`.
    /// - Throws: ``DIMACSError`` naming the line and what was expected.
    public static func read(path: String) throws(DIMACSError) -> MinCostProblemFile {
        try read(try DIMACSScanner(path: path))
    }

    private static let missingProblemLine = "expected the problem line \"p min NODES ARCS\""

    /// Reads a problem from a scanner (for text in memory).
    public static func read(_ scanner: DIMACSScanner) throws(DIMACSError) -> MinCostProblemFile {
        var nodeCount = -1
        var declaredArcs = 0
        var supplyNodes: [Int] = []
        var supplyLines: [Int] = []
        var supplies = NumberColumn()
        var tails: [Int32] = []
        var heads: [Int32] = []
        var lows = NumberColumn()
        var capacities = NumberColumn()
        var costs = NumberColumn()

        while let designator = scanner.nextLine() {
            switch designator {
            case UInt8(ascii: "p"):
                guard nodeCount < 0 else { throw scanner.error("a second problem line") }
                let kind = try scanner.word("the problem type")
                guard kind == "min" else {
                    throw scanner.error("expected the problem type \"min\", found \"\(kind)\"")
                }
                nodeCount = try scanner.integer("the node count")
                declaredArcs = try scanner.integer("the arc count")
                guard nodeCount >= 0, nodeCount < Int(Int32.max) else {
                    throw scanner.error("the node count \(nodeCount) is outside 0..<\(Int32.max)")
                }
                guard declaredArcs >= 0 else { throw scanner.error("the arc count \(declaredArcs) is negative") }
                try scanner.endLine()
                try scanner.checkAnnounced(nodes: nodeCount, arcs: declaredArcs, shortestArcLine: 12)
                let reserve = min(declaredArcs, 1 << 24)
                tails.reserveCapacity(reserve)
                heads.reserveCapacity(reserve)
                lows.reserveCapacity(reserve)
                capacities.reserveCapacity(reserve)
                costs.reserveCapacity(reserve)
            case UInt8(ascii: "n"):
                guard nodeCount >= 0 else { throw scanner.error(missingProblemLine + " first") }
                let id = try scanner.integer("a node id")
                guard (1...max(1, nodeCount)).contains(id), nodeCount > 0 else {
                    throw scanner.error("node \(id) is out of range 1...\(nodeCount)")
                }
                supplyNodes.append(id - 1)
                supplyLines.append(scanner.lineNumber)
                try supplies.read(scanner, "node \(id)'s supply")
                try scanner.endLine()
            case UInt8(ascii: "a"):
                guard nodeCount >= 0 else { throw scanner.error(missingProblemLine + " first") }
                guard tails.count < declaredArcs else {
                    throw scanner.error("more arcs than the \(declaredArcs) declared on the problem line")
                }
                let tail = try scanner.integer("an arc's tail node")
                let head = try scanner.integer("an arc's head node")
                guard tail >= 1, tail <= nodeCount else {
                    throw scanner.error("tail node \(tail) is out of range 1...\(nodeCount)")
                }
                guard head >= 1, head <= nodeCount else {
                    throw scanner.error("head node \(head) is out of range 1...\(nodeCount)")
                }
                tails.append(Int32(tail - 1))
                heads.append(Int32(head - 1))
                try lows.read(scanner, "an arc's lower bound")
                try capacities.read(scanner, "an arc's capacity")
                try costs.read(scanner, "an arc's cost")
                try scanner.endLine()
                guard capacities.last >= lows.last else {
                    throw scanner.error(
                        "capacity \(capacities.lastText) is below the lower bound \(lows.lastText)")
                }
            default:
                throw scanner.error(
                    "unknown line type \(DIMACSScanner.describe(designator: designator)); expected p, n, a or c")
            }
        }
        let lastLine = scanner.lineNumber
        guard nodeCount >= 0 else {
            throw DIMACSError(source: scanner.source, line: 0, message: "no problem line \"p min NODES ARCS\"")
        }
        guard tails.count == declaredArcs else {
            throw DIMACSError(
                source: scanner.source, line: lastLine,
                message: "the problem line declares \(declaredArcs) arcs but the file has \(tails.count)")
        }

        func fail(_ message: String) -> DIMACSError { DIMACSError(source: scanner.source, line: 0, message: message) }
        guard let flowDecimals = NumberColumn.commonDecimals([supplies, lows, capacities]),
            let costDecimals = NumberColumn.commonDecimals([costs])
        else {
            throw fail("decimal data need more than 9 decimal places (or 2^53) to be represented exactly")
        }
        let scaledSupplies = try supplies.scaled(by: flowDecimals, what: "a supply", fail: fail)
        var nodeSupplies = [Int64](repeating: 0, count: nodeCount)
        var given = [Bool](repeating: false, count: nodeCount)
        var total: Int64 = 0
        for (index, node) in supplyNodes.enumerated() {
            guard !given[node] else {
                throw DIMACSError(
                    source: scanner.source, line: supplyLines[index],
                    message: "a second \"n\" line for node \(node + 1); each node has one supply")
            }
            given[node] = true
            nodeSupplies[node] = scaledSupplies[index]
            let (sum, overflow) = total.addingReportingOverflow(scaledSupplies[index])
            guard !overflow else { throw fail("the supplies add up to more than 64 bits hold") }
            total = sum
        }
        guard total == 0 else {
            let sum = MinCostProblemFile.decimalText(total, digits: flowDecimals)
            throw fail("the supplies sum to \(sum), not zero: supply and demand must balance")
        }
        do {
            let problem = try MinCostFlowProblem(
                nodeCount: nodeCount, supplies: nodeSupplies, tails: tails, heads: heads,
                lowerBounds: try lows.scaled(by: flowDecimals, what: "a lower bound", fail: fail),
                capacities: try capacities.scaled(by: flowDecimals, what: "a capacity", fail: fail),
                costs: try costs.scaled(by: costDecimals, what: "a cost", fail: fail))
            return MinCostProblemFile(problem: problem, flowDecimals: flowDecimals, costDecimals: costDecimals)
        } catch let error as MinCostFlowProblemError {
            throw fail(error.description)
        } catch let error as DIMACSError {
            throw error
        } catch {
            throw fail("\(error)")
        }
    }
}

/// One numeric column of a DIMACS file: whole numbers while they last, decimals once one appears.
private struct NumberColumn {
    private var integers: [Int64] = []
    private var decimals: [Double]?
    private static let maxDecimals = 9

    mutating func reserveCapacity(_ count: Int) { integers.reserveCapacity(count) }

    mutating func read(_ scanner: DIMACSScanner, _ what: String) throws(DIMACSError) {
        if decimals == nil {
            do throws(DIMACSError) {
                integers.append(Int64(try scanner.integer(what)))
                return
            } catch {
                let value = try scanner.number(what)
                var converted = integers.map(Double.init)
                converted.reserveCapacity(integers.capacity)
                converted.append(value)
                decimals = converted
                integers = []
            }
        } else {
            decimals?.append(try scanner.number(what))
        }
    }

    /// The value read last, as a `Double` for messages and comparisons.
    var last: Double {
        if let decimals { return decimals.last ?? 0 }
        return Double(integers.last ?? 0)
    }

    /// The value read last, as written (up to the representation of a decimal).
    var lastText: String {
        if let decimals { return decimals.last.map { "\($0)" } ?? "" }
        return integers.last.map(String.init) ?? ""
    }

    /// The fewest decimal places that make every decimal value of every column exact, or nil.
    static func commonDecimals(_ columns: [NumberColumn]) -> Int? {
        let values = columns.compactMap(\.decimals)
        guard !values.isEmpty else { return 0 }
        var places = 0
        var scale = 1.0
        while places <= maxDecimals {
            // A value written with at most `places` decimals is the double nearest s / 10^places for
            // an integer s; dividing back reproduces it exactly.
            let exact = values.allSatisfy { column in
                column.allSatisfy { value in
                    let scaled = (value * scale).rounded()
                    return abs(scaled) < 9_007_199_254_740_992 && scaled / scale == value
                }
            }
            if exact { return places }
            places += 1
            scale *= 10
        }
        return nil
    }

    /// The column as integers multiplied by 10^places.
    func scaled(by places: Int, what: String, fail: (String) -> DIMACSError) throws(DIMACSError) -> [Int64] {
        var factor: Int64 = 1
        for _ in 0..<places { factor *= 10 }
        if let decimals {
            let scale = Double(factor)
            return decimals.map { Int64(($0 * scale).rounded()) }
        }
        guard factor > 1 else { return integers }
        var result = [Int64]()
        result.reserveCapacity(integers.count)
        for value in integers {
            let (product, overflow) = value.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw fail("\(what) \(value) overflows 64 bits once scaled by 10^\(places)") }
            result.append(product)
        }
        return result
    }
}
