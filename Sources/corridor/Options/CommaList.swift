import Foundation

/// Options that take several ids: `--via khorgos,aktogay`.
enum CommaList {
    /// The items of a comma-separated option, trimmed, empty ones dropped; `nil` when the option is absent.
    static func items(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    /// The items of an option that, when given, must name at least one.
    static func nonEmptyItems(_ text: String?, option: String) throws(BadInput) -> [String]? {
        guard let items = items(text) else { return nil }
        guard !items.isEmpty else { throw BadInput("\(option) names no node; give ids separated by commas") }
        return items
    }
}
