#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads input files whole, for every reader of corridor (network JSON and the DIMACS formats), with
/// one set of messages for what can go wrong before the first byte is parsed.
///
/// Regular files, pipes, FIFOs and character devices are read; a FIFO with no writer reads as empty
/// instead of blocking. A file with a NUL byte is refused where that byte is (the sign of a binary file,
/// UTF-16 text or a sparse file), so that a huge file of zeros costs one chunk, not its size. Input
/// that is not a regular file is read up to ``streamLimit`` bytes.
public enum InputFile {
    /// The most bytes read from a pipe, FIFO or device (a regular file is read to its size).
    public static let streamLimit = 1 << 30

    /// The largest input read at all: half the machine's memory.
    public static var memoryLimit: Int {
        Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE))) / 2
    }

    /// Reads the file at `path`.
    /// - Throws: ``InputFileError`` saying why: no such file, a folder, permission denied, empty, a NUL
    ///   byte (with its line), UTF-16 text, or what the system said.
    public static func read(path: String) throws(InputFileError) -> InputBytes {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputFileError(path: path, reason: openFailure(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputFileError(path: path, reason: systemReason(errno)) }
        let kind = status.st_mode & S_IFMT
        switch kind {
        case S_IFDIR: throw InputFileError(path: path, reason: "is a folder, not a file")
        case S_IFSOCK: throw InputFileError(path: path, reason: "is a socket, not a file")
        default: break
        }
        // Reads block again once open: a FIFO whose writer has not come yet reads as end of file.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let isRegular = kind == S_IFREG
        let size = isRegular ? Int(status.st_size) : 0
        guard size <= memoryLimit else {
            throw InputFileError(
                path: path, reason: "is \(size >> 20) MiB, more than half this machine's memory (\(memoryLimit >> 20) MiB)")
        }
        let bytes = InputBytes(capacity: isRegular ? size : 1 << 16)
        let limit = isRegular ? memoryLimit : streamLimit
        while true {
            if bytes.count == bytes.capacity {
                // A regular file usually ends at its size: probe before growing the buffer.
                var probe: UInt8 = 0
                let got = Glibc.read(descriptor, &probe, 1)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    if got < 0 { throw InputFileError(path: path, reason: systemReason(errno)) }
                    break
                }
                guard bytes.count < limit else {
                    throw InputFileError(path: path, reason: "more than \(limit >> 20) MiB; save it to a regular file")
                }
                bytes.grow(to: bytes.capacity * 2 + 4096)
                bytes.base[bytes.count] = probe
                try checkText(bytes, newFrom: bytes.count, count: 1, path: path)
                bytes.count += 1
            }
            // Chunks of at most 64 MiB, so that a NUL byte stops a huge file early.
            let got = Glibc.read(descriptor, bytes.base + bytes.count, min(bytes.capacity - bytes.count, 1 << 26))
            if got < 0 {
                if errno == EINTR { continue }
                throw InputFileError(path: path, reason: systemReason(errno))
            }
            if got == 0 { break }
            try checkText(bytes, newFrom: bytes.count, count: got, path: path)
            bytes.count += got
        }
        guard bytes.count > 0 else {
            throw InputFileError(
                path: path, reason: kind == S_IFIFO ? "nothing to read (a pipe or FIFO with no writer?)" : "the file is empty")
        }
        return bytes
    }

    /// Refuses a chunk that holds a NUL byte, naming its line, or UTF-16 text as such.
    private static func checkText(_ bytes: InputBytes, newFrom start: Int, count: Int, path: String) throws(InputFileError) {
        guard let found = memchr(bytes.base + start, 0, count) else { return }
        let offset = UnsafeMutableRawPointer(found) - UnsafeMutableRawPointer(bytes.base)
        let all = UnsafeBufferPointer(start: bytes.base, count: start + count)
        if all.count >= 2, all[0] == 0xFF && all[1] == 0xFE || all[0] == 0xFE && all[1] == 0xFF
            || offset <= 1 && looksLikeUTF16Text(all)
        {
            throw InputFileError(path: path, reason: "looks like UTF-16 text; corridor reads UTF-8: save the file as UTF-8")
        }
        let line = all[..<offset].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        throw InputFileError(path: path, line: line, reason: "a NUL byte at byte \(offset + 1): this is not a text file")
    }

    /// True when the first characters read as UTF-16 without a byte-order mark: printable ASCII in one
    /// byte of each pair and zero in the other, for at least two characters.
    private static func looksLikeUTF16Text(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let pairs = min(bytes.count, 16) / 2
        guard pairs >= 2 else { return false }
        func isText(_ byte: UInt8) -> Bool { byte == 0x09 || byte == 0x0A || byte == 0x0D || (0x20...0x7E).contains(byte) }
        let littleEndian = (0..<pairs).allSatisfy { isText(bytes[2 * $0]) && bytes[2 * $0 + 1] == 0 }
        let bigEndian = (0..<pairs).allSatisfy { bytes[2 * $0] == 0 && isText(bytes[2 * $0 + 1]) }
        return littleEndian || bigEndian
    }

    private static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        case ENOTDIR: "a folder on the path is a file"
        default: systemReason(code)
        }
    }

    static func systemReason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}

/// The bytes of an input file, with two spare bytes after them for a reader's sentinel.
public final class InputBytes {
    /// The file's bytes: `base[0..<count]`.
    public private(set) var base: UnsafeMutablePointer<UInt8>
    public fileprivate(set) var count = 0
    fileprivate private(set) var capacity: Int

    fileprivate init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity + 2)
    }

    /// Bytes held in memory (for tests and text passed in by a program).
    public convenience init(_ bytes: some Collection<UInt8>) {
        self.init(capacity: bytes.count)
        _ = UnsafeMutableBufferPointer(start: base, count: bytes.count).initialize(from: bytes)
        count = bytes.count
    }

    deinit { base.deallocate() }

    fileprivate func grow(to newCapacity: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity + 2)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }

    /// The file's bytes, valid while this object lives.
    private var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes as an array (a copy).
    public var array: [UInt8] { Array(buffer) }

    /// True when the first byte that is not white space or a UTF-8 byte-order mark is `{`: a network
    /// file. Anything else is read as DIMACS.
    public var looksLikeJSON: Bool {
        let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
        return buffer.first(where: { !blank.contains($0) }) == UInt8(ascii: "{")
    }
}

/// An input file that cannot be read as text: where and why.
public struct InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    /// The 1-based line of the fault, when it has one.
    public let line: Int?
    public let reason: String

    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let shown = path.escapingControlCharacters
        return line.map { "\(shown):\($0): \(reason)" } ?? "\(shown): \(reason)"
    }
}
