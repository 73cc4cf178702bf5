/// A number type max-flow can run on: `Int64` and `Int128` for exact integral capacities (decimal ones
/// are scaled to integers first, see `ExactDecimalMaxFlow.swift`), `Double` as the last resort.
///
/// Tolerance policy: integral flows are exact (an amount is positive when it is above zero). `Double`
/// flows treat any residual capacity or excess at or below ``negligible(amongCapacitiesUpTo:)`` —
/// 10⁻¹¹ of the largest capacity — as zero, so rounding in long push sequences cannot keep a node
/// active forever or make a saturated arc look open; they are then within about that tolerance times
/// the number of nodes of the optimum. Decimal data reach `Double` only when their digits span more than
/// 38 orders of magnitude.
public protocol MaxFlowValue: Sendable, Comparable, AdditiveArithmetic {
    /// The largest amount that counts as nothing, given the largest capacity of the problem.
    static func negligible(amongCapacitiesUpTo largest: Self) -> Self
    /// The amount as a `Double` (for reports).
    var doubleValue: Double { get }
}

extension Int64: MaxFlowValue {
    public static func negligible(amongCapacitiesUpTo largest: Int64) -> Int64 { 0 }
    public var doubleValue: Double { Double(self) }
}

extension Double: MaxFlowValue {
    public static func negligible(amongCapacitiesUpTo largest: Double) -> Double { largest * 1e-11 }
    public var doubleValue: Double { self }
}

extension Int128: MaxFlowValue {
    public static func negligible(amongCapacitiesUpTo largest: Int128) -> Int128 { 0 }
    public var doubleValue: Double { Double(self) }
}
