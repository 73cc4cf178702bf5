import CorridorModel

/// The units a network's figures are in, as the data dictionary writes them.
struct CSVUnits {
    /// A flow or quantity: `TEU/day`.
    let flow: String
    /// Money per period: `USD/day`.
    let money: String
    /// Money per unit of flow: `USD/TEU`.
    let perUnit: String

    init(_ network: Network) {
        flow = "\(network.unit)/\(network.period)"
        money = "\(network.currency)/\(network.period)"
        perUnit = "\(network.currency)/\(network.unit)"
    }

    /// The unit of a commodity's figures, which `unit_column` names row by row.
    static func perRow(_ column: String, period: String) -> String { "\(column)/\(period) (see \(column))" }
}
