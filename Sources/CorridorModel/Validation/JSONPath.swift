/// Where a value sits in a JSON document, rendered the way people write it: `links[12].to`,
/// `scenarios[1].capacity.bakhty`, or `scenarios[1].capacity["Bakhty East"]` when a key is not a
/// plain identifier.
struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    static let root = JSONPath(components: [])

    var components: [Component]

    func appending(_ key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }
    func appending(_ index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key) where JSONPath.isPlain(key): text += text.isEmpty ? key : "." + key
            case .key(let key): text += "[" + JSONValue.string(key).serialized(indent: nil) + "]"
            }
        }
        return text
    }

    /// Keys made of letters, digits, `_` and `-` (not first) print bare; anything else is quoted.
    private static func isPlain(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return key.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-"
        }
    }
}

/// Turns byte offsets into 1-based line and column numbers (columns count Unicode scalars, so a
/// column matches what an editor shows for UTF-8 text).
package struct SourceLocator {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The line and column of the byte at `offset` (an offset past the end counts as the end).
    package func location(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let end = min(offset, bytes.count)
        var column = 1
        var index = lineStarts[low]
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}
