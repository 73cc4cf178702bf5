import Foundation

extension Double {
    /// The value rounded to 12 significant digits, so that 48.49999999999994 from a simplex solver or
    /// 0.1 + 0.2 reads as 48.5 or 0.3: far below GLPK's own tolerances (1e-7 relative), far above a
    /// `Double`'s noise. Zero, infinities and NaN are returned as they are.
    public var roundedToTwelveDigits: Double {
        guard self != 0, isFinite else { return self }
        let scale = pow(10, Double(12 - Int(log10(abs(self)).rounded(.up))))
        let rounded = (self * scale).rounded() / scale
        return rounded.isFinite && scale.isFinite && scale > 0 ? rounded : self
    }
}
