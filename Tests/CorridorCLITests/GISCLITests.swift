import CorridorTestSupport
import Foundation
import Testing

private let tiny = CLIRunner.path("networks/tiny.json")

private let gdal = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }
    .map { (ogrinfo: $0, ogr2ogr: ($0 as NSString).deletingLastPathComponent + "/ogr2ogr") }

/// `allocate` and `compare` as GIS layers: a folder of GeoJSON files and a GeoPackage, read back by
/// Foundation's JSON parser, Python's sqlite3 and GDAL (ogrinfo, ogr2ogr) rather than by our writers.
@Suite struct GISCLITests {
    private func run(_ arguments: [String]) throws -> CLIResult {
        let result = try CLIRunner.run(arguments)
        #expect(result.exitCode == 0, "\(result.standardError)")
        return result
    }

    private func target(_ name: String) throws -> String { try TemporaryFiles.folder("corridor-gis").appendingPathComponent(name).path }

    @Test func geoJSONIsAFolderOfSingleTypeLayersWithUniqueIDs() throws {
        let output = try target("layers")
        try run(["allocate", tiny, "--scenario", "third-crossing", "--format", "geojson", "--output", output])
        let names = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        #expect(names == ["corridor-manifest.json", "links.geojson", "nodes.geojson", "routes.geojson"])
        var counts: [String: Int] = [:]
        for (layer, geometry) in [("nodes", "Point"), ("links", "LineString"), ("routes", "LineString")] {
            let text = try String(contentsOfFile: "\(output)/\(layer).geojson", encoding: .utf8)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(document["type"] as? String == "FeatureCollection")
            #expect(document["name"] as? String == layer)
            let features = try #require(document["features"] as? [[String: Any]])
            #expect(features.allSatisfy { ($0["geometry"] as? [String: Any])?["type"] as? String == geometry }, "\(layer)")
            let ids = features.compactMap { $0["id"] as? String }
            #expect(ids.count == features.count && Set(ids).count == ids.count, "\(layer) ids are unique")
            // Real fields keep a fraction even when whole, so a GIS reads the same type from every run.
            #expect(text.range(of: #""flow": -?[0-9]+[,}]"#, options: .regularExpression) == nil, "\(layer)")
            counts[layer] = features.count
            if layer == "nodes" {
                let xian = features.first { $0["id"] as? String == "xian" }
                #expect((xian?["geometry"] as? [String: Any])?["coordinates"] as? [Double] == [109.06, 34.41])
            }
            if layer == "links" { #expect(ids.contains("urumqi-khorgos:forward") && ids.contains("urumqi-khorgos:reverse")) }
        }
        // third-crossing: 8 nodes, 10 link directions (urumqi-khorgos counts twice).
        #expect(counts["nodes"] == 8 && counts["links"] == 10)
    }

    @Test func geoJSONAndGeoPackageNeedAnOutput() throws {
        for format in ["geojson", "gpkg"] {
            let result = try CLIRunner.run(["allocate", tiny, "--format", format])
            #expect(result.exitCode == 2)
            #expect(result.standardError.contains("--output"), "\(result.standardError)")
        }
    }

    @Test func nodesWithoutCoordinatesAreNamedAndLeftOut() throws {
        let text = try String(contentsOfFile: tiny, encoding: .utf8)
            .replacingOccurrences(of: "\"lat\": 43.83, \"lon\": 87.62", with: "\"meta\": {}")
        let network = try TemporaryFiles.file(text, name: "no-urumqi-position.json")
        let output = try target("layers")
        let result = try run(["allocate", network, "--format", "geojson", "--output", output])
        #expect(result.standardError.contains("1 node(s) without coordinates left out with their links and routes: urumqi"))
        let nodes = try String(contentsOfFile: "\(output)/nodes.geojson", encoding: .utf8)
        #expect(!nodes.contains("\"urumqi\"") && nodes.contains("\"xian\""))
    }

    @Test func geoPackageIsAnSQLiteDatabaseWithTheStandardsTables() throws {
        let file = try target("tiny.gpkg")
        try run(["allocate", tiny, "--format", "gpkg", "--output", file])
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(db.execute("PRAGMA application_id").fetchone()[0], db.execute("PRAGMA user_version").fetchone()[0])
            print(db.execute("PRAGMA integrity_check").fetchone()[0])
            for row in db.execute("SELECT table_name, geometry_type_name, srs_id FROM gpkg_geometry_columns ORDER BY table_name"):
                print(*row)
            print(db.execute("SELECT count(*) FROM links").fetchone()[0], db.execute("SELECT typeof(flow) FROM links LIMIT 1").fetchone()[0])
            """
        let (status, output) = try ExternalProgram.run("/usr/bin/env", ["python3", "-c", script, file])
        #expect(status == 0, "\(output)")
        #expect(output == "1196444487 10300\nok\nlinks LINESTRING 4326\nnodes POINT 4326\nroutes LINESTRING 4326\n8 real\n")
    }

    @Test(.enabled(if: gdal != nil, "gdal-bin (ogrinfo, ogr2ogr) is not installed: the GeoPackage is not opened by GDAL"))
    func gdalListsTheLayersAndConvertsThemToShapefiles() throws {
        let tools = try #require(gdal)
        let file = try target("china-europe.gpkg")
        try run(["compare", "--baseline", "baseline", "--scenario", "third-crossing", "--format", "gpkg", "--output", file])
        let (status, layers) = try ExternalProgram.run(tools.ogrinfo, ["-ro", "-q", file])
        #expect(status == 0, "\(layers)")
        #expect(
            layers.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } == [
                "1: nodes (Point)", "2: links (Line String)", "3: routes (Line String)", "4: link_changes (Line String)",
            ], "\(layers)")
        let (_, summary) = try ExternalProgram.run(tools.ogrinfo, ["-ro", "-so", file, "links"])
        #expect(summary.contains("flow: Real") && summary.contains("shadow_price: Real"), "\(summary)")
        let count = summary.split(separator: "\n").first { $0.hasPrefix("Feature Count:") }
        let shapefiles = try target("shapefiles")
        let (converted, log) = try ExternalProgram.run(
            tools.ogr2ogr, ["-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shapefiles, file])
        #expect(converted == 0, "\(log)")
        for layer in ["nodes", "links", "routes", "link_changes"] {
            #expect(FileManager.default.fileExists(atPath: "\(shapefiles)/\(layer).shp"), "\(layer)")
        }
        let (_, shapeSummary) = try ExternalProgram.run(tools.ogrinfo, ["-ro", "-so", "\(shapefiles)/links.shp", "links"])
        #expect(shapeSummary.split(separator: "\n").first { $0.hasPrefix("Feature Count:") } == count, "\(shapeSummary)")
    }
}
