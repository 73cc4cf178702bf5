import ArgumentParser
import CorridorImpact
import CorridorModel

/// `--measure trains|vehicles|UNIT` for the commands that sweep a capacity (sweep, report): which of an
/// element's limits to vary.
struct MeasureOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The measure of the capacity to vary: trains, vehicles or a unit (e.g. TEU, t).",
            discussion: """
                Default: the network's unit; on a network that declares commodities, the element's one measure \
                when all its limits share it (a rail link limited in trains is swept in trains). The element must \
                have a limit in the measure, except in the network's unit. A link's two directions get the same value.
                """))
    var measure: String?

    /// The measure in which to vary `element` (see ``CorridorModel/ActiveNetwork/sweptMeasure(of:named:)``),
    /// refusing one it has no limit in with a message naming its limits.
    func resolve(_ element: ElementReference, in network: ActiveNetwork) throws(BadInput) -> CapacityMeasure {
        do {
            return try network.sweptMeasure(of: element, named: measure)
        } catch {
            let option = measure.map { "--measure \($0.escapingControlCharacters): " } ?? ""
            throw BadInput(option + error.description)
        }
    }
}
