import Foundation

/// Escaping and number formatting shared by the HTML and SVG writers (and, for numbers, the text tables).
///
/// Everything here is locale-free and deterministic: the same value always gives the same text.
enum Markup {
    /// Text safe in HTML and XML alike, as element content or a quoted attribute value.
    ///
    /// The five markup characters become entities; characters XML 1.0 forbids (C0 controls other than
    /// tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD so the SVG stays well-formed.
    static func escape(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n", "\r": escaped.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                escaped.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return String(escaped)
    }

    /// `value` rounded to `decimals` places, without grouping, trailing zeros kept (`fixed(2.5, 2)` is `2.50`).
    /// Non-finite values give `0`, so a stray NaN never breaks an SVG attribute.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        let places = max(0, min(decimals, 9))
        guard value.isFinite else { return "0" }
        let scaled = (abs(value) * pow(10, Double(places))).rounded()
        guard scaled < 9.0e15 else { return String(format: "%.\(places)f", value) }
        var digits = String(Int64(scaled))
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// A coordinate for an SVG attribute: one decimal, trailing `.0` dropped.
    static func coordinate(_ value: Double) -> String {
        trimmed(fixed(value, 1))
    }

    /// `value` with at most `decimals` places, trailing zeros dropped, thousands grouped with commas
    /// and a real minus sign: `number(-12345.5, 1)` is `−12,345.5`. Plain-text tables pass `minus: "-"`,
    /// which terminals and spreadsheets read as a sign.
    static func number(_ value: Double, decimals: Int, minus: String = "−") -> String {
        let plain = trimmed(fixed(value, decimals))
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let whole = Array(parts.first ?? "0")
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? minus : "") + grouped + fraction
    }

    /// A flow or other quantity with as many decimals as its size warrants: `1,250`, `82.5`, `0.25`.
    static func quantity(_ value: Double) -> String {
        let magnitude = abs(value)
        return number(value, decimals: magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : 2)
    }

    /// A ratio as a percentage: `0.825` is `82.5%`. Below 100 % never rounds up to `100%`, so only a
    /// binding element reads as full.
    static func percent(_ ratio: Double) -> String {
        let value = ratio * 100
        if value < 100 && value >= 99.5 { return number(min(value, 99.9), decimals: 1) + "%" }
        return number(value, decimals: value < 10 ? 1 : 0) + "%"
    }

    /// An `<svg>` start tag (and line break) sized `width` × `height` user units, with `label` as its
    /// accessible name; `attributes` (each with a leading space) are appended to the tag.
    static func svgStart(class className: String, width: Double, height: Double, label: String, attributes: String = "")
        -> String
    {
        let width = coordinate(width)
        let height = coordinate(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(className)\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(label))\"\(attributes)>\n"
    }

    /// `value` followed by `unit`: `%` is attached, anything else follows a space.
    static func withUnit(_ text: String, _ unit: String) -> String {
        unit.isEmpty ? text : unit == "%" ? text + unit : text + " " + unit
    }

    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result == "-0" ? "0" : result
    }

    /// Roughly how wide `text` is in pixels at `fontSize` in a sans-serif face; for layout decisions
    /// made before any browser measures the text.
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "I", "'", ".", ",", ":", ";", "|", "!", " ", "f", "t", "r": ems += 0.33
            case "m", "w", "M", "W", "—", "%": ems += 0.9
            case _ where character.isUppercase: ems += 0.7
            default: ems += 0.58
            }
        }
        return ems * fontSize
    }
}
