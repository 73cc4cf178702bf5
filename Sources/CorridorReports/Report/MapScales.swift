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

/// Colours told apart by people with the common forms of colour blindness (after Okabe & Ito, 2008,
/// "Color Universal Design"; their vermillion and yellow, too close to their orange on a thin line,
/// replaced by a brick red and a wine red, their sky blue by a paler one), in the order charts use them; and a dash pattern per line series, so that lines of
/// equal values, drawn over each other, still show both and a grey print tells them apart.
enum Palette {
    static let categorical = ["#0072b2", "#e69f00", "#009e73", "#cc3311", "#cc79a7", "#3d3d3d", "#882255", "#9ad0f5"]
    static let dashes = ["", "8 4", "2 3", "10 3 2 3", "5 5", "1 4", "12 4 4 4", "3 2"]

    static func colour(_ index: Int) -> String { categorical[index % categorical.count] }

    /// A `stroke-dasharray` attribute (with its leading space) for line series `index`; none for the first.
    static func dashAttribute(_ index: Int) -> String {
        let pattern = dashes[index % dashes.count]
        return pattern.isEmpty ? "" : " stroke-dasharray=\"\(pattern)\""
    }
}
