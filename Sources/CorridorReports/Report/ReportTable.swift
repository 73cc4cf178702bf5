import Foundation

/// A table of already formatted cells, e.g. crossings before and after a change.
///
/// Numeric columns are right-aligned; a cell can be emphasised to point at what changed.
public struct ReportTable: Sendable, Equatable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable, Equatable {
        case left
        case right
    }

    /// A column heading and its alignment.
    public struct Column: Sendable, Equatable {
        public var header: String
        public var alignment: Alignment

        public init(_ header: String, alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// How a cell stands out from its row.
    public enum Emphasis: Sendable, Equatable {
        case none
        /// A neutral highlight: the value differs from the reference.
        case changed
        /// A change for the better (e.g. lower cost), tinted green.
        case better
        /// A change for the worse (e.g. more unserved demand), tinted red.
        case worse
        /// Bold, e.g. a total.
        case strong
    }

    /// One cell's text and emphasis.
    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        public var text: String
        public var emphasis: Emphasis

        public init(_ text: String, emphasis: Emphasis = .none) {
            self.text = text
            self.emphasis = emphasis
        }

        public init(stringLiteral text: String) { self.init(text) }
    }

    /// The caption above the table.
    public var title: String
    public var columns: [Column]
    /// Rows of cells; a short row is padded with blank cells, a long one is cut to the columns.
    public var rows: [[Cell]]
    /// Small print under the table, e.g. what Δ means.
    public var footnote: String

    public init(title: String, columns: [Column], rows: [[Cell]], footnote: String = "") {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footnote = footnote
    }

    /// A table whose columns are right-aligned when every non-blank cell below the header is a number
    /// (digits with optional sign, grouping commas, decimal point, `%` or a leading `Δ`/`×`).
    public init(title: String, headers: [String], rows: [[Cell]], footnote: String = "") {
        let columns = headers.indices.map { column in
            let cells = rows.compactMap { column < $0.count ? $0[column].text : nil }
            let numeric = cells.contains { !$0.isEmpty } && cells.allSatisfy { $0.isEmpty || Self.looksNumeric($0) }
            return Column(headers[column], alignment: numeric ? .right : .left)
        }
        self.init(title: title, columns: columns, rows: rows, footnote: footnote)
    }

    static func looksNumeric(_ text: String) -> Bool {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body == "—" || body == "–" || body == "-" { return true }
        for prefix in ["+", "−", "-", "±", "Δ", "×"] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count).drop { $0 == " " }
        }
        for suffix in ["%", " %", "×", " pp"] where body.hasSuffix(suffix) { body = body.dropLast(suffix.count) }
        guard body.first?.isNumber == true, body.last?.isNumber == true else { return false }
        return body.allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == " " }
    }
}
