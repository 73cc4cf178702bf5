import Foundation

// PROVISIONAL: a minimal reader on JSONSerialization so other modules can load networks while the
// real parser and validator (positions, every diagnostic at once, unknown keys) are being written.
// The model work replaces this file wholesale; keep its entry point `NetworkReader.read(path:)`.

/// Reads `corridor-network/1` files into validated ``Network`` values.
public enum NetworkReader {
    /// Reads and validates the network file at `path`.
    /// - Throws: ``NetworkValidationError`` listing every problem found.
    public static func read(path: String) throws(NetworkValidationError) -> Network {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NetworkValidationError(source: path, diagnostics: [Diagnostic(path: path, message: "cannot read the file")])
        }
        return try read(data: data, source: path)
    }

    /// Reads and validates a network from the bytes of a file.
    public static func read(data: Data, source: String) throws(NetworkValidationError) -> Network {
        func fail(_ message: String) -> NetworkValidationError {
            NetworkValidationError(source: source, diagnostics: [Diagnostic(path: source, message: message)])
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw fail("not a JSON object")
        }
        func number(_ object: [String: Any], _ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }
        func objects(_ key: String) -> [[String: Any]] { root[key] as? [[String: Any]] ?? [] }
        let nodes = objects("nodes").map { object in
            Node(
                id: object["id"] as? String ?? "", name: object["name"] as? String,
                kind: NodeKind(rawValue: object["kind"] as? String ?? "") ?? .junction,
                country: object["country"] as? String, lat: number(object, "lat"), lon: number(object, "lon"),
                capacity: number(object, "capacity"), handlingCost: number(object, "handlingCost") ?? 0,
                dwellHours: number(object, "dwellHours") ?? 0,
                status: ElementStatus(rawValue: object["status"] as? String ?? "") ?? .existing)
        }
        let links = objects("links").map { object in
            Link(
                id: object["id"] as? String ?? "", from: object["from"] as? String ?? "",
                to: object["to"] as? String ?? "", mode: LinkMode(rawValue: object["mode"] as? String ?? "") ?? .rail,
                lengthKm: number(object, "lengthKm") ?? 0, hours: number(object, "hours") ?? 0,
                cost: number(object, "cost") ?? 0, capacity: number(object, "capacity"),
                bidirectional: object["bidirectional"] as? Bool ?? false,
                status: ElementStatus(rawValue: object["status"] as? String ?? "") ?? .existing)
        }
        let demands = objects("demands").map { object in
            Demand(
                id: object["id"] as? String ?? "", origin: object["origin"] as? String ?? "",
                destination: object["destination"] as? String ?? "", quantity: number(object, "quantity") ?? 0,
                unservedPenalty: number(object, "unservedPenalty"))
        }
        let scenarios = objects("scenarios").map { object in
            Scenario(
                id: object["id"] as? String ?? "", name: object["name"] as? String,
                enable: object["enable"] as? [String] ?? [], disable: object["disable"] as? [String] ?? [],
                capacity: (object["capacity"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map {
                    CapacityOverride(id: $0.key, capacity: ($0.value as? NSNumber)?.doubleValue)
                },
                cost: (object["cost"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map {
                    ValueOverride(id: $0.key, value: ($0.value as? NSNumber)?.doubleValue ?? 0)
                },
                demand: (object["demand"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map {
                    ValueOverride(id: $0.key, value: ($0.value as? NSNumber)?.doubleValue ?? 0)
                },
                demandScale: number(object, "demandScale") ?? 1)
        }
        return Network(
            name: root["name"] as? String ?? "", unit: root["unit"] as? String ?? "TEU",
            period: root["period"] as? String ?? "day", currency: root["currency"] as? String ?? "USD",
            valueOfTimePerHour: number(root, "valueOfTimePerHour") ?? 0,
            unservedPenalty: number(root, "unservedPenalty") ?? Network.defaultUnservedPenalty,
            nodes: nodes, links: links, demands: demands, scenarios: scenarios)
    }
}
