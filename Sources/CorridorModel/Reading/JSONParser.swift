// A strict RFC 8259 JSON parser that keeps every value's byte offset, so that the validator can
// report problems in file order and point at lines and columns.
//
// Strictness is the point: Foundation's decoders take the last of duplicate keys, turn `1e999` into
// infinity or a vague error, and accept or mangle invalid UTF-8. Here duplicate keys are kept (the
// validator reports them with both places), numbers out of Double's range keep their literal so the
// message can quote it, and every byte outside the grammar is a syntax error with its position.
// Recursive descent, one pass, O(n) in the size of the file; nesting is capped at
// ``JSONParser/maximumDepth`` so hostile input cannot exhaust the stack.

/// A JSON value with the byte offset where it starts in the file.
package struct JSONTree: Sendable {
    /// The value itself; containers hold positioned children.
    package enum Value: Sendable {
        case null
        case bool(Bool)
        /// A number; `literal` holds the text as written when its magnitude is above 1e15 or beyond
        /// `Double` (then `value` is infinite), so messages can quote it.
        case number(Double, literal: String?)
        case string(String)
        case array([JSONTree])
        /// Members in document order, duplicates included.
        case object([JSONMember])
    }

    package var value: Value
    /// Byte offset of the value's first character.
    package var offset: Int

    /// What the value is, for messages: "a string", "an object", "null".
    package var typeDescription: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as a plain ``JSONValue`` (positions dropped; of duplicate keys the last wins).
    package var plainValue: JSONValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number, _): return .number(number)
        case .string(let text): return .string(text)
        case .array(let items): return .array(items.map(\.plainValue))
        case .object(let members):
            var entries: [(key: String, value: JSONValue)] = []
            var position: [String: Int] = [:]
            for member in members {
                if let existing = position[member.key] {
                    entries[existing].value = member.value.plainValue
                } else {
                    position[member.key] = entries.count
                    entries.append((member.key, member.value.plainValue))
                }
            }
            return .object(entries)
        }
    }
}

/// One `"key": value` pair of an object.
package struct JSONMember: Sendable {
    package var key: String
    /// Byte offset of the key's opening quote.
    package var keyOffset: Int
    package var value: JSONTree
}

/// A syntax error: what is wrong and the byte offset where it was found.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    package var offset: Int
    package var message: String

    package init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// Parses JSON text from bytes into a ``JSONTree``.
package struct JSONParser {
    /// Deepest nesting of arrays and objects accepted; network files need fewer than ten levels.
    package static let maximumDepth = 128
    /// Magnitudes above this keep their literal for messages (validation rejects them).
    static let literalThreshold = 1e15

    // A raw pointer rather than the array: its subscript is inlined even in debug builds, which
    // keeps a 1 MB file's parse in milliseconds there too. Valid only inside `parse(_:)`.
    private let bytes: UnsafePointer<UInt8>
    private let count: Int
    private var position = 0

    private init(bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    private func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + start, count: end - start)
    }

    /// Parses one JSON document that must fill the whole input (whitespace aside).
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONTree {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw JSONSyntaxError(
                offset: 0, message: "the file starts with a byte-order mark; save it as UTF-8 without BOM")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw JSONSyntaxError(offset: 0, message: "the file is UTF-16 text; save it as UTF-8")
        }
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            guard let base = buffer.baseAddress else {
                throw JSONSyntaxError(offset: 0, message: "unexpected end of file; expected a value")
            }
            var parser = JSONParser(bytes: base, count: buffer.count)
            parser.skipWhitespace()
            let tree = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            if parser.position < buffer.count {
                throw parser.unexpected(after: "the end of the JSON document")
            }
            return tree
        }
    }

    private mutating func skipWhitespace() {
        while position < count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private func unexpected(after context: String? = nil) -> JSONSyntaxError {
        guard position < count else {
            return JSONSyntaxError(offset: position, message: "unexpected end of file")
        }
        let byte = bytes[position]
        let found: String
        if byte >= 0x80 {
            found = "byte 0x" + String(byte, radix: 16, uppercase: true)
        } else if byte < 0x20 || byte == 0x7F {
            found = "control character U+" + JSONParser.hex4(UInt32(byte))
        } else {
            found = byte == UInt8(ascii: "'") ? "\"'\"" : "'" + String(UnicodeScalar(byte)) + "'"
        }
        let suffix = context.map { " after \($0)" } ?? ""
        return JSONSyntaxError(offset: position, message: "unexpected \(found)\(suffix)")
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        guard position < count else {
            throw JSONSyntaxError(offset: position, message: "unexpected end of file; expected a value")
        }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "{"): return JSONTree(value: try parseObject(depth: depth + 1), offset: start)
        case UInt8(ascii: "["): return JSONTree(value: try parseArray(depth: depth + 1), offset: start)
        case UInt8(ascii: "\""): return JSONTree(value: .string(try parseString()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONTree(value: try parseNumber(), offset: start)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return JSONTree(value: try parseWord(), offset: start)
        default:
            throw unexpected()
        }
    }

    private mutating func enter(depth: Int) throws(JSONSyntaxError) {
        if depth > JSONParser.maximumDepth {
            throw JSONSyntaxError(
                offset: position, message: "nesting deeper than \(JSONParser.maximumDepth) levels")
        }
        position += 1
        skipWhitespace()
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONTree.Value {
        try enter(depth: depth)
        var members: [JSONMember] = []
        if position < count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            guard position < count, bytes[position] == UInt8(ascii: "\"") else {
                throw position < count && bytes[position] == UInt8(ascii: "}") && !members.isEmpty
                    ? JSONSyntaxError(offset: position, message: "trailing comma before '}'")
                    : unexpected(after: nil).expecting("a key in double quotes")
            }
            let keyOffset = position
            let key = try parseString()
            skipWhitespace()
            guard position < count, bytes[position] == UInt8(ascii: ":") else {
                throw unexpected().expecting("':' after the key")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard position < count else { throw unexpected() }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                position += 1
                return .object(members)
            default:
                throw unexpected().expecting("',' or '}'")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONTree.Value {
        try enter(depth: depth)
        var items: [JSONTree] = []
        if position < count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            if position < count, bytes[position] == UInt8(ascii: "]") {
                throw JSONSyntaxError(offset: position, message: "trailing comma before ']'")
            }
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard position < count else { throw unexpected() }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default:
                throw unexpected().expecting("',' or ']'")
            }
        }
    }

    /// `true`, `false`, `null`; anything else spelled with letters (NaN, Infinity, a bare word) is an error.
    private mutating func parseWord() throws(JSONSyntaxError) -> JSONTree.Value {
        let start = position
        while position < count, JSONParser.isWordByte(bytes[position]) { position += 1 }
        let word = String(decoding: slice(start, position), as: UTF8.self)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "NaN", "Infinity":
            throw JSONSyntaxError(offset: start, message: "\(word) is not a JSON number")
        default:
            throw JSONSyntaxError(offset: start, message: "unexpected word \"\(word)\"; strings need double quotes")
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// The RFC 8259 number grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, converted with
    /// correct rounding by the standard library.
    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONTree.Value {
        let start = position
        func digits() -> Int {
            let first = position
            while position < count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
            return position - first
        }
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            if position < count, bytes[position] == UInt8(ascii: "I") {
                throw JSONSyntaxError(offset: start, message: "-Infinity is not a JSON number")
            }
        }
        let integerStart = position
        let integerDigits = digits()
        if integerDigits == 0 {
            throw JSONSyntaxError(offset: start, message: "invalid number: expected a digit")
        }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw JSONSyntaxError(offset: start, message: "invalid number: leading zeros are not allowed")
        }
        var isInteger = true
        if position < count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            if digits() == 0 {
                throw JSONSyntaxError(offset: start, message: "invalid number: expected a digit after '.'")
            }
        }
        if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            isInteger = false
            if position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            if digits() == 0 {
                throw JSONSyntaxError(offset: start, message: "invalid number: expected a digit in the exponent")
            }
        }
        if position < count, JSONParser.isWordByte(bytes[position]) || bytes[position] == UInt8(ascii: ".") {
            throw JSONSyntaxError(offset: start, message: "invalid number")
        }
        // Up to 15 digits fit a Double exactly: skip the text conversion for the common case.
        if isInteger, integerDigits <= 15 {
            var magnitude = 0
            for index in integerStart..<position { magnitude = magnitude * 10 + Int(bytes[index] &- 0x30) }
            let value = Double(magnitude)
            return .number(bytes[start] == UInt8(ascii: "-") ? -value : value, literal: nil)
        }
        let text = String(decoding: slice(start, position), as: UTF8.self)
        let value = Double(text) ?? .infinity
        return .number(value, literal: value.isFinite && abs(value) <= JSONParser.literalThreshold ? nil : text)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        let contentStart = position
        var isPlainASCII = true
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let content = slice(contentStart, position)
                position += 1
                if isPlainASCII { return String(decoding: content, as: UTF8.self) }
                guard let text = String(validating: content, as: UTF8.self) else {
                    throw JSONSyntaxError(
                        offset: firstInvalidUTF8(in: content) ?? start, message: "invalid UTF-8; save the file as UTF-8"
                    )
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: contentStart) }
            if byte < 0x20 {
                throw controlCharacter(byte)
            }
            if byte >= 0x80 { isPlainASCII = false }
            position += 1
        }
        throw JSONSyntaxError(offset: start, message: "unterminated string")
    }

    /// The slow path for strings with backslash escapes: decodes scalar by scalar.
    private mutating func parseEscapedString(from contentStart: Int) throws(JSONSyntaxError) -> String {
        var scalars = String.UnicodeScalarView()
        var runStart = contentStart
        func flushRun(to end: Int) throws(JSONSyntaxError) {
            guard runStart < end else { return }
            guard let text = String(validating: slice(runStart, end), as: UTF8.self) else {
                throw JSONSyntaxError(
                    offset: firstInvalidUTF8(in: slice(runStart, end)) ?? runStart,
                    message: "invalid UTF-8; save the file as UTF-8")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while position < count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                try flushRun(to: position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flushRun(to: position)
                let escapeStart = position
                position += 1
                guard position < count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape(escapeStart: escapeStart))
                default:
                    throw JSONSyntaxError(
                        offset: escapeStart, message: "invalid escape \"\\\(String(UnicodeScalar(escaped)))\"")
                }
                runStart = position
            case 0..<0x20:
                throw controlCharacter(byte)
            default:
                position += 1
            }
        }
        throw JSONSyntaxError(offset: contentStart - 1, message: "unterminated string")
    }

    /// `\uXXXX`, joining a surrogate pair into one scalar; a lone surrogate is an error because it
    /// cannot be represented in UTF-8 text.
    private mutating func parseUnicodeEscape(escapeStart: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try hexQuad(escapeStart: escapeStart)
        if (0xD800..<0xDC00).contains(first) {
            if position + 1 < count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                let secondStart = position
                position += 2
                let second = try hexQuad(escapeStart: secondStart)
                if (0xDC00..<0xE000).contains(second),
                    let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                {
                    return scalar
                }
            }
            throw JSONSyntaxError(
                offset: escapeStart, message: "lone surrogate \\u\(JSONParser.hex4(first)) in a string")
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw JSONSyntaxError(
                offset: escapeStart, message: "lone surrogate \\u\(JSONParser.hex4(first)) in a string")
        }
        return scalar
    }

    private mutating func hexQuad(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < count, let digit = JSONParser.hexDigit(bytes[position]) else {
                throw JSONSyntaxError(offset: escapeStart, message: "invalid \\u escape: expected four hex digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func controlCharacter(_ byte: UInt8) -> JSONSyntaxError {
        let code = JSONParser.hex4(UInt32(byte))
        return JSONSyntaxError(
            offset: position, message: "control character U+\(code) in a string; write it as an escape such as \\n")
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The offset in the file of the first byte where `text` stops being valid UTF-8.
    private func firstInvalidUTF8(in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var iterator = text.makeIterator()
        var decoder = UTF8()
        var offset = text.baseAddress.map { $0 - bytes } ?? 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

extension JSONSyntaxError {
    /// Adds what the parser expected at the offending place.
    fileprivate func expecting(_ expected: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, message: "\(message); expected \(expected)")
    }
}
