import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses text as XML and collects what tests want to know about it.
final class XMLCheck: NSObject, XMLParserDelegate {
    /// Every element's name with its attributes, in document order.
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    /// All character data, concatenated.
    private(set) var text = ""

    /// The parser's error for `markup`, or nil when it is well-formed XML.
    static func parse(_ markup: String) -> (check: XMLCheck, error: String?) {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = check
        let ok = parser.parse()
        let error = ok ? nil : "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)"
        return (check, error)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((elementName, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    /// Elements named `name` whose `class` attribute lists `className`.
    func elements(_ name: String, withClass className: String) -> [[String: String]] {
        elements.filter { element in
            element.name == name && (element.attributes["class"] ?? "").split(separator: " ").contains(Substring(className))
        }.map(\.attributes)
    }
}

/// The `<svg …>…</svg>` fragments of a page, in order.
func svgFragments(_ html: String) -> [String] {
    var fragments: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
        fragments.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
    }
    return fragments
}
