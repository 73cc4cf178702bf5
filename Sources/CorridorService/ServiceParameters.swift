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
            guard case .number(let number, _) = tree.value, number.rounded() == number, abs(number) < 9e15 else {
                throw Self.wrongType(name, "a whole number", tree)
            }
            return Int(number)
        }
    }

    /// A finite number parameter.
    func number(_ name: String) throws(ServiceError) -> Double? {
        switch values[name] {
        case nil: return nil
        case .text(let text):
            guard let value = Double(text), value.isFinite else {
                throw .badRequest("\(name) \"\(text.escapingControlCharacters)\": expected a finite number")
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

    /// An object of numbers by id (JSON bodies only).
    func numbers(_ name: String) throws(ServiceError) -> [String: Double]? {
        switch values[name] {
        case nil: return nil
        case .text: throw .badRequest("\(name): give it in a JSON body, as an object of numbers by id")
        case .json(let tree):
            guard case .object(let members) = tree.value else { throw Self.wrongType(name, "an object of numbers by id", tree) }
            var numbers: [String: Double] = [:]
            for member in members {
                guard numbers[member.key] == nil else {
                    throw .badRequest("\(name).\(member.key.escapingControlCharacters): given twice")
                }
                guard case .number(let number, _) = member.value.value, number.isFinite else {
                    throw .badRequest(
                        "\(name).\(member.key.escapingControlCharacters): expected a finite number, not \(member.value.typeDescription)")
                }
                numbers[member.key] = number
            }
            return numbers
        }
    }

    private static func wrongType(_ name: String, _ expected: String, _ tree: JSONTree) -> ServiceError {
        .badRequest("\(name): expected \(expected), not \(tree.typeDescription)")
    }
}

/// One parameter an operation takes, for the check of a request and for the OpenAPI document.
public struct ParameterSpec: Sendable, Equatable {
    public enum Kind: String, Sendable { case string, integer, number, boolean, list, numbersByID }
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
