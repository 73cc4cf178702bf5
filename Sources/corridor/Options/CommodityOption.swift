import ArgumentParser

/// `--commodity ID` for the single-commodity commands (route, maxflow): which commodity's costs,
/// acceptances and capacities to use (``CorridorService/CommodityChoice``).
struct CommodityOption: ParsableArguments {
    @Option(
        name: .long, help: "The commodity to route or count, on a network that declares several.",
        completion: Completions.commodities)
    var commodity: String?
}
