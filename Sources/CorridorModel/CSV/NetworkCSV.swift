import Foundation

/// A network as a folder of CSV files a spreadsheet edits (networks/FORMAT.md, "CSV layout"), read into
/// the same JSON document a network file holds and written back from it without loss.
///
/// Files: `network.csv` (`key,value`), `nodes.csv`, `links.csv`, `demands.csv`, `commodities.csv`,
/// `scenarios.csv` and `uncertainty.csv` (a row per element, a column per key), `scenario_changes.csv` (a row per override of
/// a scenario) and `commodity_terms.csv` (a row per commodity's own terms at an element, of the file or
/// of a scenario). Only `network.csv` and `nodes.csv` are required. A cell left empty is a key left
/// out. Every problem is reported with its place: `links.csv:D7 (to)`, the file, the cell as a
/// spreadsheet names it and the column; problems the network's validator finds are traced back the
/// same way.
public enum NetworkCSV {
    /// The folder's data dictionary: a row per column of each file, with its unit and meaning.
    public static let dictionaryName = "dictionary.csv"

    // MARK: Writing

    /// The files of a network document (one read from a valid network file), `dictionary.csv` last.
    ///
    /// - Throws: ``NetworkCSVError`` when a list of ids cannot be one cell (an id holds `;`).
    public static func files(of document: JSONValue) throws(NetworkCSVError) -> [(name: String, contents: String)] {
        var tables: [CSVTable] = []
        var network = CSVTable("network.csv", networkColumns)
        for field in topFields {
            network.append([field.column, try field.kind.cell(document[field.key], at: field.column) ?? ""])
        }
        tables.append(network)
        for layout in elementTables {
            var table = CSVTable(layout.file, layout.fields.map(\.csvColumn))
            for element in document[layout.key]?.arrayItems ?? [] {
                var cells: [String] = []
                for field in layout.fields {
                    cells.append(try field.kind.cell(element[field.key], at: "\(layout.file) \(field.column)") ?? "")
                }
                table.append(cells)
            }
            tables.append(table)
        }
        var changes = CSVTable("scenario_changes.csv", changeColumns)
        var terms = CSVTable("commodity_terms.csv", termColumns)
        for kind in ["nodes", "links"] {
            for element in document[kind]?.arrayItems ?? [] {
                appendTerms(element["perCommodity"], scenario: "", id: element["id"]?.stringValue ?? "", to: &terms)
            }
        }
        for scenario in document["scenarios"]?.arrayItems ?? [] {
            let id = scenario["id"]?.stringValue ?? ""
            for change in scenarioChanges {
                switch scenario[change.key] {
                case .array(let items)?:
                    for item in items { changes.append([id, change.name, item.stringValue ?? "", ""]) }
                case .object(let entries)?:
                    for entry in entries {
                        let value = try change.kind.cell(entry.value, at: "scenario_changes.csv value")
                        changes.append([id, change.name, entry.key, value ?? ""])
                    }
                default: break
                }
            }
            if case .object(let entries)? = scenario["perCommodity"] {
                for entry in entries { appendTerms(entry.value, scenario: id, id: entry.key, to: &terms) }
            }
        }
        tables += [changes, terms]
        return (tables + [CSVTable.dictionary(of: tables)]).map(\.file)
    }

    /// One row per commodity of an element's `perCommodity` object.
    private static func appendTerms(_ value: JSONValue?, scenario: String, id: String, to table: inout CSVTable) {
        guard case .object(let entries)? = value else { return }
        for entry in entries {
            let cost = entry.value["cost"] ?? entry.value["handlingCost"]
            let hours = entry.value["hours"] ?? entry.value["dwellHours"]
            table.append([scenario, id, entry.key, cost.map(number) ?? "", hours.map(number) ?? ""])
        }
    }

    private static func number(_ value: JSONValue) -> String {
        if case .number(let number) = value { return JSONValue.format(number) }
        return ""
    }

    /// The files of a network file, which must be valid (see ``files(of:)``).
    public static func files(ofNetworkAt path: String) throws -> [(name: String, contents: String)] {
        _ = try NetworkReader.read(path: path)
        let bytes = try InputFile.read(path: path)
        return try files(of: try JSONParser.parse(bytes.array).plainValue)
    }

    // MARK: Reading

    /// Reads the folder's CSV files into a network document and validates it.
    ///
    /// - Throws: ``NetworkValidationError`` with every problem at once, each at its file, cell and column.
    public static func read(folder: String) throws(NetworkValidationError) -> (network: Network, document: JSONValue) {
        var problems: [Diagnostic] = []
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in present.sorted() where name.lowercased().hasSuffix(".csv") && !fileNames.contains(name) && name != dictionaryName {
            problems.append(
                Diagnostic(
                    path: name, message: "not a file of the layout (\(fileNames.joined(separator: ", ")))",
                    suggestion: Suggestion.closest(to: name, among: fileNames)))
        }
        let files = texts(of: fileNames, in: folder, problems: &problems)
        guard problems.isEmpty else { throw NetworkValidationError(source: folder, diagnostics: problems) }
        return try read(files: files, source: folder)
    }

    /// The texts of those of the named files that are in the folder, by name; a file that cannot be read
    /// or is not UTF-8 is a problem at its name instead.
    static func texts(of names: [String], in folder: String, problems: inout [Diagnostic]) -> [String: String] {
        var texts: [String: String] = [:]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                guard let text = String(validating: try InputFile.read(path: path).array, as: UTF8.self) else {
                    problems.append(Diagnostic(path: name, message: "not UTF-8 text; save the sheet as CSV UTF-8"))
                    continue
                }
                texts[name] = text
            } catch {
                problems.append(Diagnostic(path: name, message: error.reason))
            }
        }
        return texts
    }

    /// Reads CSV texts by file name (see ``read(folder:)``).
    public static func read(files: [String: String], source: String) throws(NetworkValidationError)
        -> (network: Network, document: JSONValue)
    {
        var reader = Reader()
        let document = reader.document(files)
        if !reader.problems.isEmpty { throw NetworkValidationError(source: source, diagnostics: reader.problems) }
        let text = document.serialized(indent: nil)
        do {
            return (try NetworkReader.read(bytes: Array(text.utf8), source: source), document)
        } catch {
            throw NetworkValidationError(
                source: source,
                diagnostics: error.diagnostics.map { Diagnostic(path: reader.place(of: $0.path), message: $0.message, suggestion: $0.suggestion) })
        }
    }

    /// The files a folder may hold, in the order they are read.
    static let fileNames =
        ["network.csv"] + elementTables.map(\.file) + ["scenario_changes.csv", "commodity_terms.csv"]

    // MARK: Layout

    /// How a cell holds a JSON value.
    enum Kind {
        case text, number, boolean
        /// Ids joined by `;`.
        case ids
        /// A number (a limit in the network's unit), or limits `MEASURE=VALUE` joined by `;`
        /// (`trains=28;TEU=1500`); in a scenario change, empty is `null` (unlimited).
        case capacity
        /// JSON text (`meta`).
        case json

        /// The cell for a value; `nil` for a missing one.
        func cell(_ value: JSONValue?, at place: String) throws(NetworkCSVError) -> String? {
            guard let value else { return nil }
            switch (self, value) {
            case (_, .null): return ""
            case (.json, _): return value.serialized(indent: nil)
            case (_, .string(let text)): return text
            case (_, .number(let number)): return JSONValue.format(number)
            case (_, .bool(let flag)): return flag ? "true" : "false"
            case (.ids, .array(let items)):
                let ids = items.compactMap(\.stringValue)
                if let bad = ids.first(where: { $0.contains(";") }) {
                    throw NetworkCSVError(description: "\(place): the id \"\(bad)\" holds \";\", which separates ids in a cell")
                }
                return ids.joined(separator: ";")
            case (.capacity, .object(let limits)):
                return limits.map { "\($0.key)=\($0.value.numberValue.map(JSONValue.format) ?? "")" }.joined(separator: ";")
            default: return value.serialized(indent: nil)
            }
        }
    }

    struct Field {
        let column: String
        let key: String
        let kind: Kind
        let unit: String
        let meaning: String

        init(_ column: String, _ key: String, _ kind: Kind, _ unit: String, _ meaning: String) {
            self.column = column
            self.key = key
            self.kind = kind
            self.unit = unit
            self.meaning = meaning
        }

        /// A field of text, a count or a ratio: no unit.
        init(_ column: String, _ key: String, _ kind: Kind, _ meaning: String) { self.init(column, key, kind, "", meaning) }

        var csvColumn: CSVColumn { CSVColumn(column, unit, meaning) }
    }

    struct ElementTable {
        let file: String
        /// The document's array.
        let key: String
        let fields: [Field]
    }

    static let topFields: [Field] = [
        Field("format", "format", .text, "corridor-network/1, or /2 for commodities, limits and directions"),
        Field("name", "name", .text, "the network's name"),
        Field("unit", "unit", .text, "the flow unit of capacities and quantities, e.g. TEU"),
        Field("period", "period", .text, "the period of capacities and quantities, e.g. day"),
        Field("currency", "currency", .text, "the currency of costs, e.g. USD"),
        Field("value_of_time_per_hour", "valueOfTimePerHour", .number, "currency/unit/h", "money per unit per hour in transit or dwelling"),
        Field("unserved_penalty", "unservedPenalty", .number, "currency/unit", "money per unit of demand left unserved"),
        Field("meta", "meta", .json, "free-form notes as JSON text"),
    ]

    private static let networkColumns = [
        CSVColumn("key", "a top-level key of the network: format, name, unit, period, currency, value_of_time_per_hour, unserved_penalty or meta"),
        CSVColumn("value", "its value"),
    ]

    private static let capacityMeaning =
        "a number (in the network's unit), or limits MEASURE=VALUE joined by ; (trains=28;TEU=1500); empty = unlimited"

    static let elementTables: [ElementTable] = [
        ElementTable(file: "nodes.csv", key: "nodes", fields: [
            Field("id", "id", .text, "unique among nodes, links, demands and scenarios"),
            Field("name", "name", .text, "display name (default: the id)"),
            Field("kind", "kind", .text, "terminal, dry_port, crossing, port, junction or city"),
            Field("country", "country", .text, "ISO 3166-1 alpha-2 code, e.g. KZ"),
            Field("lat", "lat", .number, "degree", "latitude, −90…90 (with lon, or neither)"),
            Field("lon", "lon", .number, "degree", "longitude, −180…180"),
            Field("capacity", "capacity", .capacity, "unit/period", capacityMeaning),
            Field("handling_cost", "handlingCost", .number, "currency/unit", "cost per unit passing through"),
            Field("dwell_hours", "dwellHours", .number, "h", "hours each unit spends here"),
            Field("accepts", "accepts", .ids, "commodity ids that may pass, joined by ;; empty = all"),
            Field("status", "status", .text, "existing (default) or proposed: off unless a scenario enables it"),
            Field("meta", "meta", .json, "free-form notes as JSON text"),
        ]),
        ElementTable(file: "links.csv", key: "links", fields: [
            Field("id", "id", .text, "unique among nodes, links, demands and scenarios"),
            Field("name", "name", .text, "display name"),
            Field("from", "from", .text, "the node it starts at"),
            Field("to", "to", .text, "the node it ends at"),
            Field("mode", "mode", .text, "rail, ferry or road"),
            Field("length_km", "lengthKm", .number, "km", "length"),
            Field("hours", "hours", .number, "h", "transit time per unit"),
            Field("cost", "cost", .number, "currency/unit", "cost per unit"),
            Field("capacity", "capacity", .capacity, "unit/period", capacityMeaning + "; per direction"),
            Field("reverse_capacity", "reverseCapacity", .capacity, "unit/period", "the to → from direction's own capacity (bidirectional links)"),
            Field("bidirectional", "bidirectional", .boolean, "true: two arcs, one each way; empty or false: from → to only"),
            Field("accepts", "accepts", .ids, "commodity ids that may use it, joined by ;; empty = all"),
            Field("status", "status", .text, "existing (default) or proposed"),
            Field("meta", "meta", .json, "free-form notes as JSON text"),
        ]),
        ElementTable(file: "demands.csv", key: "demands", fields: [
            Field("id", "id", .text, "unique among nodes, links, demands and scenarios"),
            Field("origin", "origin", .text, "the node it starts at"),
            Field("destination", "destination", .text, "the node it goes to"),
            Field("quantity", "quantity", .number, "unit/period", "quantity per period (in its commodity's unit)"),
            Field("commodity", "commodity", .text, "its commodity's id (format /2)"),
            Field("unserved_penalty", "unservedPenalty", .number, "currency/unit", "its own penalty per unit unserved"),
            Field("meta", "meta", .json, "free-form notes as JSON text"),
        ]),
        ElementTable(file: "commodities.csv", key: "commodities", fields: [
            Field("id", "id", .text, "unique among every id of the network"),
            Field("name", "name", .text, "display name"),
            Field("unit", "unit", .text, "what its quantities count, e.g. TEU or t"),
            Field("per_train", "perTrain", .number, "unit/train", "units one train carries"),
            Field("per_vehicle", "perVehicle", .number, "unit/vehicle", "units one road vehicle carries"),
            Field("value_of_time_per_hour", "valueOfTimePerHour", .number, "currency/unit/h", "its own value of time"),
            Field("unserved_penalty", "unservedPenalty", .number, "currency/unit", "its own penalty per unit unserved"),
            Field("meta", "meta", .json, "free-form notes as JSON text"),
        ]),
        ElementTable(file: "scenarios.csv", key: "scenarios", fields: [
            Field("id", "id", .text, "unique; not baseline"),
            Field("name", "name", .text, "display name"),
            Field("demand_scale", "demandScale", .number, "factor on every demand quantity (default 1)"),
            Field("meta", "meta", .json, "free-form notes as JSON text"),
        ]),
        ElementTable(file: "uncertainty.csv", key: "uncertainty", fields: [
            Field("id", "id", .text, "unique among every id of the network"),
            Field("capacity", "capacity", .text, "the node or link whose limit it varies (or cost or demand_scale)"),
            Field("measure", "measure", .text, "the limit's measure: trains, vehicles or a unit; empty = the network's unit"),
            Field("direction", "direction", .text, "forward or reverse: one direction of a link; empty = both"),
            Field("cost", "cost", .text, "the link whose cost it varies"),
            Field("demand_scale", "demandScale", .boolean, "true: it varies the demand scale"),
            Field("uniform", "uniform", .json, "[low, high] as JSON text"),
            Field("triangular", "triangular", .json, "[low, mode, high] as JSON text"),
            Field("factor", "factor", .boolean, "true: the values multiply the scenario's own"),
            Field("meta", "meta", .json, "free-form notes as JSON text"),
        ]),
    ]

    /// The overrides of a scenario, one row each in `scenario_changes.csv`, in the order they are written.
    static let scenarioChanges: [(name: String, key: String, kind: Kind)] = [
        ("enable", "enable", .text), ("disable", "disable", .text), ("capacity", "capacity", .capacity),
        ("reverse_capacity", "reverseCapacity", .capacity), ("cost", "cost", .number), ("demand", "demand", .number),
        ("hours", "hours", .number), ("dwell_hours", "dwellHours", .number), ("accepts", "accepts", .ids),
        ("commodity_scale", "commodityScale", .number),
    ]

    static let changeColumns = [
        CSVColumn("scenario", "the scenario's id (a row of scenarios.csv)"),
        CSVColumn("change", scenarioChanges.map(\.name).joined(separator: ", ")),
        CSVColumn("id", "the element changed: a node, link, demand or commodity id"),
        CSVColumn(
            "value", "as in the column it overrides",
            "the new value (empty for enable and disable; for capacity, empty = unlimited)"),
    ]

    static let termColumns = [
        CSVColumn("scenario", "empty: the element's own terms; else the scenario that sets them"),
        CSVColumn("id", "a node or link"),
        CSVColumn("commodity", "the commodity the terms are for"),
        CSVColumn("cost", "currency/unit", "a link's cost, a node's handling cost, per unit of the commodity"),
        CSVColumn("hours", "h", "a link's transit hours, a node's dwell hours"),
    ]
}

/// A network that cannot be written as CSV.
public struct NetworkCSVError: Error, CustomStringConvertible {
    public let description: String
}

extension JSONValue {
    fileprivate var arrayItems: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    fileprivate var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    fileprivate var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }
}
