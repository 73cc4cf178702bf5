import Foundation

/// A network from GMNS files (the General Modeling Network Specification, zephyr-data-specs/GMNS):
/// `node.csv` and `link.csv`, with `config.csv` for units, turned into the CSV layout's `nodes.csv` and
/// `links.csv` and read like any folder of that layout (``NetworkCSV``), so the folder may also hold
/// `network.csv`, `demands.csv`, `scenarios.csv` and the rest, which GMNS has no tables for.
///
/// Read: `node_id`, `name`, `x_coord` (longitude), `y_coord` (latitude), `node_type` (a corridor kind,
/// else `junction`); `link_id`, `name`, `from_node_id`, `to_node_id`, `directed` (false: one
/// bidirectional link), `length` (in `config.csv`'s `long_length`: km by default, `mi`, `m`, `ft`),
/// `free_speed` (in `speed`: km/h by default, or mph; gives the hours), and the mode from
/// `allowed_uses`/`facility_type` (`rail` or `ferry` when named, else `road`). Other columns, GMNS's
/// per-lane capacity among them, are left out. Problems are reported at GMNS's own rows and columns.
public enum GMNSImport {
    public static func read(folder: String) throws(NetworkValidationError) -> (network: Network, document: JSONValue) {
        var problems: [Diagnostic] = []
        let names = ["node.csv", "link.csv", "config.csv"] + NetworkCSV.fileNames.filter { $0 != "nodes.csv" && $0 != "links.csv" }
        let texts = NetworkCSV.texts(of: names, in: folder, problems: &problems)
        guard problems.isEmpty else { throw NetworkValidationError(source: folder, diagnostics: problems) }
        return try read(files: texts, source: folder)
    }

    /// Reads GMNS texts by file name (see ``read(folder:)``).
    public static func read(files: [String: String], source: String) throws(NetworkValidationError)
        -> (network: Network, document: JSONValue)
    {
        var converter = Converter()
        let layout = converter.convert(files)
        if !converter.problems.isEmpty { throw NetworkValidationError(source: source, diagnostics: converter.problems) }
        do {
            return try NetworkCSV.read(files: layout, source: source)
        } catch {
            throw NetworkValidationError(
                source: source,
                diagnostics: error.diagnostics.map {
                    Diagnostic(path: converter.gmnsPlace(of: $0.path), message: $0.message, suggestion: $0.suggestion)
                })
        }
    }

    /// Turns GMNS tables into the layout's `nodes.csv` and `links.csv`, remembering which GMNS row and
    /// column each cell came from.
    private struct Converter {
        var problems: [Diagnostic] = []
        /// Layout file → its row number → the GMNS file's row number.
        private var rows: [String: [Int: Int]] = [:]
        /// Layout file → layout column → GMNS column.
        private static let columns = [
            "nodes.csv": ["id": "node_id", "name": "name", "kind": "node_type", "lat": "y_coord", "lon": "x_coord"],
            "links.csv": [
                "id": "link_id", "name": "name", "from": "from_node_id", "to": "to_node_id", "mode": "allowed_uses",
                "length_km": "length", "hours": "free_speed", "bidirectional": "directed",
            ],
        ]
        private static let sources = ["nodes.csv": "node.csv", "links.csv": "link.csv"]

        /// `links.csv:C5 (from)` → `link.csv:5 (from_node_id)`; other places as they are.
        func gmnsPlace(of place: String) -> String {
            for (layout, gmns) in Self.sources where place.hasPrefix(layout + ":") {
                let rest = place.dropFirst(layout.count + 1)
                let digits = rest.drop { $0.isLetter }.prefix { $0.isNumber }
                guard let row = Int(digits), let original = rows[layout]?[row] else { return place }
                var text = "\(gmns):\(original)"
                if let open = rest.firstIndex(of: "("), let close = rest.lastIndex(of: ")"), open < close {
                    let column = String(rest[rest.index(after: open)..<close])
                    text += " (\(Self.columns[layout]?[column] ?? column))"
                }
                return text
            }
            return place
        }

        mutating func convert(_ files: [String: String]) -> [String: String] {
            var layout = files.filter { NetworkCSV.fileNames.contains($0.key) }
            let configTable = table("config.csv", files)
            let config = configTable?.rows.first
            var kilometresPerUnit = 1.0
            var speedInKilometres = 1.0
            if let configTable, let config {
                if let unit = configTable.value("long_length", in: config), !unit.isEmpty {
                    switch unit.lowercased() {
                    case "km", "kilometer", "kilometers", "kilometre", "kilometres": kilometresPerUnit = 1
                    case "mi", "mile", "miles": kilometresPerUnit = 1.609344
                    case "m", "meter", "meters", "metre", "metres": kilometresPerUnit = 0.001
                    case "ft", "foot", "feet": kilometresPerUnit = 0.0003048
                    default: problems.append(configTable.problem(config, "long_length", "unknown length unit \"\(unit)\" (km, mi, m or ft)"))
                    }
                }
                if let unit = configTable.value("speed", in: config), !unit.isEmpty {
                    switch unit.lowercased() {
                    case "kph", "km/h", "kmh", "kmph": speedInKilometres = 1
                    case "mph": speedInKilometres = 1.609344
                    default: problems.append(configTable.problem(config, "speed", "unknown speed unit \"\(unit)\" (kph or mph)"))
                    }
                }
                if let crs = configTable.value("crs", in: config), !crs.isEmpty,
                    !["epsg:4326", "4326", "wgs84", "wgs 84", "ogc:crs84"].contains(crs.lowercased())
                {
                    problems.append(configTable.problem(config, "crs", "coordinates must be longitude and latitude (EPSG:4326), not \"\(crs)\""))
                }
            }
            if layout["network.csv"] == nil {
                let name = configTable.flatMap { table in config.flatMap { table.value("dataset_name", in: $0) } } ?? ""
                layout["network.csv"] = [
                    "key,value", "format,corridor-network/1", CSVField.row(["name", name.isEmpty ? "GMNS network" : name]),
                    "unit,TEU", "period,day", "currency,USD",
                ].joined(separator: "\r\n") + "\r\n"
            }
            if let nodes = table("node.csv", files, required: true) {
                var out = CSVTable("nodes.csv", ["id", "name", "kind", "lat", "lon"].map { CSVColumn($0, "") })
                var map: [Int: Int] = [:]
                for row in nodes.rows {
                    let type = nodes.value("node_type", in: row) ?? ""
                    let kind = NodeKind(rawValue: type) != nil ? type : "junction"
                    out.append([
                        nodes.value("node_id", in: row) ?? "", nodes.value("name", in: row) ?? "", kind,
                        nodes.value("y_coord", in: row) ?? "", nodes.value("x_coord", in: row) ?? "",
                    ])
                    map[map.count + 2] = row.row
                }
                rows["nodes.csv"] = map
                layout["nodes.csv"] = out.text
            }
            if let links = table("link.csv", files, required: false) {
                var out = CSVTable(
                    "links.csv", ["id", "name", "from", "to", "mode", "length_km", "hours", "bidirectional"].map { CSVColumn($0, "") })
                var map: [Int: Int] = [:]
                for row in links.rows {
                    let uses = ((links.value("allowed_uses", in: row) ?? "") + " " + (links.value("facility_type", in: row) ?? "")).lowercased()
                    let mode = uses.contains("rail") ? "rail" : uses.contains("ferry") ? "ferry" : "road"
                    var length = ""
                    var hours = ""
                    if let text = links.value("length", in: row), !text.isEmpty {
                        if let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite {
                            length = JSONValue.format((value * kilometresPerUnit).rounded(significantDigits: 12))
                            if let speedText = links.value("free_speed", in: row), !speedText.isEmpty {
                                if let speed = Double(speedText.trimmingCharacters(in: .whitespaces)), speed.isFinite, speed > 0 {
                                    hours = JSONValue.format((value * kilometresPerUnit / (speed * speedInKilometres)).rounded(significantDigits: 12))
                                } else {
                                    problems.append(links.problem(row, "free_speed", "not a positive number: \"\(speedText)\""))
                                }
                            }
                        } else {
                            problems.append(links.problem(row, "length", "not a number: \"\(text)\""))
                        }
                    }
                    var bidirectional = ""
                    if let directed = links.value("directed", in: row), !directed.isEmpty {
                        switch directed.lowercased() {
                        case "true", "1", "yes": bidirectional = "false"
                        case "false", "0", "no": bidirectional = "true"
                        default: problems.append(links.problem(row, "directed", "not true or false: \"\(directed)\""))
                        }
                    } else {
                        problems.append(links.problem(row, "directed", "GMNS requires directed (true or false)"))
                    }
                    out.append([
                        links.value("link_id", in: row) ?? "", links.value("name", in: row) ?? "",
                        links.value("from_node_id", in: row) ?? "", links.value("to_node_id", in: row) ?? "", mode, length, hours,
                        bidirectional,
                    ])
                    map[map.count + 2] = row.row
                }
                rows["links.csv"] = map
                layout["links.csv"] = out.text
            }
            return layout
        }

        /// A GMNS file's header and rows; `nil` (and a problem when `required`) when it is missing or broken.
        private mutating func table(_ name: String, _ files: [String: String], required: Bool = false) -> GMNSTable? {
            guard let text = files[name] else {
                if required { problems.append(Diagnostic(path: name, message: "missing: a GMNS network needs \(name)")) }
                return nil
            }
            do {
                let records = try CSVRecords.parse(text)
                guard let header = records.first else {
                    problems.append(Diagnostic(path: name, message: "empty: the first row names the columns"))
                    return nil
                }
                return GMNSTable(file: name, header: header.cells.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()))
            } catch {
                problems.append(Diagnostic(path: "\(name):\(error.row)", message: error.message))
                return nil
            }
        }
    }

    private struct GMNSTable {
        let file: String
        let header: [String]
        let rows: [CSVRecords.Record]

        func value(_ column: String, in row: CSVRecords.Record) -> String? {
            guard let index = header.firstIndex(of: column) else { return nil }
            return index < row.cells.count ? CSVField.text(ofField: row.cells[index]) : ""
        }

        func problem(_ row: CSVRecords.Record, _ column: String, _ message: String) -> Diagnostic {
            Diagnostic(path: "\(file):\(row.row) (\(column))", message: message)
        }
    }
}
