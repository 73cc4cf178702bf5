/// A JSON document as a tree whose objects keep their keys in order.
///
/// Used for the free-form `meta` of network elements and for every JSON document corridor writes:
/// building output as a `JSONValue` and serialising it with ``serialized(indent:)`` gives a fixed key
/// order and byte-identical output for the same input.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Key–value pairs in document order.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// A number, or `null` for `nil` (an unlimited capacity, an undefined ratio).
    public static func number(_ value: Double?) -> JSONValue {
        value.map { .number($0) } ?? .null
    }

    /// A string, or `null` for `nil`.
    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// The value under `key` when this is an object holding it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let entries) = self else { return nil }
        return entries.first(where: { $0.key == key })?.value
    }
}

extension JSONValue {
    /// The document as JSON text.
    ///
    /// Whole numbers of magnitude below 2⁵³ print without a fraction (`150`, not `150.0`); other
    /// numbers print in the shortest form that reads back to the same `Double`. Non-finite numbers,
    /// which JSON cannot hold, print as `null`. Strings escape `"`, `\` and control characters only,
    /// so non-ASCII text stays readable.
    ///
    /// - Parameter indent: spaces per level; `nil` writes one line.
    public func serialized(indent: Int? = 2) -> String {
        var output = ""
        write(into: &output, indent: indent, depth: 0)
        return output
    }

    private func write(into output: inout String, indent: Int?, depth: Int) {
        func newline(_ level: Int) {
            guard let indent else { return }
            output.append("\n")
            output.append(String(repeating: " ", count: indent * level))
        }
        switch self {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .number(let value): output.append(JSONValue.format(value))
        case .string(let value): JSONValue.appendQuoted(value, to: &output)
        case .array(let items):
            guard !items.isEmpty else { return output.append("[]") }
            output.append("[")
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(",") }
                newline(depth + 1)
                item.write(into: &output, indent: indent, depth: depth + 1)
            }
            newline(depth)
            output.append("]")
        case .object(let entries):
            guard !entries.isEmpty else { return output.append("{}") }
            output.append("{")
            for (position, entry) in entries.enumerated() {
                if position > 0 { output.append(",") }
                newline(depth + 1)
                JSONValue.appendQuoted(entry.key, to: &output)
                output.append(indent == nil ? ":" : ": ")
                entry.value.write(into: &output, indent: indent, depth: depth + 1)
            }
            newline(depth)
            output.append("}")
        }
    }

    /// A number as JSON text: integral values without a fraction, others in shortest round-trip form.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return value == 0 ? "0" : String(Int64(value))
        }
        return "\(value)"
    }

    private static func appendQuoted(_ text: String, to output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
