/// One problem found in a network file: where it is, what is wrong, and what was probably meant.
///
/// Rendered path first, e.g. `links[12].to: unknown node "dostik" (did you mean "dostyk"?)`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, as a JSON path into the file (`links[12].to`), or the file name when the
    /// problem is the file itself (`network.json`, or `network.json:3:14` for a syntax error).
    public var path: String
    public var message: String
    /// The id or key probably meant, shown as `(did you mean "…"?)`.
    public var suggestion: String?

    public init(path: String, message: String, suggestion: String? = nil) {
        self.path = path
        self.message = message
        self.suggestion = suggestion
    }

    /// One line: control characters in the path or message (a key or file name from the file) are escaped.
    public var description: String {
        var text = path.isEmpty ? message : "\(path): \(message)"
        if let suggestion { text += " (did you mean \"\(suggestion)\"?)" }
        return text.escapingControlCharacters
    }
}

/// Every problem found in a network file, thrown once after the whole file has been checked.
public struct NetworkValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the problems are in, as the user named it.
    public let source: String
    /// The problems, in file order.
    public let diagnostics: [Diagnostic]

    public init(source: String, diagnostics: [Diagnostic]) {
        self.source = source
        self.diagnostics = diagnostics
    }

    /// A problem with the file as a whole (missing, empty, a syntax error) is one line, compiler style:
    /// `networks/x.json:3:14: unexpected "}"`. Otherwise a header counts the problems and each follows
    /// on its own indented line.
    public var description: String {
        if diagnostics.count == 1, diagnostics[0].path == source || diagnostics[0].path.hasPrefix(source + ":") {
            return diagnostics[0].description
        }
        let count = diagnostics.count
        let header = "\(source.escapingControlCharacters): \(count) problem\(count == 1 ? "" : "s")"
        return ([header] + diagnostics.map { "  " + $0.description }).joined(separator: "\n")
    }
}
