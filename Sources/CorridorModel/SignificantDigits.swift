import Foundation

extension Double {
    /// The value rounded to `digits` significant digits: 12 takes simplex noise off (48.49999999999994
    /// reads 48.5) far below GLPK's own tolerances (1e-7 relative) and far above a `Double`'s noise.
    /// Zero, infinities and NaN come back as they are (−0 as 0).
    public func rounded(significantDigits digits: Int) -> Double {
        guard self != 0, isFinite else { return self == 0 ? 0 : self }
        let scale = pow(10, Double(digits - Int(log10(abs(self)).rounded(.up))))
        let rounded = (self * scale).rounded() / scale
        return rounded.isFinite && scale.isFinite && scale > 0 ? rounded : self
    }
}
