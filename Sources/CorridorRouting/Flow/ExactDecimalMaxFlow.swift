// Max-flow on decimal capacities, exact whatever their spread.
//
// A capacity read from a file is a decimal: its shortest round-trip text (`0.0001`, `2.5e-07`) is what
// was written whenever that had at most 15 significant digits (longer ones are taken as the decimal of
// the Double they read as). Every capacity is then an integer m
// times 10^−d for one d (the most decimal places of any of them), and the maximum flow of the integer
// problem, divided by 10^d, is the maximum flow of the file as written. Push-relabel runs on those
// integers in exact arithmetic: `Int64` when they and their sum fit in 62 bits, `Int128` when they fit
// in 126 (four significant digits from 1e-6 to 1e9 need about 70). Each result is turned back into the
// nearest Double once, through its decimal text.
//
// Only capacities whose integers would pass 2^126 — about 38 decimal digits between the most significant
// digit of the largest capacity and the last digit of the smallest, e.g. 17-digit data from 1e-20 to
// 1e18 — fall back to Double arithmetic, whose tolerance is relative to the largest capacity (see
// `MaxFlowValue`).

/// How a decimal max-flow was computed.
public enum DecimalMaxFlowArithmetic: Sendable, Equatable {
    /// Exact on the capacities as written: integers after multiplying by 10^places, in `Int128` when
    /// `wide`, else in `Int64`.
    case decimal(places: Int, wide: Bool)
    /// In `Double`, within the tolerance of ``MaxFlowValue/negligible(amongCapacitiesUpTo:)``.
    case double
}

/// The maximum flow on decimal capacities, exact whenever their spread allows (see the top of
/// `ExactDecimalMaxFlow.swift`): the value and flows are the exact ones, rounded once to a Double.
/// - Throws: ``MaxFlowInputError`` as ``maximumFlow(nodeCount:source:sink:tails:heads:capacities:)``.
public func exactDecimalMaximumFlow(
    nodeCount: Int, source: Int, sink: Int, tails: [Int32], heads: [Int32], capacities: [Double]
) throws(MaxFlowInputError) -> (solution: MaxFlowSolution<Double>, arithmetic: DecimalMaxFlowArithmetic) {
    guard let scaled = IntegerCapacities(capacities) else {
        let solution = try maximumFlow(
            nodeCount: nodeCount, source: source, sink: sink, tails: tails, heads: heads, capacities: capacities)
        return (solution, .double)
    }
    if scaled.fitsInt64 {
        let solution = try maximumFlow(
            nodeCount: nodeCount, source: source, sink: sink, tails: tails, heads: heads,
            capacities: scaled.integers.map { Int64($0) })
        return (scaled.unscaled(solution), scaled.arithmetic)
    }
    let solution = try maximumFlow(
        nodeCount: nodeCount, source: source, sink: sink, tails: tails, heads: heads, capacities: scaled.integers)
    return (scaled.unscaled(solution), scaled.arithmetic)
}

/// Capacities as integers times 10^−places.
struct IntegerCapacities {
    let integers: [Int128]
    let places: Int
    let fitsInt64: Bool

    /// `nil` when the integers would not fit in 126 bits with room for a sum over every arc.
    init?(_ capacities: [Double]) {
        let sumBits = (capacities.count + 1).bitWidth - (capacities.count + 1).leadingZeroBitCount
        func fits(_ integers: [Int128], bits: Int) -> Bool {
            let largest = integers.max() ?? 0
            return largest == 0 || (largest.bitWidth - largest.leadingZeroBitCount) + sumBits <= bits
        }
        guard let integers = Self.decimal(capacities), fits(integers.values, bits: 126) else { return nil }
        (self.integers, places, fitsInt64) = (integers.values, integers.places, fits(integers.values, bits: 62))
    }

    var arithmetic: DecimalMaxFlowArithmetic { .decimal(places: places, wide: !fitsInt64) }

    /// The integer problem's solution divided back, each number rounded once to the nearest Double
    /// (Swift reads decimal text correctly rounded).
    func unscaled<Value: MaxFlowValue & BinaryInteger>(_ solution: MaxFlowSolution<Value>) -> MaxFlowSolution<Double> {
        func back(_ value: Value) -> Double { Double("\(value)e-\(places)") ?? .nan }
        return MaxFlowSolution(
            value: back(solution.value), arcFlows: solution.arcFlows.map(back), sourceSide: solution.sourceSide,
            cutArcs: solution.cutArcs)
    }

    /// Each capacity's shortest decimal text as digits × 10^exponent, all brought to the most decimal
    /// places; `nil` when an integer would pass 2^126.
    private static func decimal(_ capacities: [Double]) -> (values: [Int128], places: Int)? {
        var parts: [(digits: Int128, exponent: Int)] = []
        for capacity in capacities {
            guard capacity.isFinite, let part = decimalParts(capacity.magnitude) else { return nil }
            parts.append(part)
        }
        let places = max(0, -(parts.map(\.exponent).min() ?? 0))
        guard places <= 38 else { return nil }
        var values: [Int128] = []
        values.reserveCapacity(parts.count)
        for part in parts {
            var value = part.digits
            for _ in 0..<(part.exponent + places) {
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow, product < (1 << 126) else { return nil }
                value = product
            }
            values.append(value)
        }
        return (values, places)
    }

    /// `0.0001` → (1, −4); `2.5e-07` → (25, −8); `1000000000.0` → (1, 9).
    private static func decimalParts(_ value: Double) -> (digits: Int128, exponent: Int)? {
        let text = "\(value)"
        let (mantissa, exponentText) =
            text.firstIndex(where: { $0 == "e" || $0 == "E" }).map { (text[..<$0], text[text.index(after: $0)...]) }
            ?? (text[...], "0")
        guard var exponent = Int(exponentText) else { return nil }
        var digits: Int128 = 0
        var afterPoint = false
        for character in mantissa {
            if character == "." {
                afterPoint = true
                continue
            }
            guard let digit = character.wholeNumberValue else { return nil }
            digits = digits * 10 + Int128(digit)
            if afterPoint { exponent -= 1 }
        }
        while digits != 0 && digits % 10 == 0 {
            digits /= 10
            exponent += 1
        }
        return (digits, digits == 0 ? 0 : exponent)
    }
}
