import Foundation

extension NetworkCSV {
    /// Turns the folder's CSV texts into a network document, collecting every problem with its place,
    /// and remembers where each part of the document came from so that the validator's findings can
    /// be traced back to cells.
    struct Reader {
        private(set) var problems: [Diagnostic] = []
        /// A JSON path as the validator writes it (`links[3].to`) → its place (`links.csv:D5 (to)`).
        private var places: [String: String] = ["": "network.csv"]

        /// The place of a validator's JSON path: its own cell, else that of the nearest enclosing part.
        func place(of path: String) -> String {
            var candidate = Substring(path)
            while true {
                if let place = places[String(candidate)] { return place }
                guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { return places[""] ?? path }
                candidate = candidate[..<cut]
            }
        }

        mutating func document(_ files: [String: String]) -> JSONValue {
            var tables: [String: Table] = [:]
            for name in NetworkCSV.fileNames {
                guard let text = files[name] else { continue }
                if let table = parse(text, file: name) { tables[name] = table }
            }
            let unreadable = Set(files.keys).subtracting(tables.keys)
            guard let network = tables["network.csv"] else {
                if unreadable.contains("network.csv") { return .null }
                problems.append(Diagnostic(path: "network.csv", message: "missing: every network needs network.csv (key,value)"))
                return .null
            }
            if tables["nodes.csv"] == nil, !unreadable.contains("nodes.csv") {
                problems.append(Diagnostic(path: "nodes.csv", message: "missing: every network needs nodes.csv"))
            }
            var top: [String: JSONValue] = [:]
            let keyColumn = column("key", in: network, required: true)
            let valueColumn = column("value", in: network, required: true)
            if let keyColumn, let valueColumn {
                for row in network.rows {
                    let name = row.cells[keyColumn]
                    guard let field = NetworkCSV.topFields.first(where: { $0.column == name }) else {
                        problems.append(
                            Diagnostic(
                                path: network.place(row, keyColumn), message: "unknown key \"\(name)\"",
                                suggestion: Suggestion.closest(to: name, among: NetworkCSV.topFields.map(\.column))))
                        continue
                    }
                    if top[field.key] != nil {
                        problems.append(Diagnostic(path: network.place(row, keyColumn), message: "\"\(name)\" is given twice"))
                    }
                    let path = JSONPath.root.appending(field.key).description
                    places[path] = network.place(row, valueColumn)
                    if row.cells[valueColumn].isEmpty { continue }  // a key left out
                    if let value = decode(row.cells[valueColumn], as: field.kind, at: network.place(row, valueColumn)) {
                        top[field.key] = value
                    }
                }
            }
            var arrays: [String: [JSONValue]] = [:]
            var elementKinds: [String: String] = [:]  // node or link id → "nodes" / "links"
            var scenarioIndex: [String: Int] = [:]
            for layout in NetworkCSV.elementTables {
                guard let table = tables[layout.file] else { continue }
                let columns = layout.fields.map { column($0.column, in: table, required: false) }
                for name in table.header where !layout.fields.contains(where: { $0.column == name }) {
                    problems.append(
                        Diagnostic(
                            path: table.place(headerOf: name), message: "unknown column \"\(name)\"",
                            suggestion: Suggestion.closest(to: name, among: layout.fields.map(\.column))))
                }
                var items: [JSONValue] = []
                for row in table.rows {
                    let path = JSONPath.root.appending(layout.key).appending(items.count)
                    places[path.description] = table.place(row)
                    var entries: [(key: String, value: JSONValue)] = []
                    for (field, column) in zip(layout.fields, columns) {
                        guard let column, !row.cells[column].isEmpty else { continue }
                        let place = table.place(row, column)
                        places[path.appending(field.key).description] = place
                        if let value = decode(row.cells[column], as: field.kind, at: place) { entries.append((field.key, value)) }
                    }
                    if let id = entries.first(where: { $0.key == "id" })?.value, case .string(let text) = id {
                        if layout.key == "nodes" || layout.key == "links" { elementKinds[text] = layout.key }
                        if layout.key == "scenarios" { scenarioIndex[text] = items.count }
                    }
                    items.append(.object(entries))
                }
                if !items.isEmpty { arrays[layout.key] = items }
            }
            if let table = tables["commodity_terms.csv"] {
                readTerms(table, kinds: elementKinds, scenarios: scenarioIndex, into: &arrays)
            }
            if let table = tables["scenario_changes.csv"] { readChanges(table, scenarios: scenarioIndex, into: &arrays) }
            var document: [(key: String, value: JSONValue)] = []
            for key in ["format", "name", "unit", "period", "currency", "valueOfTimePerHour", "unservedPenalty"] {
                if let value = top[key] { document.append((key, value)) }
            }
            for key in ["commodities", "nodes", "links", "demands", "scenarios", "uncertainty"] {
                if let items = arrays[key] { document.append((key, .array(items))) } else if key == "nodes" { document.append((key, .array([]))) }
            }
            if let meta = top["meta"] { document.append(("meta", meta)) }
            return .object(document)
        }

        /// `commodity_terms.csv`: each row adds `{commodity: {cost, hours}}` (`handlingCost`, `dwellHours` at
        /// a node) to the element's `perCommodity`, or to its scenario's.
        private mutating func readTerms(
            _ table: Table, kinds: [String: String], scenarios: [String: Int], into arrays: inout [String: [JSONValue]]
        ) {
            let scenarioColumn = column("scenario", in: table, required: false)
            guard let idColumn = column("id", in: table, required: true),
                let commodityColumn = column("commodity", in: table, required: true)
            else { return }
            let costColumn = column("cost", in: table, required: false)
            let hoursColumn = column("hours", in: table, required: false)
            reportUnknownColumns(table, known: NetworkCSV.termColumns.map(\.name))
            for row in table.rows {
                let id = row.cells[idColumn]
                let scenario = scenarioColumn.map { row.cells[$0] } ?? ""
                guard let kind = kinds[id] else {
                    problems.append(
                        Diagnostic(
                            path: table.place(row, idColumn), message: "unknown node or link \"\(id)\"",
                            suggestion: Suggestion.closest(to: id, among: kinds.keys.sorted())))
                    continue
                }
                var terms: [(key: String, value: JSONValue)] = []
                for (column, key) in [(costColumn, kind == "nodes" ? "handlingCost" : "cost"), (hoursColumn, kind == "nodes" ? "dwellHours" : "hours")] {
                    guard let column, !row.cells[column].isEmpty else { continue }
                    if let value = decode(row.cells[column], as: .number, at: table.place(row, column)) { terms.append((key, value)) }
                }
                let commodity = row.cells[commodityColumn]
                if scenario.isEmpty {
                    guard let index = arrays[kind]?.firstIndex(where: { $0["id"] == .string(id) }) else { continue }
                    let path = JSONPath.root.appending(kind).appending(index).appending("perCommodity").appending(commodity)
                    places[path.description] = table.place(row)
                    let element = arrays[kind]![index]
                    arrays[kind]![index] = adding(commodity, .object(terms), under: "perCommodity", to: element)
                } else {
                    guard let index = scenarioIndex(scenario, table: table, row: row, column: scenarioColumn, scenarios: scenarios) else { continue }
                    let path = JSONPath.root.appending("scenarios").appending(index).appending("perCommodity").appending(id)
                    places[path.description] = table.place(row)
                    var scenarioObject = arrays["scenarios"]![index]
                    let existing = scenarioObject["perCommodity"]?[id] ?? .object([])
                    scenarioObject = replacing(id, with: adding(commodity, .object(terms), to: existing), under: "perCommodity", in: scenarioObject)
                    arrays["scenarios"]![index] = scenarioObject
                }
            }
        }

        /// `scenario_changes.csv`: each row adds one override to its scenario.
        private mutating func readChanges(_ table: Table, scenarios: [String: Int], into arrays: inout [String: [JSONValue]]) {
            guard let scenarioColumn = column("scenario", in: table, required: true),
                let changeColumn = column("change", in: table, required: true),
                let idColumn = column("id", in: table, required: true)
            else { return }
            let valueColumn = column("value", in: table, required: false)
            reportUnknownColumns(table, known: NetworkCSV.changeColumns.map(\.name))
            var changes: [Int: [String: [(id: String, value: JSONValue?)]]] = [:]
            for row in table.rows {
                let name = row.cells[changeColumn]
                guard let change = NetworkCSV.scenarioChanges.first(where: { $0.name == name }) else {
                    problems.append(
                        Diagnostic(
                            path: table.place(row, changeColumn), message: "unknown change \"\(name)\"",
                            suggestion: Suggestion.closest(to: name, among: NetworkCSV.scenarioChanges.map(\.name))))
                    continue
                }
                guard let index = scenarioIndex(row.cells[scenarioColumn], table: table, row: row, column: scenarioColumn, scenarios: scenarios)
                else { continue }
                let id = row.cells[idColumn]
                var entries = changes[index]?[change.key] ?? []
                let path = JSONPath.root.appending("scenarios").appending(index).appending(change.key)
                if change.key == "enable" || change.key == "disable" {
                    places[path.appending(entries.count).description] = table.place(row, idColumn)
                    entries.append((id, nil))
                } else {
                    let cell = valueColumn.map { row.cells[$0] } ?? ""
                    let place = valueColumn.map { table.place(row, $0) } ?? table.place(row)
                    places[path.appending(id).description] = place
                    if cell.isEmpty && change.kind != .capacity {
                        problems.append(Diagnostic(path: place, message: "a \(name) change needs a value"))
                        continue
                    }
                    guard let value = cell.isEmpty ? JSONValue.null : decode(cell, as: change.kind, at: place) else { continue }
                    entries.append((id, value))
                }
                changes[index, default: [:]][change.key] = entries
            }
            for (index, byKey) in changes {
                var scenario = arrays["scenarios"]![index]
                guard case .object(var members) = scenario else { continue }
                for change in NetworkCSV.scenarioChanges {
                    guard let entries = byKey[change.key] else { continue }
                    let value: JSONValue =
                        change.key == "enable" || change.key == "disable"
                        ? .array(entries.map { .string($0.id) })
                        : .object(entries.map { ($0.id, $0.value ?? .null) })
                    members.append((change.key, value))
                }
                scenario = .object(members)
                arrays["scenarios"]![index] = scenario
            }
        }

        private mutating func scenarioIndex(
            _ id: String, table: Table, row: Table.Row, column: Int?, scenarios: [String: Int]
        ) -> Int? {
            if let index = scenarios[id] { return index }
            problems.append(
                Diagnostic(
                    path: column.map { table.place(row, $0) } ?? table.place(row),
                    message: id.isEmpty ? "no scenario given" : "unknown scenario \"\(id)\" (not in scenarios.csv)",
                    suggestion: Suggestion.closest(to: id, among: scenarios.keys.sorted())))
            return nil
        }

        private mutating func reportUnknownColumns(_ table: Table, known: [String]) {
            for name in table.header where !known.contains(name) {
                problems.append(
                    Diagnostic(
                        path: table.place(headerOf: name), message: "unknown column \"\(name)\"",
                        suggestion: Suggestion.closest(to: name, among: known)))
            }
        }

        // MARK: Cells

        /// The JSON value a cell holds, or `nil` (and a problem) when it holds none of that kind.
        private mutating func decode(_ cell: String, as kind: Kind, at place: String) -> JSONValue? {
            func fail(_ message: String) -> JSONValue? {
                problems.append(Diagnostic(path: place, message: message))
                return nil
            }
            switch kind {
            case .text: return .string(cell)
            case .number:
                guard let number = Self.number(cell) else {
                    return fail("not a number: \"\(cell)\"" + (cell.contains(",") ? " (write decimals with a point)" : ""))
                }
                return .number(number)
            case .boolean:
                switch cell.lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: return fail("not true or false: \"\(cell)\"")
                }
            case .ids:
                let ids = cell.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                if ids.contains(where: \.isEmpty) { return fail("an empty id in the list \"\(cell)\" (ids are joined by ;)") }
                return .array(ids.map(JSONValue.string))
            case .capacity:
                if let number = Self.number(cell) { return .number(number) }
                var limits: [(key: String, value: JSONValue)] = []
                for part in cell.split(separator: ";", omittingEmptySubsequences: false) {
                    let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard pair.count == 2, !pair[0].isEmpty, let value = Self.number(pair[1]) else {
                        return fail("not a capacity: \"\(cell)\" (a number, or limits like trains=28;TEU=1500)")
                    }
                    limits.append((pair[0], .number(value)))
                }
                return .object(limits)
            case .json:
                do {
                    return try JSONParser.parse(Array(cell.utf8)).plainValue
                } catch {
                    return fail("not JSON: \(error.message) at character \(error.offset + 1)")
                }
            }
        }

        /// A finite number written as JSON or a spreadsheet writes it (`12`, `-0.5`, `1e5`), spaces around allowed.
        private static func number(_ cell: String) -> Double? {
            let text = cell.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, text.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) }),
                let number = Double(text), number.isFinite
            else { return nil }
            return number
        }

        // MARK: Tables

        /// One CSV file: its header and rows, cells already freed of formula apostrophes.
        struct Table {
            struct Row {
                let number: Int
                let cells: [String]
            }

            let file: String
            let header: [String]
            let rows: [Row]

            /// `nodes.csv:C5 (kind)`.
            func place(_ row: Row, _ column: Int) -> String {
                "\(file):\(Self.letters(column))\(row.number) (\(header[column]))"
            }

            func place(_ row: Row) -> String { "\(file):\(row.number)" }

            func place(headerOf name: String) -> String {
                "\(file):\(Self.letters(header.firstIndex(of: name) ?? 0))1"
            }

            /// A, B, …, Z, AA, AB…: a column as spreadsheets name it.
            static func letters(_ index: Int) -> String {
                var index = index
                var text = ""
                repeat {
                    text = String(UnicodeScalar(UInt8(65 + index % 26))) + text
                    index = index / 26 - 1
                } while index >= 0
                return text
            }
        }

        private mutating func parse(_ text: String, file: String) -> Table? {
            let records: [CSVRecords.Record]
            do {
                records = try CSVRecords.parse(text)
            } catch {
                problems.append(Diagnostic(path: "\(file):\(error.row)", message: error.message))
                return nil
            }
            guard let head = records.first else {
                problems.append(Diagnostic(path: file, message: "empty: the first row names the columns"))
                return nil
            }
            let header = head.cells.map { $0.trimmingCharacters(in: .whitespaces) }
            var seen = Set<String>()
            for (index, name) in header.enumerated() where !seen.insert(name).inserted || name.isEmpty {
                problems.append(
                    Diagnostic(
                        path: "\(file):\(Table.letters(index))\(head.row)",
                        message: name.isEmpty ? "a column without a name" : "the column \"\(name)\" appears twice"))
            }
            var rows: [Table.Row] = []
            for record in records.dropFirst() {
                if record.cells.count > header.count, record.cells[header.count...].contains(where: { !$0.isEmpty }) {
                    problems.append(
                        Diagnostic(
                            path: "\(file):\(record.row)",
                            message: "\(record.cells.count) cells, but the header names \(header.count) columns"))
                    continue
                }
                let cells = (0..<header.count).map { $0 < record.cells.count ? CSVField.text(ofField: record.cells[$0]) : "" }
                rows.append(Table.Row(number: record.row, cells: cells))
            }
            return Table(file: file, header: header, rows: rows)
        }

        /// The index of a column, or `nil` (and, when `required`, a problem) when the header lacks it.
        private mutating func column(_ name: String, in table: Table, required: Bool) -> Int? {
            if let index = table.header.firstIndex(of: name) { return index }
            if required { problems.append(Diagnostic(path: "\(table.file):1", message: "no column \"\(name)\"")) }
            return nil
        }

        // MARK: Objects

        /// `object` with `value` under `key` inside its member `member` (created if missing).
        private func adding(_ key: String, _ value: JSONValue, under member: String, to object: JSONValue) -> JSONValue {
            replacing(member, with: adding(key, value, to: object[member] ?? .object([])), under: nil, in: object)
        }

        private func adding(_ key: String, _ value: JSONValue, to object: JSONValue) -> JSONValue {
            guard case .object(let members) = object else { return object }
            return .object(members + [(key, value)])
        }

        /// `object` with `key` set to `value` (inside its member `member` when given), in place or at the end.
        private func replacing(_ key: String, with value: JSONValue, under member: String?, in object: JSONValue) -> JSONValue {
            guard case .object(var members) = object else { return object }
            if let member {
                let inner = replacing(key, with: value, under: nil, in: object[member] ?? .object([]))
                return replacing(member, with: inner, under: nil, in: object)
            }
            if let index = members.firstIndex(where: { $0.key == key }) { members[index].value = value } else { members.append((key, value)) }
            return .object(members)
        }
    }
}
