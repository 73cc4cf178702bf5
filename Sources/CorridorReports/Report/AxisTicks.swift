import Foundation

/// "Nice" axis ranges and tick marks at 1, 2, 5 × 10ⁿ steps.
///
/// Heckbert, P. S. "Nice numbers for graph labels", in *Graphics Gems* (Academic Press, 1990), pp. 61–63.
/// O(number of ticks).
struct AxisTicks: Equatable {
    let lower: Double
    let upper: Double
    let step: Double
    /// Decimals enough to tell adjacent ticks apart.
    let decimals: Int

    /// Ticks from `lower` to `upper` inclusive.
    var values: [Double] {
        let count = ((upper - lower) / step).rounded()
        guard count.isFinite, count >= 0, count <= 1000 else { return [lower, upper].filter(\.isFinite) }
        return (0...Int(count)).map { lower + Double($0) * step }
    }

    /// Ticks covering `minimum…maximum` with about `targetCount` marks. Equal or non-finite bounds get a
    /// sensible range around them instead of failing.
    init(minimum: Double, maximum: Double, targetCount: Int = 5) {
        // Bounds beyond ±1e300 would overflow the range arithmetic; no chart needs them.
        var low = minimum.isFinite ? min(max(minimum, -1e300), 1e300) : 0
        var high = maximum.isFinite ? min(max(maximum, -1e300), 1e300) : 1
        if low > high { swap(&low, &high) }
        if high - low < 1e-12 * max(1, abs(high)) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= low == 0 ? 0 : pad
            high += pad
        }
        let range = Self.nice(high - low, rounding: false)
        let step = Self.nice(range / Double(max(targetCount - 1, 1)), rounding: true)
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
        self.step = step
        self.decimals = Self.decimals(for: step)
    }

    /// Decimals that show a multiple of `step` exactly: 0 for 1 or more, 1 for 0.5, 2 for 0.05, at most 9.
    private static func decimals(for step: Double) -> Int {
        let places = -log10(step).rounded(.down)
        return places.isFinite ? Int(min(max(places, 0), 9)) : 0
    }

    private static func nice(_ value: Double, rounding: Bool) -> Double {
        let exponent = log10(value).rounded(.down)
        let power = pow(10, exponent)
        let fraction = value / power
        let niceFraction: Double
        if rounding {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * power
    }

    /// A tick's label: grouped digits, or `1.5M`/`2B` style once values reach millions.
    func label(_ value: Double) -> String {
        let largest = max(abs(lower), abs(upper))
        if largest >= 1e9 { return Self.scaled(value, by: 1e9, step: step, suffix: "B") }
        if largest >= 1e6 { return Self.scaled(value, by: 1e6, step: step, suffix: "M") }
        return Markup.number(value, decimals: decimals)
    }

    private static func scaled(_ value: Double, by factor: Double, step: Double, suffix: String) -> String {
        Markup.number(value / factor, decimals: decimals(for: step / factor)) + suffix
    }
}
