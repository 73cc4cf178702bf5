/// The records of a CSV file (RFC 4180, as spreadsheets write it): comma separated, fields optionally
/// in double quotes with `""` for a quote inside, line ends CRLF, LF or CR, an optional UTF-8 byte
/// order mark. Records whose cells are all empty (blank spreadsheet rows) are dropped; each record
/// keeps its row number, the first being 1.
struct CSVRecords {
    struct Record {
        /// 1-based, counting records as a spreadsheet counts rows (a quoted line break stays in its row).
        let row: Int
        let cells: [String]
    }

    /// A syntax problem and the row it is in.
    struct SyntaxError: Error {
        let row: Int
        let message: String
    }

    static func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [Record] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var row = 1
        var index = scalars.startIndex
        var quoted = false
        var wasQuoted = false

        func endCell() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            wasQuoted = false
        }
        func endRecord() {
            endCell()
            if cells.contains(where: { !$0.isEmpty }) { records.append(Record(row: row, cells: cells)) }
            cells = []
            row += 1
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if quoted {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        cell.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",": endCell()
            case "\r", "\n":
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                endRecord()
            case "\"":
                guard cell.isEmpty, !wasQuoted else {
                    throw SyntaxError(row: row, message: "a quote inside a field that does not start with one (write it as \"\")")
                }
                quoted = true
                wasQuoted = true
            default:
                if wasQuoted {
                    throw SyntaxError(row: row, message: "text after a quoted field's closing quote")
                }
                cell.append(scalar)
            }
        }
        if quoted { throw SyntaxError(row: row, message: "a quoted field is never closed") }
        if !cell.isEmpty || !cells.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
