#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    private let buffer: UnsafeMutablePointer<UInt8>
    private let count: Int
    private var position = 0
    /// True while a line's tokens are being read; the next ``nextLine()`` first skips what is left of it.
    private var insideLine = false

    /// Reads the file at `path`.
    /// - Throws: ``DIMACSError`` when the file cannot be opened or read.
    public init(path: String) throws(DIMACSError) {
        source = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw DIMACSError(source: path, line: 0, message: Self.systemReason()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw DIMACSError(source: path, line: 0, message: Self.systemReason())
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw DIMACSError(source: path, line: 0, message: "not a regular file")
        }
        let size = Int(status.st_size)
        buffer = .allocate(capacity: size + 2)
        var filled = 0
        while filled < size {
            let got = read(descriptor, buffer + filled, size - filled)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                buffer.deallocate()
                throw DIMACSError(source: path, line: 0, message: got < 0 ? Self.systemReason() : "file shrank while reading")
            }
            filled += got
        }
        buffer[size] = UInt8(ascii: "\n")
        buffer[size + 1] = 0
        count = size
    }

    /// Scans text held in memory (for tests and piped input).
    public init(text: String, source: String) {
        self.source = source
        let bytes = Array(text.utf8)
        count = bytes.count
        buffer = .allocate(capacity: count + 2)
        buffer.initialize(from: bytes, count: count)
        buffer[count] = UInt8(ascii: "\n")
        buffer[count + 1] = 0
    }

    deinit { buffer.deallocate() }

    /// Moves to the next line that is neither blank nor a comment and returns its first character
    /// (`p`, `a`, `n`, …), or `nil` at the end of the file. The designator is consumed; whatever the
    /// caller left unread of the previous line is skipped.
    public func nextLine() -> UInt8? {
        if insideLine {
            skipRestOfLine()
            insideLine = false
        }
        while position < count {
            lineNumber += 1
            skipBlanks()
            let first = buffer[position]
            if first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") {
                skipRestOfLine()
                continue
            }
            if first == UInt8(ascii: "c") && isSeparator(buffer[position + 1]) {
                skipRestOfLine()
                continue
            }
            position += 1
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
        var negative = false
        if buffer[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var value = 0
        var digits = 0
        while case let digit = buffer[position] &- UInt8(ascii: "0"), digit < 10 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(digit))
            guard !overflow1, !overflow2 else {
                position = start
                throw error("\(what) is too large")
            }
            value = sum
            digits += 1
            position += 1
        }
        guard digits > 0, isSeparator(buffer[position]) else {
            position = start
            throw error("expected \(what), found \(describeToken())")
        }
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

    private func skipBlanks() {
        while buffer[position] == UInt8(ascii: " ") || buffer[position] == UInt8(ascii: "\t") { position += 1 }
    }

    private func skipRestOfLine() {
        while buffer[position] != UInt8(ascii: "\n") { position += 1 }
        position += 1
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
        return "\"\(token)\""
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }
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

    public var description: String { line > 0 ? "\(source):\(line): \(message)" : "\(source): \(message)" }
}
