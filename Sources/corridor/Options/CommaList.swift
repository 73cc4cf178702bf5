import Foundation

/// Options that take several ids: `--via khorgos,aktogay`.
enum CommaList {
    /// The items of a comma-separated option, trimmed, empty ones dropped; `nil` when the option is absent.
    static func items(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }
}
