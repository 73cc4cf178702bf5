import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// corridor's output policy for one file: it writes only what it is asked to write, and never leaves half
/// a file.
///
/// - `-` is standard output.
/// - A new or regular file is written to a temporary file beside it (`.<name>.corridor-tmp-<pid>-<random>`),
///   flushed to the disk and renamed over the target, keeping an existing file's permissions. A killed
///   run leaves the target as it was; its temporary file is removed by the next run to the same target.
/// - A symbolic link is written through: the file it names is replaced, the link stays.
/// - A device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written to in place, never replaced.
/// - A folder or a socket is refused.
public enum OutputFile {
    /// Writes `text` as UTF-8 to `path` (see ``OutputFile``).
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path` (see ``OutputFile``).
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        switch try destination(of: path) {
        case .standardOutput:
            try FileSystem.writeAll(data, to: STDOUT_FILENO, path: "standard output")
        case .device(let device):
            if let descriptor = FileSystem.openDescriptor(named: device) {
                try FileSystem.writeAll(data, to: descriptor, path: path)
            } else {
                try writeInPlace(data, to: device, shownAs: path)
            }
        case .file(let file):
            FileSystem.removeStaleTemporaries(of: file)
            let existingMode: mode_t? =
                if case .regular(let mode) = try FileSystem.kind(of: file) { mode } else { nil }
            let temporary = FileSystem.temporaryPath(for: file)
            try FileSystem.createFile(temporary, data, mode: existingMode ?? FileSystem.newFileMode, shownAs: path)
            // open(2) applies the umask to the mode; an existing file keeps exactly its own.
            if let existingMode { chmod(temporary, existingMode) }
            try commit(temporary, to: file, shownAs: path)
        }
    }

    /// Where a write to a path would land.
    public enum Destination: Sendable, Equatable {
        case standardOutput
        /// A device, FIFO or another of the process's open files (`/dev/fd/3`), written in place.
        case device(String)
        /// A regular file (existing or to be created), by its absolute path with links followed.
        case file(String)
    }

    /// Where a write to `path` would land, checked as far as it can be without writing: a folder, a
    /// socket or a missing folder is refused here. Commands call it for every target before writing
    /// any, so a bad last target does not leave the first ones written, and two targets that are one
    /// file can be told apart.
    public static func destination(of path: String) throws(OutputError) -> Destination {
        if path == "-" { return .standardOutput }
        guard !path.isEmpty else { throw OutputError(path: "\"\"", reason: "an empty file name") }
        let file = try FileSystem.resolvingLinks(path, shownAs: path)
        if let descriptor = FileSystem.openDescriptor(named: file) {
            return descriptor == STDOUT_FILENO ? .standardOutput : .device(file)
        }
        switch try FileSystem.kind(of: file) {
        case .directory: throw OutputError(path: path, reason: "is a folder; name a file")
        case .special(_, isSocket: true): throw OutputError(path: path, reason: "is a socket")
        case .special: return .device(file)
        case .missing, .symbolicLink, .regular: try FileSystem.requireParentFolder(of: file, shownAs: path)
        }
        guard let folder = realpath(FileSystem.folder(of: file), nil) else { return .file(file) }
        defer { free(folder) }
        return .file(FileSystem.join(String(cString: folder), FileSystem.name(of: file)))
    }

    /// Renames a finished temporary file over its target and flushes the folder's entry.
    private static func commit(_ temporary: String, to file: String, shownAs path: String) throws(OutputError) {
        guard rename(temporary, file) == 0 else {
            let failure = errno
            unlink(temporary)
            throw OutputError(path: path, reason: FileSystem.reason(failure))
        }
        FileSystem.flushFolder(FileSystem.folder(of: file))
    }

    /// Writes to a device or FIFO where it is. A FIFO nobody reads from is an error, not a wait.
    private static func writeInPlace(_ data: Data, to device: String, shownAs path: String) throws(OutputError) {
        let descriptor = open(device, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let failure = errno
            let isFIFO = (try? FileSystem.kind(of: device)) == .special(isFIFO: true, isSocket: false)
            let reason =
                failure == ENXIO && isFIFO ? "no process is reading from the FIFO"
                : failure == ENXIO ? "the device is not available (no such device or address)" : FileSystem.reason(failure)
            throw OutputError(path: path, reason: reason)
        }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        try FileSystem.writeAll(data, to: descriptor, path: path)
    }
}
