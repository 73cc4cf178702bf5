import CSQLite
import Foundation

/// Feature layers as an OGC GeoPackage 1.3 (an SQLite database with `application_id` `GPKG`): the
/// required `gpkg_spatial_ref_sys`, `gpkg_contents` and `gpkg_geometry_columns` tables, and one table
/// per layer with an integer `fid`, a `geom` column of GeoPackage binary geometries (WGS 84, EPSG:4326)
/// and the layer's fields.
///
/// The database is built by the system's SQLite in memory and handed back as bytes
/// (`sqlite3_serialize`), so the caller writes it like any other file — whole, through a temporary
/// file renamed into place — and no half-built database ever lies on disk.
public enum GeoPackage {
    /// The file's bytes.
    public static func data(_ layers: [FeatureLayer]) throws(GeoPackageError) -> Data {
        let database = try SQLiteDatabase()
        try database.execute(schema)
        for layer in layers { try add(layer, to: database) }
        return try database.serialized()
    }

    /// The tables every GeoPackage has, with the three reference systems the standard requires.
    private static let schema = """
        PRAGMA application_id = \(0x4750_4B47);
        PRAGMA user_version = 10300;
        CREATE TABLE gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES
          ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
          ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
          ('WGS 84 geodetic', 4326, 'EPSG', 4326, '\(wgs84)', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
        CREATE TABLE gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
          description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
          srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (
          table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        """

    /// EPSG:4326 in OGC well-known text.
    private static let wgs84 =
        #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],"#
        + #"AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],"#
        + #"UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]"#

    private static func add(_ layer: FeatureLayer, to database: SQLiteDatabase) throws(GeoPackageError) {
        let table = quoted(layer.name)
        let columns = layer.fields.map { field in
            let type = switch field.type {
            case .text: "TEXT"
            case .real: "REAL"
            case .integer: "INTEGER"
            }
            return "\(quoted(field.name)) \(type)"
        }
        try database.execute(
            "CREATE TABLE \(table) (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom \(layer.geometryType.rawValue)"
                + columns.map { ", " + $0 }.joined() + ");")
        let positions = layer.features.flatMap(\.positions)
        let extent = positions.isEmpty ? nil : (
            minX: positions.map(\.lon).min()!, minY: positions.map(\.lat).min()!,
            maxX: positions.map(\.lon).max()!, maxY: positions.map(\.lat).max()!)
        try database.run(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) "
                + "VALUES (?, 'features', ?, ?, ?, ?, ?, 4326)",
            [.text(layer.name), .text(layer.name), .real(extent?.minX), .real(extent?.minY), .real(extent?.maxX), .real(extent?.maxY)])
        try database.run(
            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)",
            [.text(layer.name), .text(layer.geometryType.rawValue)])
        let insert =
            "INSERT INTO \(table) (geom" + layer.fields.map { ", " + quoted($0.name) }.joined() + ") VALUES (?"
            + String(repeating: ", ?", count: layer.fields.count) + ")"
        try database.execute("BEGIN")
        for feature in layer.features {
            try database.run(insert, [.blob(GeoPackageGeometry.encode(feature.positions, as: layer.geometryType))] + feature.values.map(SQLiteValue.init))
        }
        try database.execute("COMMIT")
    }

    /// An SQL identifier in double quotes.
    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

/// Why a GeoPackage could not be built: SQLite's message.
public struct GeoPackageError: Error, CustomStringConvertible {
    public let description: String
}

/// GeoPackage binary geometries (GeoPackage 1.3, clause 2.1.3): the `GP` header with the SRS id and,
/// for lines, the envelope, then the geometry as little-endian well-known binary.
enum GeoPackageGeometry {
    static func encode(_ positions: [(lon: Double, lat: Double)], as type: FeatureLayer.GeometryType) -> Data {
        var bytes = Data([0x47, 0x50, 0x00])
        let hasEnvelope = type == .lineString
        bytes.append(hasEnvelope ? 0b0000_0011 : 0b0000_0001)  // envelope [minx, maxx, miny, maxy] or none; little-endian
        append(UInt32(4326), to: &bytes)
        if hasEnvelope {
            for value in [positions.map(\.lon).min(), positions.map(\.lon).max(), positions.map(\.lat).min(), positions.map(\.lat).max()] {
                append(value ?? 0, to: &bytes)
            }
        }
        bytes.append(0x01)  // WKB little-endian
        switch type {
        case .point:
            append(UInt32(1), to: &bytes)
            append(positions[0].lon, to: &bytes)
            append(positions[0].lat, to: &bytes)
        case .lineString:
            append(UInt32(2), to: &bytes)
            append(UInt32(positions.count), to: &bytes)
            for position in positions {
                append(position.lon, to: &bytes)
                append(position.lat, to: &bytes)
            }
        }
        return bytes
    }

    private static func append(_ value: UInt32, to bytes: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func append(_ value: Double, to bytes: inout Data) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
