import CorridorModel

/// The `corridor-validation/1` document of a network that passed validation: its size and the warnings
/// ``NetworkWarnings`` finds (docs/OUTPUT.md, "validate"). A network that fails has no document: its
/// problems are the error.
public enum ValidationReport {
    public static let formatTag = "corridor-validation/1"

    public static func document(_ network: Network) -> JSONValue {
        .object([
            ("format", .string(formatTag)),
            ("network", .string(network.name)),
            ("valid", .bool(true)),
            ("nodes", .number(Double(network.nodes.count))),
            ("links", .number(Double(network.links.count))),
            ("demands", .number(Double(network.demands.count))),
            ("scenarios", .number(Double(network.scenarios.count))),
            ("warnings", .array(NetworkWarnings.sentences(for: network).map { .string($0) })),
        ])
    }
}
