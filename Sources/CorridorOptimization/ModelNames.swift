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
/// Ids keep their letters, digits and `_`; a `-` becomes `.` and any other character `~` and its code
/// point in hex, so every name is valid in CPLEX LP and free MPS (at most 255 characters, never starting
/// with a digit or a period). Two names that would still clash get `~2`, `~3`, … in the order built.
struct ModelNames {
    private var used: Set<String> = []

    mutating func flow(origin: String, arc: Arc) -> String {
        unique("x_\(Self.part(origin))_\(Self.part(arc.linkID))\(arc.isReverse ? "_r" : "")")
    }

    mutating func unserved(demand: String) -> String { unique("u_\(Self.part(demand))") }

    mutating func balance(origin: String, node: String) -> String {
        unique("bal_\(Self.part(origin))_\(Self.part(node))")
    }

    mutating func capacity(node: String) -> String { unique("cap_\(Self.part(node))") }

    mutating func capacity(arc: Arc) -> String { unique("cap_\(Self.part(arc.linkID))\(arc.isReverse ? "_r" : "")") }

    mutating func constant() -> String { unique("constant") }

    private mutating func unique(_ name: String) -> String {
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
            default: result += "~" + String(scalar.value, radix: 16)
            }
        }
        return result
    }
}
