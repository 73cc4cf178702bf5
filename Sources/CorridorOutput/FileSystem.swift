import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The system calls behind the output policy, each turning a failure into an ``OutputError`` reason.
enum FileSystem {
    /// What a path names, without following a final symbolic link.
    enum Kind: Equatable {
        case missing
        case regular(mode: mode_t)
        case directory(mode: mode_t)
        case symbolicLink
        /// A device, FIFO or socket: written to in place, never replaced.
        case special(isFIFO: Bool, isSocket: Bool)
    }

    static func kind(of path: String) throws(OutputError) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return .missing }
            throw OutputError(path: path, reason: reason(errno))
        }
        let mode = status.st_mode & ~S_IFMT
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular(mode: mode)
        case S_IFDIR: return .directory(mode: mode)
        case S_IFLNK: return .symbolicLink
        case let type: return .special(isFIFO: type == S_IFIFO, isSocket: type == S_IFSOCK)
        }
    }

    /// Follows symbolic links to the path they finally name (which may not exist yet), so that a
    /// link is written through and stays a link.
    static func resolvingLinks(_ path: String, shownAs shown: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<40 {
            guard try kind(of: current) == .symbolicLink, openDescriptor(named: current) == nil else { return current }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &target, Int(PATH_MAX))
            guard length >= 0 else { throw OutputError(path: shown, reason: reason(errno)) }
            let destination = String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current =
                destination.hasPrefix("/")
                ? destination : join(folder(of: current), destination)
        }
        throw OutputError(path: shown, reason: "too many levels of symbolic links")
    }

    /// The descriptor a path such as `/dev/stdout`'s target `/proc/self/fd/1` or `/dev/fd/2` names: such a
    /// path is the process's own open file, to be written through that descriptor, never replaced.
    static func openDescriptor(named path: String) -> Int32? {
        // By name, whatever /dev holds: on some systems these are not links.
        if path == "/dev/stdout" { return STDOUT_FILENO }
        if path == "/dev/stderr" { return STDERR_FILENO }
        for prefix in ["/proc/self/fd/", "/dev/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
            return Int32(path.dropFirst(prefix.count))
        }
        return nil
    }

    /// The folder a path is in (`.` for a bare name). Paths are split here, not with Foundation's
    /// `NSString` path methods, which trap on a one-character name on Linux.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// `folder/name`.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The path without trailing slashes (`/` stays `/`).
    static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// The name pattern of every temporary file or folder corridor makes: `.<target>.corridor-tmp-<pid>-<random>`,
    /// beside its target, so that a killed run's leftovers are recognisable and removed by the next run.
    static func temporaryPath(for target: String) -> String {
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        return join(folder(of: target), temporaryPrefix(for: name(of: target)) + "\(getpid())-\(random)")
    }

    /// `.<name>.corridor-tmp-`, with the name cut to 200 bytes so that the whole stays within the
    /// 255-byte limit of a file name.
    private static func temporaryPrefix(for name: String) -> String {
        var cut = Substring(name)
        while cut.utf8.count > 200 { cut = cut.dropLast() }
        return ".\(cut).corridor-tmp-"
    }

    /// Removes the temporary files and folders of `target` left by runs that were killed (their process
    /// is gone). A folder is removed only while it holds nothing but regular files.
    static func removeStaleTemporaries(of target: String) {
        let folder = folder(of: target)
        let prefix = temporaryPrefix(for: name(of: target))
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }), pid > 0,
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            let path = join(folder, entry)
            switch try? kind(of: path) {
            case .regular: unlink(path)
            case .directory: removeFolderOfFiles(path)
            default: break
            }
        }
    }

    /// Removes a folder that holds only regular files; anything else in it leaves it, and every file in
    /// it, in place.
    @discardableResult
    static func removeFolderOfFiles(_ path: String) -> Bool {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).map { join(path, $0) }
        for file in files {
            guard case .regular = try? kind(of: file) else { return false }
        }
        for file in files { unlink(file) }
        return rmdir(path) == 0
    }

    /// Writes all of `data` to an open descriptor.
    static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(OutputError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw OutputError(path: path, reason: reason(failure)) }
    }

    /// Creates `path` (which must not exist) holding `data`, flushed to the disk.
    static func createFile(_ path: String, _ data: Data, mode: mode_t, shownAs shown: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let failure = errno
            throw OutputError(path: shown, reason: "cannot create a file in \(folder(of: path)) (\(reason(failure)))")
        }
        do {
            try writeAll(data, to: descriptor, path: shown)
            try flush(descriptor, shownAs: shown)
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
        close(descriptor)
    }

    /// Flushes an open file to the disk; a device that cannot be flushed (a terminal, /dev/null) is fine.
    static func flush(_ descriptor: Int32, shownAs shown: String) throws(OutputError) {
        guard fsync(descriptor) == 0 || errno == EINVAL || errno == EROFS else {
            throw OutputError(path: shown, reason: reason(errno))
        }
    }

    /// Flushes a folder's entries (a rename in it) to the disk.
    static func flushFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Checks that the folder a new file or folder goes into exists.
    static func requireParentFolder(of path: String, shownAs shown: String) throws(OutputError) {
        let parent = folder(of: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(path: shown, reason: "no folder \(parent)")
        }
    }

    /// The file-creation mode the process's umask leaves from 0666.
    static var newFileMode: mode_t { 0o666 & ~currentUmask }

    /// The process's umask (read by setting and restoring it: there is no other call).
    static var currentUmask: mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
