import CorridorModel

/// The names of the allocation program's rows and columns, built from the network's ids so that another
/// solver's output reads as the network (docs/MODEL.md, "Names in LP and MPS files"):
///
/// | name | what |
/// |---|---|
/// | `x_ORIGIN_LINK` (`_r` for a reverse arc) | flow of the demands leaving ORIGIN on a link |
/// | `x_ORIGIN_COMMODITY_LINK` | the same, of one commodity, in a network that declares commodities |
/// | `u_DEMAND` | unserved quantity of a demand |
/// | `bal_ORIGIN_NODE`, `bal_ORIGIN_COMMODITY_NODE` | flow conservation of that flow at NODE |
/// | `cap_NODE`, `cap_LINK` (`_r`) | the limit in the network's unit on a node's throughput, on one direction of a link |
/// | `cap_NODE_MEASURE`, `cap_LINK_MEASURE` | a limit in `trains`, `vehicles` or another unit |
/// | `constant` | the column fixed at 1 that carries the objective's constant |
///
/// Ids keep their letters, digits and `_`; a `-` becomes `.` and any other character its code point in
/// hex between two `~`, so every name is valid in CPLEX LP and free MPS (at most 255 characters, never
/// starting with a digit or a period). Where ids hold `_`, two names could still clash; the later one
/// then gets `~2`, `~3`, … in the order built.
struct ModelNames {
    private var used: Set<String> = []
    /// Each node's, arc's and demand's id rewritten once, in network order (an arc's with `_r` on the reverse).
    private let nodes: [String]
    private let arcs: [String]
    private let demands: [String]
    /// Each commodity's id rewritten, with its `_` separator; empty for the implicit commodity of a network
    /// that declares none, so that `/1` networks keep their names.
    private let commodities: [String]
    private let networkUnit: String

    /// False when no rewritten id holds `_`: each name then splits back into its prefix and ids one way
    /// only (the rewriting is one-to-one and ids are unique across kinds), so no two can clash and the
    /// check that costs a hash per name is skipped.
    private let mayClash: Bool

    init(_ network: ActiveNetwork) {
        nodes = network.nodes.map { Self.part($0.id) }
        arcs = network.arcs.map { Self.part($0.linkID) + ($0.isReverse ? "_r" : "") }
        demands = network.demands.map { Self.part($0.id) }
        commodities = network.network.declaresCommodities ? network.commodities.map { Self.part($0.id) + "_" } : [""]
        networkUnit = network.network.unit
        mayClash = (nodes + demands + network.arcs.map { Self.part($0.linkID) } + commodities.map { String($0.dropLast()) })
            .contains { $0.contains("_") } || network.network.declaresCommodities
    }

    mutating func flow(origin: Int, commodity: Int, arc: Int) -> String {
        unique("x_" + nodes[origin] + "_" + commodities[commodity] + arcs[arc])
    }

    mutating func unserved(demand: Int) -> String { unique("u_" + demands[demand]) }

    mutating func balance(origin: Int, commodity: Int, node: Int) -> String {
        unique("bal_" + nodes[origin] + "_" + commodities[commodity] + nodes[node])
    }

    mutating func capacity(node: Int, measure: CapacityMeasure) -> String { unique("cap_" + nodes[node] + suffix(measure)) }

    mutating func capacity(arc: Int, measure: CapacityMeasure) -> String { unique("cap_" + arcs[arc] + suffix(measure)) }

    /// Nothing for the network's unit, else `_` and the measure's name.
    private func suffix(_ measure: CapacityMeasure) -> String {
        measure == .networkUnit ? "" : "_" + Self.part(measure.name(networkUnit: networkUnit))
    }

    mutating func constant() -> String { unique("constant") }

    private mutating func unique(_ name: String) -> String {
        guard mayClash || name.utf8.count > 240 else { return name }
        let base = String(name.prefix(240))
        var candidate = base
        var suffix = 1
        while used.contains(candidate) {
            suffix += 1
            candidate = "\(base)~\(suffix)"
        }
        used.insert(candidate)
        return candidate
    }

    /// An id with every character outside `A–Z a–z 0–9 _` rewritten.
    static func part(_ id: String) -> String {
        var result = ""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_": result.unicodeScalars.append(scalar)
            case "-": result += "."
            default: result += "~" + String(scalar.value, radix: 16) + "~"
            }
        }
        return result
    }
}
