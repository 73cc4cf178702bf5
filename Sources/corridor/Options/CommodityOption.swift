import ArgumentParser
import CorridorModel

/// `--commodity ID` for the single-commodity commands (route, maxflow): which commodity's costs,
/// acceptances and capacities to use.
struct CommodityOption: ParsableArguments {
    @Option(
        name: .long, help: "The commodity to route or count, on a network that declares several.",
        completion: Completions.commodities)
    var commodity: String?

    /// The network as the chosen commodity sees it (``ActiveNetwork/carrying(_:)``), and the commodity's
    /// index in `active`. A network without declared commodities is returned as it is; one with a single
    /// commodity uses it unless told otherwise; one with several needs `--commodity`.
    func view(of active: ActiveNetwork, for command: String) throws(BadInput) -> (network: ActiveNetwork, commodity: Int) {
        let declared = active.network.declaredCommodities
        let listing = declared.map { "\($0.id) (\($0.unit))" }.joined(separator: ", ")
        guard let commodity else {
            guard declared.count <= 1 else {
                throw BadInput("\(command): the network carries \(listing); name one with --commodity")
            }
            return declared.isEmpty ? (active, 0) : (active.carrying(0), 0)
        }
        guard !declared.isEmpty else {
            throw BadInput("--commodity \"\(commodity.escapingControlCharacters)\": the network declares no commodities; leave the option out")
        }
        guard let index = active.commodityIndex(of: commodity) else {
            let suggestion = Suggestion.closest(to: commodity, among: declared.map(\.id)).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw BadInput("--commodity \"\(commodity.escapingControlCharacters)\": unknown commodity\(suggestion); the network carries \(listing)")
        }
        return (active.carrying(index), index)
    }

    /// Refuses nodes that do not accept the commodity, naming the option they came from.
    static func requireAccepted(
        _ nodes: [NodeReference], in full: ActiveNetwork, commodity: Int, option: String
    ) throws(BadInput) {
        guard full.network.declaresCommodities else { return }
        for node in nodes where !full.terms(ofNode: node.index, commodity: commodity).accepts {
            throw BadInput("\(option) \"\(node.id)\" does not accept commodity \"\(full.commodities[commodity].id)\"")
        }
    }
}
