/// Fields of the CSV files corridor writes: RFC 4180 quoting, and text that a spreadsheet would run as
/// a formula made inert.
///
/// The formula rule is OWASP's: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading apostrophe, so `=HYPERLINK(…)` in a node's name shows as text in Excel, LibreOffice
/// and Google Sheets. A cell that is a number as corridor writes numbers (`-12.5`, `1e-7`) is left as it is.
/// Text that already starts with an apostrophe before such a character gets one more, so that
/// ``text(ofField:)`` gives every text back exactly (a network exported as CSV reads back the same).
public enum CSVField {
    /// A number as CSV cells hold it: rounded to 12 significant digits (the documented rounding),
    /// shortest form, no grouping; empty for a missing or non-finite value.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return JSONValue.format(value.rounded(significantDigits: 12))
    }

    /// One line of fields, without its line ending.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// One field, neutralised and quoted as needed.
    public static func field(_ text: String) -> String {
        var cell = text
        if startsLikeAFormula(cell), !isNumber(cell) {
            cell = "'" + cell
        }
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return cell
        }
        return "\"" + cell.replacing("\"", with: "\"\"") + "\""
    }

    /// The text a field written by ``field(_:)`` holds, once the CSV's quoting is undone: without the
    /// apostrophe that made a formula inert.
    public static func text(ofField cell: String) -> String {
        cell.hasPrefix("'") && startsLikeAFormula(cell) ? String(cell.dropFirst()) : cell
    }

    /// True when the text, after any apostrophes it starts with, starts with a formula character.
    private static func startsLikeAFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }

    private static func isNumber(_ cell: String) -> Bool {
        cell.unicodeScalars.allSatisfy { "0123456789.eE+-".unicodeScalars.contains($0) } && Double(cell) != nil
    }
}
