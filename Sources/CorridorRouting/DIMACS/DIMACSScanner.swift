#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CorridorModel

/// A fast tokenizer for DIMACS text files (`p sp`, `p max`, `p min`), shared by their readers.
///
/// The whole file is read into one buffer, which ends with a newline and a NUL byte so that scanning
/// loops need no bounds checks. Lines are whitespace-separated tokens; blank lines and `c` comment lines
/// are skipped. Every error names the file, the line and what was expected:
/// `road.gr:12: expected an arc's head node, found "x"`.
///
/// - Complexity: O(file size) to read; each token is scanned once.
public final class DIMACSScanner {
    /// The file name used in messages.
    public let source: String
    /// The 1-based number of the line being read.
    public private(set) var lineNumber = 0
    /// True once a number with a fraction or exponent has been read: the data are then decimal, not integral.
    public private(set) var sawDecimal = false

    /// The file's bytes; the scanner writes its sentinel into their two spare bytes.
    private let bytes: InputBytes
    private let buffer: UnsafeMutablePointer<UInt8>
    private let count: Int
    private var position = 0
    /// True while a line's tokens are being read; the next ``nextLine()`` first skips what is left of it.
    private var insideLine = false

    /// Reads the file at `path` (a regular file, pipe or FIFO; see ``InputFile``).
    /// - Throws: ``DIMACSError`` when the file cannot be read or is not text.
    public convenience init(path: String) throws(DIMACSError) {
        do {
            self.init(bytes: try InputFile.read(path: path), source: path)
        } catch {
            throw DIMACSError(source: path, line: error.line ?? 0, message: error.reason)
        }
    }

    /// Scans text held in memory (for tests and piped input).
    public convenience init(text: String, source: String) {
        self.init(bytes: InputBytes(text.utf8), source: source)
    }

    /// Scans bytes already read. A lone carriage return (old Mac line ends) ends a line like a newline.
    public init(bytes: InputBytes, source: String) {
        self.source = source
        self.bytes = bytes
        buffer = bytes.base
        count = bytes.count
        buffer[count] = UInt8(ascii: "\n")
        buffer[count + 1] = 0
        var scan = 0
        while let found = memchr(buffer + scan, Int32(UInt8(ascii: "\r")), count - scan) {
            scan = UnsafeMutableRawPointer(found) - UnsafeMutableRawPointer(buffer) + 1
            if buffer[scan] != UInt8(ascii: "\n") { buffer[scan - 1] = UInt8(ascii: "\n") }
        }
    }

    /// Checks a problem line's counts against what the file can hold, before anything is allocated for them:
    /// every announced arc needs a line of at least `shortestArcLine` bytes in the rest of the file, and
    /// the node count may not exceed the file's size in bytes (or a million, for small files).
    /// - Throws: ``DIMACSError`` at the problem line.
    public func checkAnnounced(nodes: Int, arcs: Int, shortestArcLine: Int) throws(DIMACSError) {
        let rest = count - position
        if arcs > 0, arcs > (rest + 1) / shortestArcLine {
            throw error(
                "the problem line announces \(arcs) arcs, but the \(rest) bytes after it hold at most "
                    + "\((rest + 1) / shortestArcLine) arc line(s) of \(shortestArcLine) bytes or more")
        }
        let nodeLimit = max(Self.smallFileNodeLimit, count)
        if nodes > nodeLimit {
            throw error(
                "the problem line announces \(nodes) nodes; a file of \(count) bytes may announce at most \(nodeLimit)")
        }
    }

    /// The node count any file may announce, however short.
    public static let smallFileNodeLimit = 1 << 20

    /// Moves to the next line that is neither blank nor a comment and returns its first character
    /// (`p`, `a`, `n`, …), or `nil` at the end of the file. The designator is consumed; whatever the
    /// caller left unread of the previous line is skipped.
    public func nextLine() -> UInt8? {
        if insideLine {
            skipRestOfLine()
            insideLine = false
        }
        // Scanning state is kept in locals in the hot loops: every access to a class's stored property
        // costs a dynamic exclusivity check.
        var scan = position
        var line = lineNumber
        defer {
            position = scan
            lineNumber = line
        }
        while scan < count {
            line += 1
            while buffer[scan] == UInt8(ascii: " ") || buffer[scan] == UInt8(ascii: "\t") { scan += 1 }
            let first = buffer[scan]
            if first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r")
                || (first == UInt8(ascii: "c") && isSeparator(buffer[scan + 1]))
            {
                while buffer[scan] != UInt8(ascii: "\n") { scan += 1 }
                scan += 1
                continue
            }
            scan += 1
            insideLine = true
            return first
        }
        return nil
    }

    /// The next token of the line as text (for the words of a `p` line).
    public func word(_ what: String) throws(DIMACSError) -> String {
        skipBlanks()
        let start = position
        while !isSeparator(buffer[position]) { position += 1 }
        guard position > start else { throw error("expected \(what), found the end of the line") }
        return String(decoding: UnsafeBufferPointer(start: buffer + start, count: position - start), as: UTF8.self)
    }

    /// The next token as a whole number.
    public func integer(_ what: String) throws(DIMACSError) -> Int {
        skipBlanks()
        let start = position
        var scan = start
        var negative = false
        if buffer[scan] == UInt8(ascii: "-") {
            negative = true
            scan += 1
        }
        let digitsStart = scan
        guard let value = Self.digitsValue(buffer, from: &scan) else { throw error("\(what) is too large") }
        guard scan > digitsStart, isSeparator(buffer[scan]) else {
            throw error("expected \(what), found \(describeToken())")
        }
        position = scan
        return negative ? -value : value
    }

    /// The next token as a number, whole or decimal (`12`, `-3.5`, `1e6`); sets ``sawDecimal`` for a
    /// number written with a fraction or exponent.
    public func number(_ what: String) throws(DIMACSError) -> Double {
        skipBlanks()
        let start = position
        var isDecimal = false
        var scan = position
        while !isSeparator(buffer[scan]) {
            let byte = buffer[scan]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { isDecimal = true }
            scan += 1
        }
        if !isDecimal { return Double(try integer(what)) }
        var end: UnsafeMutablePointer<CChar>?
        let value = (buffer + start).withMemoryRebound(to: CChar.self, capacity: scan - start + 1) { text in
            let parsed = strtod(text, &end)
            return (parsed, end.map { UnsafeMutableRawPointer($0) == UnsafeMutableRawPointer(text + (scan - start)) } ?? false)
        }
        guard value.1, value.0.isFinite else { throw error("expected \(what), found \(describeToken())") }
        position = scan
        sawDecimal = true
        return value.0
    }

    /// The next token as a whole number when it is written as one, else as a decimal; the fast path
    /// for weights that are usually integral, reading each digit once.
    public func integerOrDecimal(_ what: String) throws(DIMACSError) -> DIMACSNumber {
        skipBlanks()
        let start = position
        var scan = position
        if buffer[scan] == UInt8(ascii: "-") { scan += 1 }
        let digitsStart = scan
        let parsed = Self.digitsValue(buffer, from: &scan)
        let next = buffer[scan]
        if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            return .decimal(try number(what))
        }
        guard let value = parsed, scan > digitsStart, isSeparator(next) else {
            // The general reader produces the precise message.
            return .integer(try integer(what))
        }
        position = scan
        return .integer(buffer[start] == UInt8(ascii: "-") ? -value : value)
    }

    /// Checks that nothing but blanks is left on the line, and moves past it.
    public func endLine() throws(DIMACSError) {
        skipBlanks()
        guard buffer[position] == UInt8(ascii: "\n") || buffer[position] == UInt8(ascii: "\r") else {
            throw error("unexpected \(describeToken()) at the end of the line")
        }
        skipRestOfLine()
        insideLine = false
    }

    /// An error at the current line.
    public func error(_ message: String) -> DIMACSError {
        DIMACSError(source: source, line: lineNumber, message: message)
    }

    /// The value of the decimal digits at `scan`, moving `scan` past them; `nil` when it exceeds `Int`.
    /// Up to 18 digits cannot overflow, so only longer numbers pay for overflow checks.
    @inline(__always)
    private static func digitsValue(_ buffer: UnsafeMutablePointer<UInt8>, from scan: inout Int) -> Int? {
        let start = scan
        var value = 0
        while case let digit = buffer[scan] &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ Int(digit)
            scan += 1
        }
        guard scan - start > 18 else { return value }
        value = 0
        for index in start..<scan {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(buffer[index] &- UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    private func skipBlanks() {
        var scan = position
        while buffer[scan] == UInt8(ascii: " ") || buffer[scan] == UInt8(ascii: "\t") { scan += 1 }
        position = scan
    }

    private func skipRestOfLine() {
        var scan = position
        while buffer[scan] != UInt8(ascii: "\n") { scan += 1 }
        position = scan + 1
    }

    private func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    private func describeToken() -> String {
        skipBlanks()
        var end = position
        while !isSeparator(buffer[end]) && end - position < 40 { end += 1 }
        if end == position { return "the end of the line" }
        let token = String(decoding: UnsafeBufferPointer(start: buffer + position, count: end - position), as: UTF8.self)
        return "\"\(token.escapingControlCharacters)\""
    }

    /// A line's first byte as a message shows it: the character, or its value when it is not printable ASCII.
    public static func describe(designator: UInt8) -> String {
        (0x21...0x7E).contains(designator)
            ? "\"\(Character(Unicode.Scalar(designator)))\"" : "byte 0x" + String(designator, radix: 16, uppercase: true)
    }

}

/// A number token as written: whole, or with a fraction or exponent.
public enum DIMACSNumber: Sendable, Equatable {
    case integer(Int)
    case decimal(Double)
}

/// A DIMACS file that cannot be read: where and what.
public struct DIMACSError: Error, Sendable, Equatable, CustomStringConvertible {
    public let source: String
    /// The 1-based line, or 0 for the file as a whole.
    public let line: Int
    public let message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        let shown = source.escapingControlCharacters
        return line > 0 ? "\(shown):\(line): \(message)" : "\(shown): \(message)"
    }
}
