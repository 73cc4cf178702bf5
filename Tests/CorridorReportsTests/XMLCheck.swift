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
            element.name == name
                && (element.attributes["class"] ?? "").split(separator: " ").contains(Substring(className))
        }.map(\.attributes)
    }
}

/// The outermost `<svg …>…</svg>` fragments of a page, in order (an inset's nested `<svg>` stays inside its map).
func svgFragments(_ html: String) -> [String] {
    var fragments: [String] = []
    var depth = 0
    var start = html.startIndex
    var cursor = html.startIndex
    while cursor < html.endIndex {
        let open = html.range(of: "<svg ", range: cursor..<html.endIndex)
        let close = html.range(of: "</svg>", range: cursor..<html.endIndex)
        guard let close else { break }
        if let open, open.lowerBound < close.lowerBound {
            if depth == 0 { start = open.lowerBound }
            depth += 1
            cursor = open.upperBound
        } else {
            depth -= 1
            if depth == 0 { fragments.append(String(html[start..<close.upperBound])) }
            cursor = close.upperBound
        }
    }
    return fragments
}
