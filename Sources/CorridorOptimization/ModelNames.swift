import CorridorModel

/// The names of the allocation program's rows and columns, built from the network's ids so that another
/// solver's output reads as the network (docs/MODEL.md, "Names in LP and MPS files"):
///
/// | name | what |
/// |---|---|
/// | `x_ORIGIN_LINK` (`_r` for a reverse arc) | flow of the commodity leaving ORIGIN on a link |
/// | `u_DEMAND` | unserved quantity of a demand |
/// | `bal_ORIGIN_NODE` | flow conservation of the commodity leaving ORIGIN at NODE |
/// | `cap_NODE`, `cap_LINK` (`_r`) | throughput of a node, flow on one direction of a link |
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

    /// False when no rewritten id holds `_`: each name then splits back into its prefix and ids one way
    /// only (the rewriting is one-to-one and ids are unique across kinds), so no two can clash and the
    /// check that costs a hash per name is skipped.
    private let mayClash: Bool

    init(_ network: ActiveNetwork) {
        nodes = network.nodes.map { Self.part($0.id) }
        arcs = network.arcs.map { Self.part($0.linkID) + ($0.isReverse ? "_r" : "") }
        demands = network.demands.map { Self.part($0.id) }
        mayClash = (nodes + demands + network.arcs.map { Self.part($0.linkID) }).contains { $0.contains("_") }
    }

    mutating func flow(origin: Int, arc: Int) -> String { unique("x_" + nodes[origin] + "_" + arcs[arc]) }

    mutating func unserved(demand: Int) -> String { unique("u_" + demands[demand]) }

    mutating func balance(origin: Int, node: Int) -> String { unique("bal_" + nodes[origin] + "_" + nodes[node]) }

    mutating func capacity(node: Int) -> String { unique("cap_" + nodes[node]) }

    mutating func capacity(arc: Int) -> String { unique("cap_" + arcs[arc]) }

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
