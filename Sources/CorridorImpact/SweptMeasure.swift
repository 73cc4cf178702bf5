import CorridorModel

/// A measure in which a capacity sweep cannot vary an element: the element (or one direction of a link)
/// has no limit in it, so the allocation has no row to change.
public struct SweptMeasureError: Error, Sendable, Equatable, CustomStringConvertible {
    public let id: String
    /// The measure asked for, as written: `trains`, `vehicles` or a unit.
    public let measure: String
    /// `forward` or `reverse` when only that direction of a link lacks the limit; `nil` when no part of
    /// the element has it.
    public let direction: String?
    /// The element's limits as text, `20 trains forward; 14 trains reverse`; empty when it has none.
    public let limits: String
    /// The network's unit: a sweep in it needs no limit (the program gets a row for it).
    public let networkUnit: String

    public var description: String {
        let measure = measure.escapingControlCharacters
        let subject = "\"\(id.escapingControlCharacters)\" has no limit in \(measure)" + (direction.map { " in its \($0) direction" } ?? "")
        guard !limits.isEmpty else {
            return "\(subject), nor in any other measure; sweep it in \(networkUnit) (the sweep adds that limit), or give "
                + "it a \(measure) limit in a scenario"
        }
        return "\(subject); its limits: \(limits). Sweep one of those measures, or give it a \(measure) limit in a scenario"
    }
}

extension ActiveNetwork {
    /// The measure in which a capacity sweep varies `element` (both directions of a link).
    ///
    /// `name` when given: `trains`, `vehicles` or a unit, the network's own unit being
    /// ``CapacityMeasure/networkUnit``. Without it, the network's unit — except on a network that
    /// declares commodities when every limit of the element is in one measure: then that one, so that a
    /// rail crossing limited in trains is swept in trains.
    ///
    /// - Throws: ``SweptMeasureError`` for a measure other than the network's unit in which the element,
    ///   or one direction of a link, has no limit. (In the network's unit the program always gets a row.)
    public func sweptMeasure(of element: ElementReference, named name: String?) throws(SweptMeasureError) -> CapacityMeasure {
        let directions = limitsByDirection(of: element)
        let measure: CapacityMeasure
        if let name {
            measure = CapacityMeasure(key: name, networkUnit: network.unit)
        } else {
            var distinct: [CapacityMeasure] = []
            for limit in directions.joined() where !distinct.contains(limit.measure) { distinct.append(limit.measure) }
            measure = network.declaresCommodities && distinct.count == 1 ? distinct[0] : .networkUnit
        }
        guard measure != .networkUnit else { return measure }
        let lacking = directions.indices.filter { directions[$0].value(in: measure) == nil }
        guard lacking.isEmpty else {
            let direction: String? = lacking.count < directions.count ? (lacking[0] == 0 ? "forward" : "reverse") : nil
            throw SweptMeasureError(
                id: element.id, measure: measure.name(networkUnit: network.unit), direction: direction,
                limits: limitText(directions), networkUnit: network.unit)
        }
        return measure
    }

    /// A node's limits, or those of each direction of a link (forward first).
    private func limitsByDirection(of element: ElementReference) -> [[CapacityLimit]] {
        switch element {
        case .node(let node): [nodes[node.index].limits]
        case .link(let link): link.arcs.map { arcs[$0].limits }
        }
    }

    /// `1500 TEU`; `6 trains, 250 TEU each way`; `20 trains forward; 14 trains reverse`.
    private func limitText(_ directions: [[CapacityLimit]]) -> String {
        func text(_ limits: [CapacityLimit]) -> String {
            limits.map { "\(JSONValue.format($0.value)) \($0.measure.name(networkUnit: network.unit))" }.joined(separator: ", ")
        }
        guard directions.contains(where: { !$0.isEmpty }) else { return "" }
        if directions.count == 1 { return text(directions[0]) }
        if directions.allSatisfy({ $0 == directions[0] }) { return text(directions[0]) + " each way" }
        return zip(["forward", "reverse"], directions).map { "\($1.isEmpty ? "none" : text($1)) \($0)" }.joined(separator: "; ")
    }
}
