/// One layer of features for a GIS: a name, one geometry type, typed attribute fields and features in
/// WGS 84 longitude/latitude. ``GeoPackage`` and ``GeoJSONLayer`` write it.
public struct FeatureLayer: Sendable {
    /// The layer's single geometry type.
    public enum GeometryType: String, Sendable {
        case point = "POINT"
        case lineString = "LINESTRING"
    }

    /// An attribute's type, the same in every feature whatever its values (a flow is real even where
    /// it happens to be whole).
    public enum FieldType: Sendable {
        case text, real, integer
    }

    public struct Field: Sendable {
        public let name: String
        public let type: FieldType

        public init(_ name: String, _ type: FieldType) {
            self.name = name
            self.type = type
        }
    }

    /// An attribute value; `nil` is a missing value (SQL `NULL`, JSON `null`).
    public enum Value: Sendable, Equatable {
        case text(String?)
        case real(Double?)
        case integer(Int?)
    }

    public struct Feature: Sendable {
        /// Longitude and latitude in degrees: one position for a point, two or more for a line.
        public let positions: [(lon: Double, lat: Double)]
        /// One value per field, in field order.
        public let values: [Value]

        public init(positions: [(lon: Double, lat: Double)], values: [Value]) {
            self.positions = positions
            self.values = values
        }
    }

    public let name: String
    public let geometryType: GeometryType
    public let fields: [Field]
    public private(set) var features: [Feature] = []

    public init(name: String, geometryType: GeometryType, fields: [Field]) {
        self.name = name
        self.geometryType = geometryType
        self.fields = fields
    }

    /// Adds a feature; its values must match the fields one for one.
    public mutating func append(_ positions: [(lon: Double, lat: Double)], _ values: [Value]) {
        precondition(values.count == fields.count, "\(name): \(values.count) values for \(fields.count) fields")
        features.append(Feature(positions: positions, values: values))
    }
}
