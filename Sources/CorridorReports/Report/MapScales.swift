import Foundation

/// Stroke widths for flows: the square root of flow over the largest flow, so a line's area rather than
/// its width tracks the flow and small flows stay visible beside big ones.
struct FlowWidthScale: Equatable {
    static let unusedWidth = 1.0
    static let minimumWidth = 1.75
    static let maximumWidth = 16.0

    /// The flow drawn at full width; every map of a report shares one, so widths compare across maps.
    let maximumFlow: Double

    init(maximumFlow: Double) {
        self.maximumFlow = maximumFlow.isFinite && maximumFlow > 0 ? maximumFlow : 1
    }

    /// Whether `flow` is too small to count as carried; drawn thin and grey.
    func isUnused(_ flow: Double) -> Bool {
        !(flow.isFinite && flow > maximumFlow * 1e-9)
    }

    /// The stroke width for `flow`: never decreasing in `flow`, ``unusedWidth`` for no flow.
    func width(_ flow: Double) -> Double {
        if isUnused(flow) { return Self.unusedWidth }
        let ratio = min(flow / maximumFlow, 1)
        return Self.minimumWidth + (Self.maximumWidth - Self.minimumWidth) * ratio.squareRoot()
    }

    /// Round flows for the legend: the largest 1, 2 or 5 × 10ⁿ not above the maximum, its half and its tenth.
    var legendFlows: [Double] {
        let power = pow(10, log10(maximumFlow).rounded(.down))
        let top = [5.0, 2, 1].map { $0 * power }.first { $0 <= maximumFlow * (1 + 1e-9) } ?? power
        return [top / 10, top / 2, top]
    }
}

/// Colours for utilisation: green when idle, amber at half, red when nearly full, and a distinct dark
/// crimson once binding (at capacity), so a bottleneck never looks like a merely busy element.
enum UtilisationScale {
    /// At or above this utilisation an element counts as binding.
    static let bindingThreshold = 1 - 1e-6
    static let bindingColour = "#67001f"
    static let unlimitedColour = "#9aa5b1"

    private static let stops: [(at: Double, red: Double, green: Double, blue: Double)] = [
        (0.0, 26, 152, 80),
        (0.5, 240, 178, 36),
        (0.85, 232, 106, 36),
        (1.0, 214, 39, 40),
    ]

    static func isBinding(_ utilisation: Double?) -> Bool {
        guard let utilisation, utilisation.isFinite else { return false }
        return utilisation >= bindingThreshold
    }

    /// `#rrggbb` for `utilisation`; ``unlimitedColour`` for `nil` (no capacity) or a non-finite value.
    static func colour(_ utilisation: Double?) -> String {
        guard let utilisation, utilisation.isFinite else { return unlimitedColour }
        if isBinding(utilisation) { return bindingColour }
        let value = max(0, utilisation)
        var lower = stops[0]
        var upper = stops[stops.count - 1]
        for index in 1..<stops.count where value <= stops[index].at {
            lower = stops[index - 1]
            upper = stops[index]
            break
        }
        let t = upper.at > lower.at ? (value - lower.at) / (upper.at - lower.at) : 0
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return hex(channel(lower.red, upper.red), channel(lower.green, upper.green), channel(lower.blue, upper.blue))
    }

    private static func hex(_ red: Int, _ green: Int, _ blue: Int) -> String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for component in [red, green, blue] {
            let clamped = max(0, min(255, component))
            text.append(digits[clamped / 16])
            text.append(digits[clamped % 16])
        }
        return text
    }
}

/// Colours told apart by people with the common forms of colour blindness (Okabe & Ito, 2008,
/// "Color Universal Design"), in the order charts use them.
enum Palette {
    static let categorical = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#3d3d3d", "#b8a200"]

    static func colour(_ index: Int) -> String { categorical[index % categorical.count] }
}
