import CorridorModel

/// The parameters of one request, from its JSON body (an object) or its query string, checked against
/// the operation's own list: an unknown name, or a value of the wrong type, is a 400 naming it.
public struct ServiceParameters: Sendable {
    /// A value as it came: JSON from a body, text from a query string.
    enum Value: Sendable {
        case json(JSONTree)
        case text(String)
    }

    private var values: [String: Value] = [:]

    /// No parameters: every one at its default.
    public init() {}

    /// The members of a JSON object body; an empty body is no parameters.
    public init(body: [UInt8], accepted: [ParameterSpec]) throws(ServiceError) {
        guard body.contains(where: { !Self.isWhitespace($0) }) else { return }
        let tree: JSONTree
        do {
            tree = try JSONParser.parse(body)
        } catch {
            let (line, column) = SourceLocator(bytes: body).location(of: error.offset)
            throw .badRequest("body:\(line):\(column): \(error.message)")
        }
        guard case .object(let members) = tree.value else {
            throw .badRequest("body: expected an object of parameters, not \(tree.typeDescription)")
        }
        for member in members {
            guard values[member.key] == nil else { throw .badRequest("body: parameter \"\(member.key.escapingControlCharacters)\" given twice") }
            try Self.check(member.key, accepted: accepted)
            values[member.key] = .json(member.value)
        }
    }

    /// The pairs of a query string (already percent-decoded).
    public init(query: [(name: String, value: String)], accepted: [ParameterSpec]) throws(ServiceError) {
        for (name, value) in query {
            guard values[name] == nil else { throw .badRequest("query: parameter \"\(name.escapingControlCharacters)\" given twice") }
            try Self.check(name, accepted: accepted)
            values[name] = .text(value)
        }
    }

    private static func check(_ name: String, accepted: [ParameterSpec]) throws(ServiceError) {
        guard !accepted.contains(where: { $0.name == name }) else { return }
        let names = accepted.map(\.name)
        let suggestion = Suggestion.closest(to: name, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
        let listing = names.isEmpty ? "it takes none" : "it takes " + names.joined(separator: ", ")
        throw .badRequest("unknown parameter \"\(name.escapingControlCharacters)\"\(suggestion); \(listing)")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    var isEmpty: Bool { values.isEmpty }

    /// The parameters written one way whatever their order or spacing, for a cache key: `name=value`
    /// pairs sorted by name, a JSON value as compact JSON, a query value as its text.
    public var canonicalText: String {
        values.sorted { $0.key < $1.key }.map { name, value in
            switch value {
            case .text(let text): "\(name)=\(JSONValue.string(text).serialized(indent: nil))"
            case .json(let tree): "\(name)=\(tree.plainValue.serialized(indent: nil))"
            }
        }.joined(separator: "&")
    }

    func has(_ name: String) -> Bool { values[name] != nil }

    /// A string parameter.
    func string(_ name: String) throws(ServiceError) -> String? {
        switch values[name] {
        case nil: return nil
        case .text(let text): return text
        case .json(let tree):
            guard case .string(let text) = tree.value else { throw Self.wrongType(name, "a string", tree) }
            return text
        }
    }

    /// A whole-number parameter.
    func integer(_ name: String) throws(ServiceError) -> Int? {
        switch values[name] {
        case nil: return nil
        case .text(let text):
            guard let value = Int(text) else { throw .badRequest("\(name) \"\(text.escapingControlCharacters)\": expected a whole number") }
            return value
        case .json(let tree):
            guard case .number(let number, let literal) = tree.value else { throw Self.wrongType(name, "a whole number", tree) }
            // Up to 2^53, where every whole number is exact in a JSON number read as a Double.
            guard number.rounded() == number, abs(number) <= 9_007_199_254_740_992 else {
                throw .badRequest("\(name) \(literal ?? JSONValue.format(number)): expected a whole number from −2^53 to 2^53")
            }
            return Int(number)
        }
    }

    /// A finite number parameter.
    func number(_ name: String) throws(ServiceError) -> Double? {
        switch values[name] {
        case nil: return nil
        case .text(let text):
            // Decimal only: Double("0x10") and Double("nan") would take hexadecimal and words.
            guard text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains($0) }),
                let value = Double(text), value.isFinite
            else {
                throw .badRequest("\(name) \"\(text.escapingControlCharacters)\": expected a finite decimal number")
            }
            return value
        case .json(let tree):
            guard case .number(let number, _) = tree.value, number.isFinite else { throw Self.wrongType(name, "a finite number", tree) }
            return number
        }
    }

    /// A boolean parameter (`true`/`false` in a query string).
    func flag(_ name: String) throws(ServiceError) -> Bool {
        switch values[name] {
        case nil: return false
        case .text(let text):
            guard let value = Bool(text) else { throw .badRequest("\(name) \"\(text.escapingControlCharacters)\": expected true or false") }
            return value
        case .json(let tree):
            guard case .bool(let value) = tree.value else { throw Self.wrongType(name, "true or false", tree) }
            return value
        }
    }

    /// A list of ids: an array of strings in JSON, comma-separated text in a query string or a JSON string.
    func list(_ name: String) throws(ServiceError) -> [String]? {
        func split(_ text: String) -> [String] {
            text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        }
        let items: [String]
        switch values[name] {
        case nil: return nil
        case .text(let text): items = split(text)
        case .json(let tree):
            switch tree.value {
            case .string(let text): items = split(text)
            case .array(let elements):
                var strings: [String] = []
                for element in elements {
                    guard case .string(let text) = element.value else { throw Self.wrongType(name, "an array of strings", tree) }
                    strings.append(text)
                }
                items = strings
            default: throw Self.wrongType(name, "an array of ids", tree)
            }
        }
        let ids = items.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw .badRequest("\(name) names no id; give ids") }
        return ids
    }

    /// An object of numbers by id (JSON bodies only): `{"dostyk": 12}`.
    func numbers(_ name: String) throws(ServiceError) -> [String: Double]? {
        guard let members = try members(name, "an object of numbers by id") else { return nil }
        var numbers: [String: Double] = [:]
        for member in members {
            numbers[member.key] = try Self.number(member.value, at: "\(name).\(member.key.escapingControlCharacters)")
        }
        return numbers
    }

    /// An object of objects of numbers (JSON bodies only): `{"dostyk": {"TEU": 1700, "trains": 28}}`.
    func numbersByMeasure(_ name: String) throws(ServiceError) -> [String: [String: Double]]? {
        guard let members = try members(name, "an object of limits by id") else { return nil }
        var result: [String: [String: Double]] = [:]
        for member in members {
            let path = "\(name).\(member.key.escapingControlCharacters)"
            guard case .object(let inner) = member.value.value else {
                throw .badRequest("\(path): expected an object of numbers by measure, not \(member.value.typeDescription)")
            }
            var limits: [String: Double] = [:]
            for limit in inner {
                guard limits[limit.key] == nil else { throw .badRequest("\(path).\(limit.key.escapingControlCharacters): given twice") }
                limits[limit.key] = try Self.number(limit.value, at: "\(path).\(limit.key.escapingControlCharacters)")
            }
            result[member.key] = limits
        }
        return result
    }

    /// The members of an object parameter, each key once.
    private func members(_ name: String, _ expected: String) throws(ServiceError) -> [JSONMember]? {
        switch values[name] {
        case nil: return nil
        case .text: throw .badRequest("\(name): give it in a JSON body, as \(expected)")
        case .json(let tree):
            guard case .object(let members) = tree.value else { throw Self.wrongType(name, expected, tree) }
            var seen = Set<String>()
            for member in members where !seen.insert(member.key).inserted {
                throw .badRequest("\(name).\(member.key.escapingControlCharacters): given twice")
            }
            return members
        }
    }

    private static func number(_ tree: JSONTree, at path: String) throws(ServiceError) -> Double {
        guard case .number(let number, _) = tree.value, number.isFinite else {
            throw .badRequest("\(path): expected a finite number, not \(tree.typeDescription)")
        }
        return number
    }

    private static func wrongType(_ name: String, _ expected: String, _ tree: JSONTree) -> ServiceError {
        .badRequest("\(name): expected \(expected), not \(tree.typeDescription)")
    }
}

/// One parameter an operation takes, for the check of a request and for the OpenAPI document.
public struct ParameterSpec: Sendable, Equatable {
    public enum Kind: String, Sendable { case string, integer, number, boolean, list, numbersByID, numbersByMeasure }
    public let name: String
    public let kind: Kind
    public let summary: String

    public init(_ name: String, _ kind: Kind, _ summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }
}

extension Substring {
    var trimmingSpaces: String {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
