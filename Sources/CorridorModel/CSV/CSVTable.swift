/// A column of a CSV file corridor writes, with what the data dictionary says of it.
public struct CSVColumn: Sendable {
    public let name: String
    /// The unit of its values (`TEU/day`, `USD/TEU`), empty for text, counts and ratios.
    public let unit: String
    public let meaning: String

    public init(_ name: String, _ unit: String, _ meaning: String) {
        self.name = name
        self.unit = unit
        self.meaning = meaning
    }

    /// A column of text, a count or a ratio: no unit.
    public init(_ name: String, _ meaning: String) { self.init(name, "", meaning) }
}

/// One CSV file as RFC 4180 text: a header row of its columns' names, comma separated, CRLF line
/// ends, fields quoted and neutralised as ``CSVField`` does.
public struct CSVTable: Sendable {
    public let name: String
    public let columns: [CSVColumn]
    private var lines: [String]

    public init(_ name: String, _ columns: [CSVColumn]) {
        self.name = name
        self.columns = columns
        lines = [CSVField.row(columns.map(\.name))]
    }

    /// Adds a row; missing trailing cells are empty.
    public mutating func append(_ cells: [String]) {
        lines.append(CSVField.row(columns.indices.map { $0 < cells.count ? cells[$0] : "" }))
    }

    public var text: String { lines.map { $0 + "\r\n" }.joined() }

    /// The file's name and text, as a folder of tables takes them.
    public var file: (name: String, contents: String) { (name, text) }

    /// `dictionary.csv` for a folder of tables: a row per column of each file, `file,column,unit,meaning`,
    /// its own four columns last.
    public static func dictionary(of tables: [CSVTable]) -> CSVTable {
        var dictionary = CSVTable(
            "dictionary.csv",
            [
                CSVColumn("file", "the CSV file in this folder"), CSVColumn("column", "the column's name in its header"),
                CSVColumn("unit", "the unit of its values; empty for text, counts and ratios"),
                CSVColumn("meaning", "what a value of the column says"),
            ])
        for table in tables + [dictionary] {
            for column in table.columns { dictionary.append([table.name, column.name, column.unit, column.meaning]) }
        }
        return dictionary
    }
}

