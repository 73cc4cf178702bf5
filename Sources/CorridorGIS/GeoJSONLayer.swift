import CorridorModel

/// A ``FeatureLayer`` as one GeoJSON FeatureCollection (RFC 7946), named after the layer (`name`, the
/// member GDAL takes as the layer's name).
///
/// Each feature's `id` is its first field's value, which the layer keeps unique. Types are stable: a
/// real field is written with a fraction even when whole (`560.0`), so that a GIS that guesses field
/// types from values (GDAL does) reads the same types from every run.
public enum GeoJSONLayer {
    public static func text(_ layer: FeatureLayer) -> String {
        var lines = ["{\"type\": \"FeatureCollection\", \"name\": \(string(layer.name)), \"features\": ["]
        for (position, feature) in layer.features.enumerated() {
            let coordinates = feature.positions.map { "[\(real($0.lon)), \(real($0.lat))]" }
            let geometry =
                layer.geometryType == .point
                ? "{\"type\": \"Point\", \"coordinates\": \(coordinates[0])}"
                : "{\"type\": \"LineString\", \"coordinates\": [\(coordinates.joined(separator: ", "))]}"
            let properties = zip(layer.fields, feature.values).map { "\(string($0.name)): \(value($1))" }
            let id = feature.values.first.map(value) ?? "null"
            lines.append(
                "{\"type\": \"Feature\", \"id\": \(id), \"geometry\": \(geometry), \"properties\": {"
                    + properties.joined(separator: ", ") + "}}" + (position < layer.features.count - 1 ? "," : ""))
        }
        lines.append("]}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func value(_ value: FeatureLayer.Value) -> String {
        switch value {
        case .text(let text?): string(text)
        case .real(let number?) where number.isFinite: real(number)
        case .integer(let number?): String(number)
        case .text(nil), .real, .integer(nil): "null"
        }
    }

    /// A number with a fraction or an exponent, the shortest that reads back the same.
    private static func real(_ number: Double) -> String {
        let text = "\(number)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    private static func string(_ text: String) -> String { JSONValue.string(text).serialized(indent: nil) }
}
